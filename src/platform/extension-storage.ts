import { browser } from './browser';
import { StorageFullError, isQuotaMessage, type KeyValueStore } from '../core/storage/store';
import { fromStoredTextItems, holdsSittings, toStoredTextItems } from '../core/storage/stored-text';

let loadingSittingForm: Promise<typeof import('../core/storage/stored-form')> | null = null;

/**
 * The stored form of sittings (their compact codec), loaded with the first read or write
 * that holds a sitting: the popup's list never reads one. A page that reads sittings at
 * once (the dashboard's history) asks for it as it starts, beside its storage reads.
 */
export function sittingForm(): Promise<typeof import('../core/storage/stored-form')> {
  loadingSittingForm ??= import('../core/storage/stored-form');
  return loadingSittingForm;
}

/**
 * `browser.storage.local`, with quota failures turned into StorageFullError and records
 * kept in their stored form (src/core/storage/stored-form.ts).
 */
export function createExtensionStore(): KeyValueStore {
  const area = browser.storage.local;
  const read = async (items: Record<string, unknown>) => (holdsSittings(Object.keys(items)) ? (await sittingForm()).fromStoredItems(items) : fromStoredTextItems(items));
  return {
    get: async (keys) => read(await area.get([...keys])),
    getAll: async () => read(await area.get(null)),
    getPrefixed: async (prefixes) => read(withPrefix(await area.get(null), prefixes)),
    async set(items) {
      const stored = holdsSittings(Object.keys(items)) ? (await sittingForm()).toStoredItems(items) : toStoredTextItems(items);
      try {
        await area.set(stored);
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

function withPrefix(items: Record<string, unknown>, prefixes: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(items).filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix))));
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
