import { signal, type ReadonlySignal } from '@preact/signals';
import { readStoredHistory, type SetAside } from '../../core/history/stored-records';
import { holdsCurrentSchema } from '../../core/storage/migrations';
import { isNote, KEYS, MAX_NOTE_LENGTH, noteKey, sittingKey, type Note, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { attemptSave, type SaveProblem } from '../storage-errors';

export interface HistoryDependencies {
  store: KeyValueStore;
  now: () => Date;
}

/** What a deleted sitting needs to come back exactly as it was. */
export interface DeletedSitting {
  sitting: Sitting;
  note: Note | undefined;
}

/**
 * Every sitting and note, kept fresh: a write from another page (the popup finishing
 * an assessment, a second dashboard tab editing a note) reloads the list.
 */
export interface HistoryModel {
  loaded: ReadonlySignal<boolean>;
  /** True while a load is under way, so a second caller does not start another. */
  readonly loading: boolean;
  sittings: ReadonlySignal<readonly Sitting[]>;
  notes: ReadonlySignal<Readonly<Record<string, Note>>>;
  setAside: ReadonlySignal<readonly SetAside[]>;
  saveProblem: ReadonlySignal<SaveProblem | null>;
  /** The sitting deleted last, until it is brought back or the page is left: what Undo restores. */
  lastDeleted: ReadonlySignal<DeletedSitting | null>;
  load(): Promise<void>;
  saveNote(sittingId: string, text: string): Promise<boolean>;
  deleteSitting(sittingId: string): Promise<DeletedSitting | null>;
  restore(deleted: DeletedSitting): Promise<boolean>;
  dispose(): void;
}

export function createHistoryModel({ store, now }: HistoryDependencies): HistoryModel {
  const loaded = signal(false);
  const sittings = signal<readonly Sitting[]>([]);
  const lastDeleted = signal<DeletedSitting | null>(null);
  const notes = signal<Readonly<Record<string, Note>>>({});
  const setAside = signal<readonly SetAside[]>([]);
  const saveProblem = signal<SaveProblem | null>(null);

  let loading: Promise<void> | null = null;
  let readAgain = false;
  /**
   * One read at a time; a load asked for while one is under way (a write from another
   * page arriving mid-read) reads once more after it, so no change is missed.
   */
  function load(): Promise<void> {
    if (loading) {
      readAgain = true;
      return loading;
    }
    loading = (async () => {
      do {
        readAgain = false;
        await readAll();
      } while (readAgain);
    })().finally(() => (loading = null));
    return loading;
  }
  async function readAll() {
    const all = await store.getAll();
    // The dashboard sends this read before its start has migrated stored data. Records of
    // an older schema are not shown; the migration's writes arrive as a change and read again.
    if (!holdsCurrentSchema(all)) return;
    const history = readStoredHistory(all);
    sittings.value = history.sittings;
    notes.value = history.notes;
    setAside.value = history.setAside;
    loaded.value = true;
  }

  /** A changed note reloads just that note; a changed sitting (or a migration) reloads the list. */
  async function refresh(keys: string[]) {
    if (keys.some((key) => key.startsWith(KEYS.sittingPrefix) || key === KEYS.schemaVersion)) return load();
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

  const stopListening = store.onChanged((keys) => void refresh(keys));

  const attempt = (action: () => Promise<void>) => attemptSave(saveProblem, action);

  return {
    loaded,
    get loading() {
      return loading !== null;
    },
    sittings,
    notes,
    setAside,
    saveProblem,
    lastDeleted,
    load,
    saveNote(sittingId, text) {
      const note: Note = { schema: 1, sittingId, text: text.slice(0, MAX_NOTE_LENGTH), updatedAt: now().toISOString() };
      notes.value = { ...notes.value, [sittingId]: note };
      return attempt(() => store.set({ [noteKey(sittingId)]: note }));
    },
    async deleteSitting(sittingId) {
      const sitting = sittings.value.find((s) => s.id === sittingId);
      if (!sitting) return null;
      const deleted: DeletedSitting = { sitting, note: notes.value[sittingId] };
      const ok = await attempt(() => store.remove([sittingKey(sittingId), noteKey(sittingId)]));
      if (!ok) return null;
      sittings.value = sittings.value.filter((s) => s.id !== sittingId);
      lastDeleted.value = deleted;
      return deleted;
    },
    async restore(deleted) {
      const { sitting, note } = deleted;
      const items: Record<string, unknown> = { [sittingKey(sitting.id)]: sitting };
      if (note) items[noteKey(sitting.id)] = note;
      const ok = await attempt(() => store.set(items));
      if (ok) {
        if (lastDeleted.value === deleted) lastDeleted.value = null;
        await load();
      }
      return ok;
    },
    dispose: stopListening,
  };
}
