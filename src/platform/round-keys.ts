/**
 * The private keys of the rounds this browser started. A CryptoKey cannot go into
 * extension storage (it is not JSON), but IndexedDB keeps it by structured clone,
 * which preserves `extractable: false`: the key can open codes, never be read out.
 */
import type { RoundKeyStore } from '../ui/team/team-store';

const DATABASE = 'shiftmeter';
const STORE = 'round-keys';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openDatabase().then((db) => new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => {
      db.close();
      resolve(request.result as T);
    };
    transaction.onerror = () => {
      db.close();
      reject(transaction.error ?? request.error);
    };
    transaction.onabort = () => {
      db.close();
      reject(transaction.error ?? new Error('The key store transaction was aborted'));
    };
  }));
}

export function createRoundKeyStore(): RoundKeyStore {
  return {
    async get(roundId) {
      const key = await run<unknown>('readonly', (store) => store.get(roundId));
      return key instanceof CryptoKey ? key : null;
    },
    async put(roundId, key) {
      await run('readwrite', (store) => store.put(key, roundId));
    },
    async clear() {
      await run('readwrite', (store) => store.clear());
    },
  };
}
