import { action, createModel, signal } from '@preact/signals';
import { makeBackup, MAX_BACKUP_BYTES, parseBackup, type Backup } from '../core/backup/backup';
import { previewRestore, restoreWrites, type RestoreMode, type RestorePreview } from '../core/backup/restore-plan';
import { sittingsCsv } from '../core/backup/sittings-csv';
import { countErasable, type ErasableCounts } from '../core/backup/erase-counts';
import { actionsCsv } from '../core/actions/actions-csv';
import { ACTIONS_PREFIX, isActionsRecord } from '../core/actions/actions';
import { recogniseFile, type FileKind } from '../core/file-kind';
import { readStoredHistory } from '../core/history/stored-records';
import type { Problem } from '../core/problems';
import type { Questionnaire } from '../core/questionnaire/types';
import type { RoundVault } from '../core/round/round-vault';
import { formatBytes } from '../core/safe-json';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';
import { dateStamp } from './download';
import { attemptSave, describeStorageError, type SaveProblem } from './storage-errors';
import { rebuildLibraryIndex } from './library/library-model';
import { readChosenFile, type ChosenFile } from './chosen-file';
import { forgetRoundIndex, heldRounds } from './team/team-store';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'too-big'; size: string; max: string }
  | { kind: 'unreadable' }
  /** Stored data, or the rounds this browser holds, could not be read to compare the backup with. */
  | { kind: 'read-failed'; detail: string }
  /** Not a backup Shiftmeter can restore: what the file is, and the validator's details. */
  | { kind: 'refused'; found: FileKind; problems: readonly Problem[] }
  /** The backup's copy of a round this browser holds is not an earlier state of it: nothing is restored. */
  | { kind: 'refused-rounds'; rounds: string[] }
  | { kind: 'preview'; backup: Backup; preview: RestorePreview }
  | { kind: 'done'; written: number; removed: number };

export interface EraseCounts extends ErasableCounts {
  /** Team rounds this browser started (their keys go too, so they can never count codes again). */
  rounds: number;
}

/** "Erase everything" goes through a warning that says what will be lost. */
export type EraseStep =
  | { kind: 'idle' }
  | { kind: 'confirm'; counts: EraseCounts }
  /** What would be lost could not be read, so nothing is offered for erasing. */
  | { kind: 'failed'; detail: string }
  | { kind: 'erased' };

/** The last thing done that the page's status line reports. */
export type DataStatus = { kind: 'none' } | { kind: 'exported' } | { kind: 'restored'; mode: RestoreMode };

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

export interface DataServices {
  store: KeyValueStore;
  catalog: Catalog;
  now: () => Date;
  /**
   * The rounds' private keys and protective states, kept outside extension storage. A
   * restore is checked against it and never writes a round it holds; "Erase everything"
   * empties it too.
   */
  vault: RoundVault;
}

/**
 * Backup, CSV export, restore with a preview, and erase: every step checked before
 * anything is written, and every failure state the page shows. Owned by the data page (useModel).
 */
