import { action, createModel, effect, signal } from '@preact/signals';
import { readStoredHistory, type SetAside } from '../../core/history/stored-records';
import { holdsCurrentSchema } from '../../core/storage/migrations';
import { isNote, KEYS, MAX_NOTE_LENGTH, noteKey, sittingKey, type Note, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { attemptSave, describeStorageError, type SaveProblem } from '../storage-errors';

export interface HistoryServices {
  store: KeyValueStore;
  now: () => Date;
}

/** What a deleted sitting needs to come back exactly as it was. */
export interface DeletedSitting {
  sitting: Sitting;
  note: Note | undefined;
}

/** `loading` until the first read of records of this schema has landed. */
export type HistoryStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; detail: string };

/**
 * Every sitting and note, kept fresh: a write from another page (the popup finishing
 * an assessment, a second dashboard tab editing a note) reloads the list. Owned by the
 * dashboard's main.tsx, which makes it before the first render so that its read can start
 * early, and disposes it when the page goes away.
 */
export const HistoryModel = createModel(({ store, now }: HistoryServices) => {
  const status = signal<HistoryStatus>({ kind: 'loading' });
  const sittings = signal<readonly Sitting[]>([]);
  const notes = signal<Readonly<Record<string, Note>>>({});
  const setAside = signal<readonly SetAside[]>([]);
  const saveProblem = signal<SaveProblem | null>(null);
  /** The sitting deleted last, until it is brought back or the page is left: what Undo restores. */
  const lastDeleted = signal<DeletedSitting | null>(null);

  let reading: Promise<void> | null = null;
  let readAgain = false;
  /**
   * One read at a time; a read asked for while one is under way (a write from another
   * page arriving mid-read) reads once more after it, so no change is missed.
   */
  function read(): Promise<void> {
    if (reading) {
      readAgain = true;
      return reading;
    }
    reading = (async () => {
      do {
        readAgain = false;
        await readAll();
      } while (readAgain);
    })().finally(() => (reading = null));
    return reading;
  }
  async function readAll() {
    let all: Record<string, unknown>;
    try {
      all = await store.getAll();
    } catch (error) {
      // A failed re-read keeps what is shown (replacing the page under someone typing a
      // note would lose more than it tells); the next change reads again.
      if (status.peek().kind !== 'ready') status.value = { kind: 'failed', detail: describeStorageError(error) };
      return;
    }
    // The dashboard sends this read before its start has migrated stored data. Records of
    // an older schema are not shown; the migration's writes arrive as a change and read again.
    if (!holdsCurrentSchema(all)) return;
    const history = readStoredHistory(all);
    sittings.value = history.sittings;
    notes.value = history.notes;
    setAside.value = history.setAside;
    status.value = { kind: 'ready' };
  }

  /** Starts the first read unless the history is read or being read; after a failed read, tries again. */
  const ensureLoaded = action((): Promise<void> => (status.value.kind === 'ready' ? Promise.resolve() : reading ?? read()));

  /** A changed note reloads just that note; a changed sitting (or a migration) reloads the list. */
  async function refresh(keys: string[]) {
    if (keys.some((key) => key.startsWith(KEYS.sittingPrefix) || key === KEYS.schemaVersion)) return read();
    const noteKeys = keys.filter((key) => key.startsWith(KEYS.notePrefix));
    if (noteKeys.length === 0) return;
    const stored = await store.get(noteKeys);
    const next = { ...notes.value };
    for (const key of noteKeys) {
      const sittingId = key.slice(KEYS.notePrefix.length);
      const value = stored[key];
      if (isNote(value) && value.sittingId === sittingId) next[sittingId] = value;
      else if (value === undefined) delete next[sittingId];
    }
    notes.value = next;
  }

  // The model's one listener, as an effect so that disposing the model removes it. A note
  // that cannot be read again keeps what is shown, as a failed re-read does.
  effect(() => store.onChanged((keys) => void refresh(keys).catch(() => undefined)));

  const attempt = (write: () => Promise<void>) => attemptSave(saveProblem, write);

  const saveNote = action((sittingId: string, text: string): Promise<boolean> => {
    const note: Note = { schema: 1, sittingId, text: text.slice(0, MAX_NOTE_LENGTH), updatedAt: now().toISOString() };
    notes.value = { ...notes.value, [sittingId]: note };
    return attempt(() => store.set({ [noteKey(sittingId)]: note }));
  });

  const deleteSitting = action(async (sittingId: string): Promise<DeletedSitting | null> => {
    const sitting = sittings.value.find((s) => s.id === sittingId);
    if (!sitting) return null;
    const deleted: DeletedSitting = { sitting, note: notes.value[sittingId] };
    const ok = await attempt(() => store.remove([sittingKey(sittingId), noteKey(sittingId)]));
    if (!ok) return null;
    sittings.value = sittings.value.filter((s) => s.id !== sittingId);
    lastDeleted.value = deleted;
    return deleted;
  });

  const restore = action(async (deleted: DeletedSitting): Promise<boolean> => {
    const { sitting, note } = deleted;
    const items: Record<string, unknown> = { [sittingKey(sitting.id)]: sitting };
    if (note) items[noteKey(sitting.id)] = note;
    const ok = await attempt(() => store.set(items));
    if (ok) {
      if (lastDeleted.value === deleted) lastDeleted.value = null;
      await read();
    }
    return ok;
  });

  return { status, sittings, notes, setAside, saveProblem, lastDeleted, ensureLoaded, saveNote, deleteSitting, restore };
});

export type HistoryModelInstance = InstanceType<typeof HistoryModel>;
