/**
 * The round vault in IndexedDB: each round's private key and protective state. A
 * CryptoKey cannot go into extension storage (it is not JSON), but IndexedDB keeps it
 * by structured clone, which preserves `extractable: false`: the key can open codes,
 * never be read out. Backups and restores work on extension storage only, so nothing
 * here can be rolled back or edited through them.
 */
import type { RoundState } from '../core/round/round-state';
import type { RoundVault } from '../core/round/round-vault';

const DATABASE = 'shiftmeter';
// Version 1 had the keys only; version 2 adds the states beside them.
const VERSION = 2;
const KEYS = 'round-keys';
const STATES = 'round-states';

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of [KEYS, STATES]) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs one transaction over the named stores; resolves with `action`'s result once it has committed. */
function run<T>(stores: string[], mode: IDBTransactionMode, action: (transaction: IDBTransaction) => () => T): Promise<T> {
  return openDatabase().then((db) => new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(stores, mode);
    const result = action(transaction);
    transaction.oncomplete = () => {
      db.close();
      resolve(result());
    };
    transaction.onerror = () => {
      db.close();
      reject(transaction.error);
    };
    transaction.onabort = () => {
      db.close();
      reject(transaction.error ?? new Error('The round vault transaction was aborted'));
    };
  }));
}

function getOne(store: string, roundId: string): Promise<unknown> {
  return run([store], 'readonly', (t) => {
    const request = t.objectStore(store).get(roundId);
    return () => request.result;
  });
}

export function createRoundVault(): RoundVault {
  return {
    async key(roundId) {
      const key = await getOne(KEYS, roundId);
      return key instanceof CryptoKey ? key : null;
    },
    state: (roundId) => getOne(STATES, roundId),
    roundIds: () => run([KEYS], 'readonly', (t) => {
      const request = t.objectStore(KEYS).getAllKeys();
      return () => request.result.map(String);
    }),
    states: () => run([STATES], 'readonly', (t) => {
      const store = t.objectStore(STATES);
      const keys = store.getAllKeys();
      const values = store.getAll();
      return () => Object.fromEntries(keys.result.map((key, i) => [String(key), values.result[i]]));
    }),
    create: (roundId, key, state: RoundState) => run([KEYS, STATES], 'readwrite', (t) => {
      t.objectStore(KEYS).put(key, roundId);
      t.objectStore(STATES).put(state, roundId);
      return () => undefined;
    }),
    putState: (roundId, state) => run([STATES], 'readwrite', (t) => {
      t.objectStore(STATES).put(state, roundId);
      return () => undefined;
    }),
    clear: () => run([KEYS, STATES], 'readwrite', (t) => {
      t.objectStore(KEYS).clear();
      t.objectStore(STATES).clear();
      return () => undefined;
    }),
  };
}
