/**
 * The key-value store the app keeps its records in. The platform layer implements
 * it over the extension's storage.local area; tests use an in-memory one.
 */
export interface KeyValueStore {
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  getAll(): Promise<Record<string, unknown>>;
  /**
   * Every record whose key starts with one of `prefixes`. Extension storage has no read by
   * prefix, so it is read whole; but only these records are decoded, so a page that lists
   * a few rounds or packs does not decode a history of sittings to find them.
   */
  getPrefixed(prefixes: readonly string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
  /** Calls `listener` with the changed keys whenever another page (or this one) writes. */
  onChanged(listener: (changedKeys: string[]) => void): () => void;
  /** Runs `task` while holding a lock shared by every page of the extension. */
  exclusive<T>(lockName: string, task: () => Promise<T>): Promise<T>;
}

/** Thrown by `set` when the browser refuses a write for lack of space. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('Storage is full', { cause });
    this.name = 'StorageFullError';
  }
}

export function isQuotaMessage(message: string): boolean {
  return /quota|QUOTA_BYTES|storage.*full|exceed/i.test(message);
}
