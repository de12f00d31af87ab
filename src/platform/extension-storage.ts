import { browser } from './browser';
import { StorageFullError, isQuotaMessage, type KeyValueStore } from '../core/storage/store';

/** `browser.storage.local`, with quota failures turned into StorageFullError. */
export function createExtensionStore(): KeyValueStore {
  const area = browser.storage.local;
  return {
    get: (keys) => area.get([...keys]),
    getAll: () => area.get(null),
    async set(items) {
      try {
        await area.set(items);
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
