/**
 * The key-value store the app keeps its records in. The platform layer implements
 * it over the extension's storage.local area; tests use an in-memory one.
 */
export interface KeyValueStore {
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  getAll(): Promise<Record<string, unknown>>;
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
