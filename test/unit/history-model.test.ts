import { describe, expect, it } from 'vitest';
import { KEYS, SCHEMA_VERSION, sittingKey, type Sitting } from '../../src/core/storage/records';
import { HistoryModel } from '../../src/ui/history/history-model';
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
    const history = new HistoryModel({ store, now: () => new Date() });
    const done = history.ensureLoaded();
    // Asked again while the read is under way (another view opening): no second read.
    void history.ensureLoaded();
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
    expect(store.waiting).toBe(0);
    // Both reads are over, so the next change starts a read of its own.
    await store.set({ [sittingKey('c')]: sitting('c', '2025-03-01T00:00:00.000Z') });
    expect(store.waiting).toBe(1);
    store.release();
    await settle();
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    history[Symbol.dispose]();
  });

  it('never shows records of a schema it does not hold, and reads again when the schema version is written', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION + 1, [sittingKey('a')]: sitting('a', '2025-01-01T00:00:00.000Z') });
    const history = new HistoryModel({ store, now: () => new Date() });
    await history.ensureLoaded();
    expect(history.status.value).toEqual({ kind: 'loading' });
    expect(history.sittings.value).toEqual([]);
    // What a migration's write of the version looks like to the model.
    await store.set({ [KEYS.schemaVersion]: SCHEMA_VERSION });
    await settle();
    expect(history.status.value).toEqual({ kind: 'ready' });
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    history[Symbol.dispose]();
  });

  it('shows an empty store, a fresh install, as an empty history', async () => {
    const history = new HistoryModel({ store: new MemoryStore(), now: () => new Date() });
    await history.ensureLoaded();
    expect(history.status.value).toEqual({ kind: 'ready' });
    expect(history.sittings.value).toEqual([]);
    history[Symbol.dispose]();
  });
});

describe('a history that cannot be read', () => {
  it('shows a failed first read as such, keeps what is shown when a later read fails, and reads again when asked', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION, [sittingKey('a')]: sitting('a', '2025-01-01T00:00:00.000Z') });
    const readAll = store.getAll.bind(store);
    let readable = false;
    store.getAll = async () => {
      if (!readable) throw new Error('disk gone');
      return readAll();
    };
    const history = new HistoryModel({ store, now: () => new Date() });
    await history.ensureLoaded();
    expect(history.status.value).toEqual({ kind: 'failed', detail: 'disk gone' });
    readable = true;
    await history.ensureLoaded();
    expect(history.status.value).toEqual({ kind: 'ready' });
    readable = false;
    await store.set({ [sittingKey('b')]: sitting('b', '2025-02-01T00:00:00.000Z') });
    await settle();
    expect(history.status.value).toEqual({ kind: 'ready' });
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    history[Symbol.dispose]();
  });
});

describe('disposing the model', () => {
  it('stops listening to storage, so a disposed model reads nothing more', async () => {
    const store = new MemoryStore({ [KEYS.schemaVersion]: SCHEMA_VERSION });
    const history = new HistoryModel({ store, now: () => new Date() });
    await history.ensureLoaded();
    history[Symbol.dispose]();
    await store.set({ [sittingKey('a')]: sitting('a', '2025-01-01T00:00:00.000Z') });
    await settle();
    expect(history.sittings.value).toEqual([]);
  });
});

describe('deleting a sitting', () => {
  it('keeps the deleted sitting for Undo in the model, and Undo brings it and its note back', async () => {
    const store = new MemoryStore({
      [KEYS.schemaVersion]: SCHEMA_VERSION,
      [sittingKey('a')]: sitting('a', '2026-01-01T00:00:00.000Z'),
      'note:a': { schema: 1, sittingId: 'a', text: 'kept', updatedAt: '2026-01-02T00:00:00.000Z' },
    });
    const history = new HistoryModel({ store, now: () => new Date('2026-02-01T00:00:00.000Z') });
    await history.ensureLoaded();
    const deleted = await history.deleteSitting('a');
    expect(history.lastDeleted.value).toBe(deleted);
    expect(history.sittings.value).toEqual([]);
    expect(await history.restore(deleted!)).toBe(true);
    expect(history.lastDeleted.value).toBeNull();
    expect(history.sittings.value.map((s) => s.id)).toEqual(['a']);
    expect(history.notes.value.a?.text).toBe('kept');
    history[Symbol.dispose]();
  });
});
