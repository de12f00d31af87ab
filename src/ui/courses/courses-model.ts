import { action, createModel, signal } from '@preact/signals';
import { recogniseFile, type FileKind } from '../../core/file-kind';
import { loadedPackKey, PACK_KEYS } from '../../core/pack/pack-records';
import type { CoursePack } from '../../core/pack/types';
import { validateCoursePack } from '../../core/pack/validate-pack';
import type { Problem } from '../../core/problems';
import { parseJsonSafely } from '../../core/safe-json';
import type { KeyValueStore } from '../../core/storage/store';
import { readChosenFile, type ChosenFile } from '../chosen-file';
import { describeStorageError, storageFailure, type StorageFailure } from '../storage-errors';

/** The most a course-pack file may weigh: the validator's own limit on a questionnaire. */
export const MAX_PACK_FILE_BYTES = 1_000_000;

export type LoadedPacks =
  | { kind: 'loading' }
  | { kind: 'ready'; packs: CoursePack[] }
  | { kind: 'failed'; detail: string };

export type PackFileOutcome =
  | { kind: 'none' }
  | { kind: 'loaded'; pack: CoursePack }
  | { kind: 'too-big' }
  | { kind: 'unreadable' }
  | { kind: 'refused'; found: FileKind; problems: readonly Problem[] }
  | ({ kind: 'not-saved' } & StorageFailure);

/**
 * The course packs a teacher loaded into this browser, and loading another from a file.
 * Reading and writing storage happen here, never in the view; a failed read or write
 * becomes state the view shows, with what to do.
 */
export const CoursesModel = createModel((store: KeyValueStore) => {
  const loaded = signal<LoadedPacks>({ kind: 'loading' });
  const lastFile = signal<PackFileOutcome>({ kind: 'none' });

  const read = action(async () => {
    try {
      const all = await store.getPrefixed([PACK_KEYS.pack]);
      const packs: CoursePack[] = [];
      for (const [key, value] of Object.entries(all)) {
        if (!key.startsWith(PACK_KEYS.pack)) continue;
        const checked = validateCoursePack(value);
        if (checked.ok && key === loadedPackKey(checked.value.id)) packs.push(checked.value);
      }
      loaded.value = { kind: 'ready', packs };
    } catch (error) {
      loaded.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const loadFile = action(async (file: ChosenFile) => {
    // Cleared while the file is read, so a refusal that comes again is said again (as the library does).
    lastFile.value = { kind: 'none' };
    const chosen = await readChosenFile(file, MAX_PACK_FILE_BYTES);
    if (chosen.kind !== 'text') return void (lastFile.value = chosen);
    const { text } = chosen;
    const parsed = parseJsonSafely(text);
    const checked = parsed.ok ? validateCoursePack(parsed.value) : parsed;
    if (!checked.ok) return void (lastFile.value = { kind: 'refused', found: recogniseFile(text), problems: checked.problems });
    try {
      await store.set({ [loadedPackKey(checked.value.id)]: checked.value });
    } catch (error) {
      return void (lastFile.value = { kind: 'not-saved', ...storageFailure(error) });
    }
    lastFile.value = { kind: 'loaded', pack: checked.value };
    await read();
  });

  void read();
  return { loaded, lastFile, read, loadFile };
});
