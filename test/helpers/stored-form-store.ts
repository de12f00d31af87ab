import { fromStoredItems, toStoredItems } from '../../src/core/storage/stored-form';
import { MemoryStore } from './memory-store';

/**
 * A MemoryStore that keeps records in their stored form, as the extension's store does
 * (src/platform/extension-storage.ts): `snapshot()` shows what the browser would hold,
 * and the quota counts that form.
 */
export class StoredFormStore extends MemoryStore {
  override async get(keys: readonly string[]) {
    return fromStoredItems(await super.get(keys));
  }

  override async set(items: Record<string, unknown>) {
    await super.set(toStoredItems(items));
  }
}
