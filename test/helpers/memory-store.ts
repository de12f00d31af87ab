import { StorageFullError, type KeyValueStore } from '../../src/core/storage/store';

/**
 * An in-memory KeyValueStore that behaves like extension storage where it matters:
 * values are copied in and out (as structured clones), change listeners fire, locks
 * serialise, and a byte quota can make writes fail.
 */
export class MemoryStore implements KeyValueStore {
  data = new Map<string, unknown>();
  quotaBytes = Infinity;
  writes = 0;
  private listeners = new Set<(keys: string[]) => void>();
  private locks = new Map<string, Promise<unknown>>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
  }

  async get(keys: readonly string[]) {
    const result: Record<string, unknown> = {};
    for (const key of keys) if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return result;
  }

  async getAll() {
    return this.get([...this.data.keys()]);
  }

  async getPrefixed(prefixes: readonly string[]) {
    return this.get([...this.data.keys()].filter((key) => prefixes.some((prefix) => key.startsWith(prefix))));
  }

  async set(items: Record<string, unknown>) {
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, structuredClone(value));
    if (sizeOf(next) > this.quotaBytes) throw new StorageFullError();
    this.data = next;
    this.writes++;
    this.emit(Object.keys(items));
  }

  async remove(keys: readonly string[]) {
    for (const key of keys) this.data.delete(key);
    this.emit([...keys]);
  }

  onChanged(listener: (keys: string[]) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const run = previous.then(task, task);
    this.locks.set(name, run.catch(() => undefined));
    return run;
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([key, value]) => [key, structuredClone(value)]));
  }

  private emit(keys: string[]) {
    for (const listener of this.listeners) listener(keys);
  }
}

function sizeOf(map: Map<string, unknown>): number {
  let bytes = 0;
  for (const [key, value] of map) bytes += key.length + JSON.stringify(value).length;
  return bytes;
}