export const DataModel = createModel(({ store, catalog, now, vault }: DataServices) => {
  const restore = signal<RestoreState>({ kind: 'idle' });
  const erase = signal<EraseStep>({ kind: 'idle' });
  const status = signal<DataStatus>({ kind: 'none' });
  /** Why the last export could not be made, until one is. */
  const exportFailure = signal<string | null>(null);
  const saveProblem = signal<SaveProblem | null>(null);

  const attempt = (write: () => Promise<void>) => attemptSave(saveProblem, write);

  const backupText = action(async () => `${JSON.stringify(makeBackup(await store.getAll(), now()), null, 2)}\n`);

  const csvText = action(async () => {
    const { sittings } = readStoredHistory(await store.getAll());
    // Every version answered, the earlier ones included, so no sitting drops out of the file.
    const versions = [...new Set(sittings.map((s) => `${s.questionnaire.id}@${s.questionnaire.version}`))];
    const questionnaires: Questionnaire[] = [];
    for (const key of versions) {
      const [id, version] = key.split('@') as [string, string];
      const entry = catalog.findVersion(id, Number(version));
      // An added questionnaire whose record is damaged leaves its sittings' scores empty, not the whole file.
      const loaded = entry ? await entry.load().catch(() => null) : null;
      if (loaded) questionnaires.push(loaded);
    }
    return sittingsCsv(sittings, questionnaires);
  });

  const actionsCsvText = action(async () => {
    const all = await store.getAll();
    return actionsCsv(Object.entries(all).flatMap(([key, value]) => (key.startsWith(ACTIONS_PREFIX) && isActionsRecord(value) ? [value] : [])));
  });

  /** The file to download, or null when it could not be made (the reason is in `exportFailure`). */
  const exportFile = action(async (kind: 'backup' | 'csv' | 'actions-csv'): Promise<ExportFile | null> => {
    const stamp = dateStamp(now());
    try {
      const file = kind === 'backup'
        ? { name: `shiftmeter-backup-${stamp}.json`, text: await backupText(), type: 'application/json' }
        : kind === 'csv'
          ? { name: `shiftmeter-sittings-${stamp}.csv`, text: await csvText(), type: 'text/csv' }
          : { name: `shiftmeter-actions-${stamp}.csv`, text: await actionsCsvText(), type: 'text/csv' };
      exportFailure.value = null;
      status.value = { kind: 'exported' };
      return file;
    } catch (error) {
      exportFailure.value = describeStorageError(error);
      return null;
    }
  });

  const readBackupFile = action(async (file: ChosenFile) => {
    const read = await readChosenFile(file, MAX_BACKUP_BYTES);
    if (read.kind === 'too-big') return void (restore.value = { kind: 'too-big', size: formatBytes(file.size), max: formatBytes(MAX_BACKUP_BYTES) });
    if (read.kind === 'unreadable') return void (restore.value = { kind: 'unreadable' });
    const { text } = read;
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      restore.value = { kind: 'refused', found: recogniseFile(text), problems: parsed.problems };
      return;
    }
    let preview: RestorePreview;
    try {
      preview = previewRestore(parsed.value, await store.getAll(), await heldRounds(vault));
    } catch (error) {
      restore.value = { kind: 'read-failed', detail: describeStorageError(error) };
      return;
    }
    restore.value = preview.refusedRounds.length > 0
      ? { kind: 'refused-rounds', rounds: preview.refusedRounds.map((r) => r.name) }
      : { kind: 'preview', backup: parsed.value, preview };
  });

  /** True when the restore was written; a failed write is in `saveProblem`. */
  const applyRestore = action(async (mode: RestoreMode): Promise<boolean> => {
    const state = restore.value;
    if (state.kind !== 'preview') return false;
    const ok = await attempt(() =>
      store.exclusive('restore', async () => {
        // Worked out again under the lock, against what is stored now.
        const preview = previewRestore(state.backup, await store.getAll(), await heldRounds(vault));
        if (preview.refusedRounds.length > 0) {
          restore.value = { kind: 'refused-rounds', rounds: preview.refusedRounds.map((r) => r.name) };
          return;
        }
        const writes = restoreWrites(state.backup, preview, mode);
        // New records first (one atomic write), removals only once those are safe.
        if (Object.keys(writes.set).length > 0) await store.set(writes.set);
        if (writes.remove.length > 0) await store.remove(writes.remove);
        // The list of added questionnaires is made from their records, which the restore may have changed.
        await rebuildLibraryIndex(store, catalog);
        // The round index may no longer name every round: let the next listing make it again
        // (best effort: the rounds page puts it right whenever it is shown).
        await forgetRoundIndex(store).catch(() => undefined);
        restore.value = { kind: 'done', written: Object.keys(writes.set).length, removed: writes.remove.length };
        status.value = { kind: 'restored', mode };
      }),
    );
    return ok && restore.value.kind === 'done';
  });

  const cancelRestore = action(() => {
    restore.value = { kind: 'idle' };
  });

  /** Reads what "Erase everything" would remove, for the warning. */
  const prepareErase = action(async () => {
    erase.value = { kind: 'idle' };
    try {
      const counts: EraseCounts = { ...countErasable(await store.getAll()), rounds: (await vault.roundIds()).length };
      erase.value = { kind: 'confirm', counts };
    } catch (error) {
      erase.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const cancelErase = action(() => {
    erase.value = { kind: 'idle' };
  });

  /** True when everything is gone; a failed write is in `saveProblem`, and the warning stays. */
  const eraseEverything = action(async (): Promise<boolean> => {
    const ok = await attempt(async () => {
      const keys = Object.keys(await store.getAll());
      await store.remove(keys);
      await store.set({ [KEYS.schemaVersion]: SCHEMA_VERSION });
      await vault.clear();
    });
    if (ok) erase.value = { kind: 'erased' };
    return ok;
  });

  return {
    restore, erase, status, exportFailure, saveProblem,
    backupText, csvText, exportFile, readBackupFile, applyRestore, cancelRestore, prepareErase, cancelErase, eraseEverything,
  };
});

export type DataModelInstance = InstanceType<typeof DataModel>;
