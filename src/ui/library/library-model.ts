import { action, createModel, signal } from '@preact/signals';
import { recogniseFile, type FileKind } from '../../core/file-kind';
import { ADDED_KEYS, addedKey, LIBRARY_LOCK, MAX_QUESTIONNAIRE_FILE_BYTES, type AddedOrigin } from '../../core/library/added-keys';
import { readAddedIndex, type AddedEntry } from '../../core/library/added-index';
import { contentHash } from '../../core/library/content-hash';
import { indexFromRecords, planAddition, readAddedRecord, type AdditionPlan, type KnownQuestionnaire } from '../../core/library/library';
import { POLICY_SETTINGS_KEY, readPolicySettings } from '../../core/policy/policy-settings';
import type { Problem } from '../../core/problems';
import type { Questionnaire } from '../../core/questionnaire/types';
import { validateQuestionnaire } from '../../core/questionnaire/validate';
import { parseJsonSafely } from '../../core/safe-json';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { storageFailure, type StorageFailure } from '../storage-errors';
import { readChosenFile, type ChosenFile } from '../chosen-file';
import { addedCatalogEntries } from './added-entries';

export interface LibraryServices {
  store: KeyValueStore;
  catalog: Catalog;
  now: () => Date;
  /** Questionnaires the organisation provides: added files are checked against them too. */
  provided?: () => readonly KnownQuestionnaire[];
}

/** What adding a questionnaire came to: the plan's verdict, or why it could not be made or kept. */
export type AdditionOutcome =
  | Exclude<AdditionPlan, { kind: 'add' }>
  /** The organisation's policy does not let people add questionnaires. */
  | { kind: 'not-allowed' }
  | { kind: 'added'; entry: AddedEntry }
  | ({ kind: 'not-saved' } & StorageFailure);

export type FileOutcome =
  | { kind: 'none' }
  | { kind: 'too-big' }
  | { kind: 'unreadable' }
  | { kind: 'refused'; found: FileKind; problems: readonly Problem[] }
  | AdditionOutcome;

/**
 * Adds a valid questionnaire to this browser's library, unless identity by content
 * says no. The record and the index change under one lock; the record is checked as
 * stored (not only the index), so a stale index cannot let other content in.
 */
export async function addToLibrary(services: LibraryServices, questionnaire: Questionnaire, origin: AddedOrigin): Promise<AdditionOutcome> {
  const { store, catalog } = services;
  const hash = await contentHash(questionnaire);
  try {
    return await store.exclusive(LIBRARY_LOCK, async () => {
      const key = addedKey(questionnaire.id, questionnaire.version);
      const stored = await store.get([ADDED_KEYS.index, key, POLICY_SETTINGS_KEY]);
      // Read under the lock, as stored: a page opened before the policy changed cannot slip one in.
      if (!readPolicySettings(stored[POLICY_SETTINGS_KEY]).allowAddingQuestionnaires) return { kind: 'not-allowed' as const };
      const index = readAddedIndex(stored[ADDED_KEYS.index]);
      const existing = await readAddedRecord(key, stored[key]);
      const known: KnownQuestionnaire[] = [...index.entries, ...(existing ? [{ id: questionnaire.id, version: questionnaire.version, hash: existing.record.hash }] : []), ...(services.provided?.() ?? [])];
      const plan = planAddition({ questionnaire, hash, origin, now: services.now() }, { shippedIds: catalog.shippedIds, known, addedCount: index.entries.length });
      if (plan.kind !== 'add') return plan;
      const next = { schema: 1 as const, entries: [...index.entries.filter((e) => addedKey(e.id, e.version) !== key), plan.entry] };
      // One write: the record and the index that lists it land together or not at all.
      await store.set({ [key]: plan.record, [ADDED_KEYS.index]: next });
      catalog.setExtra(addedCatalogEntries(next, store));
      return { kind: 'added' as const, entry: plan.entry };
    });
  } catch (error) {
    return { kind: 'not-saved', ...storageFailure(error) };
  }
}

/** Makes the index again from the records (after a restore, or when it was found out of step). */
export async function rebuildLibraryIndex(store: KeyValueStore, catalog: Catalog): Promise<string[]> {
  return store.exclusive(LIBRARY_LOCK, async () => {
    const all = await store.getAll();
    const { index, damaged } = await indexFromRecords(all);
    const before = readAddedIndex(all[ADDED_KEYS.index]);
    if (JSON.stringify(before) !== JSON.stringify(index)) await store.set({ [ADDED_KEYS.index]: index });
    catalog.setExtra(addedCatalogEntries(index, store));
    return damaged;
  });
}

export type RemovalOutcome = { kind: 'none' } | { kind: 'removed'; entry: AddedEntry } | ({ kind: 'not-saved' } & StorageFailure);

/**
 * The questionnaires added in this browser, adding one from a file and removing one.
 * Removing keeps every sitting answered on it: adding the same file again shows them.
 */
export const LibraryModel = createModel((services: LibraryServices) => {
  const { store, catalog } = services;
  const lastFile = signal<FileOutcome>({ kind: 'none' });
  const lastRemoval = signal<RemovalOutcome>({ kind: 'none' });
  /** Records that fail their checks: kept as they are, and named. */
  const damaged = signal<readonly string[]>([]);

  const addFile = action(async (file: ChosenFile) => {
    lastRemoval.value = { kind: 'none' };
    // Cleared while the file is read, so the same outcome for a file chosen again is said again.
    lastFile.value = { kind: 'none' };
    const read = await readChosenFile(file, MAX_QUESTIONNAIRE_FILE_BYTES);
    if (read.kind !== 'text') return void (lastFile.value = read);
    const { text } = read;
    const parsed = parseJsonSafely(text);
    const checked = parsed.ok ? validateQuestionnaire(parsed.value) : parsed;
    if (!checked.ok) return void (lastFile.value = { kind: 'refused', found: recogniseFile(text), problems: checked.problems });
    lastFile.value = await addToLibrary(services, checked.value, 'file');
  });

  const remove = action(async (id: string, version: number) => {
    lastFile.value = { kind: 'none' };
    const key = addedKey(id, version);
    try {
      lastRemoval.value = await store.exclusive(LIBRARY_LOCK, async () => {
        const index = readAddedIndex((await store.get([ADDED_KEYS.index]))[ADDED_KEYS.index]);
        const entry = index.entries.find((e) => e.id === id && e.version === version);
        const next = { schema: 1 as const, entries: index.entries.filter((e) => e !== entry) };
        // The index first: a questionnaire is never listed without its record.
        await store.set({ [ADDED_KEYS.index]: next });
        await store.remove([key]);
        catalog.setExtra(addedCatalogEntries(next, store));
        return entry ? { kind: 'removed' as const, entry } : { kind: 'none' as const };
      });
    } catch (error) {
      lastRemoval.value = { kind: 'not-saved', ...storageFailure(error) };
    }
  });

  const check = action(async () => {
    try {
      damaged.value = await rebuildLibraryIndex(store, catalog);
    } catch {
      // Reading for the check failed: the list stays as the index has it; nothing is lost.
    }
  });

  void check();
  return { lastFile, lastRemoval, damaged, addFile, remove, check };
});

export type LibraryModelInstance = InstanceType<typeof LibraryModel>;
