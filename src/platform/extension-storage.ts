import { browser } from './browser';
import { StorageFullError, isQuotaMessage, type KeyValueStore } from '../core/storage/store';
import { fromStoredItems, toStoredItems } from '../core/storage/stored-form';

/**
 * `browser.storage.local`, with quota failures turned into StorageFullError and records
 * kept in their stored form (src/core/storage/stored-form.ts).
 */
export function createExtensionStore(): KeyValueStore {
  const area = browser.storage.local;
  return {
    get: async (keys) => fromStoredItems(await area.get([...keys])),
    getAll: async () => fromStoredItems(await area.get(null)),
    async set(items) {
      try {
        await area.set(toStoredItems(items));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isQuotaMessage(message)) throw new StorageFullError(error);
        throw error;
      }
    },
    remove: (keys) => area.remove([...keys]),
    onChanged(listener) {
      const handler = (changes: Record<string, unknown>, areaName: string) => {
        if (areaName === 'local') listener(Object.keys(changes));
      };
      browser.storage.onChanged.addListener(handler);
      return () => browser.storage.onChanged.removeListener(handler);
    },
    exclusive: withLock,
  };
}

/**
 * Web Locks are shared by all pages and the background of one extension, so a
 * read-modify-write inside one cannot interleave with another page's.
 */
async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return task();
  return locks.request(`shiftmeter:${name}`, task);
}
