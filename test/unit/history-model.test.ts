import { describe, expect, it } from 'vitest';
import { KEYS, SCHEMA_VERSION, sittingKey, type Sitting } from '../../src/core/storage/records';
import { createHistoryModel } from '../../src/ui/history/history-model';
import { MemoryStore } from '../helpers/memory-store';

function sitting(id: string, completedAt: string): Sitting {
  return {
    schema: 1, id, questionnaire: { id: 'q', version: 1 }, startedAt: completedAt, completedAt, language: 'en',
    answers: { i1: 3 }, wanted: { d1: 5 },
  };
}

/** A store whose full reads see the data as it was when asked, and answer only when let go. */
class SlowReadStore extends MemoryStore {
  private gates: (() => void)[] = [];
  override async getAll() {
    const snapshot = this.snapshot();
    await new Promise<void>((resolve) => this.gates.push(resolve));
    return snapshot;
  }
  get waiting() {
    return this.gates.length;
  }
  release() {
    this.gates.shift()?.();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the history model', () => {
  it('reads again when a sitting is written while a read is under way, so the new sitting is shown', async () => {
    const store = new SlowReadStore({ [KEYS.schemaVersion]: SCHEMA_VERSION, [sittingKey('a')]: sitting('a', '2025-01-01T00:00:00.000Z') });
    const history = createHistoryModel({ store, now: () => new Date() });
    const done = history.load();
    await store.set({ [sittingKey('b')]: sitting('b', '2025-02-01T00:00:00.000Z') });
    expect(store.waiting).toBe(1);
    store.release();
    await settle();
    // The first read (without b) has landed; a second one is on its way.
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    expect(store.waiting).toBe(1);
    store.release();
    await done;
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a', 'b']);
    expect(history.loading).toBe(false);
    history.dispose();
  });

  it('never shows records of a schema it does not hold, and reads again when the schema version is written', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION + 1, [sittingKey('a')]: sitting('a', '2025-01-01T00:00:00.000Z') });
    const history = createHistoryModel({ store, now: () => new Date() });
    await history.load();
    expect(history.loaded.value).toBe(false);
    expect(history.sittings.value).toEqual([]);
    // What a migration's write of the version looks like to the model.
    await store.set({ [KEYS.schemaVersion]: SCHEMA_VERSION });
    await settle();
    expect(history.loaded.value).toBe(true);
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    history.dispose();
  });

  it('shows an empty store, a fresh install, as an empty history', async () => {
    const history = createHistoryModel({ store: new MemoryStore(), now: () => new Date() });
    await history.load();
    expect(history.loaded.value).toBe(true);
    expect(history.sittings.value).toEqual([]);
    history.dispose();
  });
});

describe('deleting a sitting', () => {
  it('keeps the deleted sitting for Undo in the model, and Undo brings it and its note back', async () => {
    const store = new MemoryStore({
      [KEYS.schemaVersion]: SCHEMA_VERSION,
      [sittingKey('a')]: sitting('a', '2026-01-01T00:00:00.000Z'),
      'note:a': { schema: 1, sittingId: 'a', text: 'kept', updatedAt: '2026-01-02T00:00:00.000Z' },
    });
    const history = createHistoryModel({ store, now: () => new Date('2026-02-01T00:00:00.000Z') });
    await history.load();
    const deleted = await history.deleteSitting('a');
    expect(history.lastDeleted.value).toBe(deleted);
    expect(history.sittings.value).toEqual([]);
    expect(await history.restore(deleted!)).toBe(true);
    expect(history.lastDeleted.value).toBeNull();
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    expect(history.notes.value.a?.text).toBe('kept');
    history.dispose();
  });
});
