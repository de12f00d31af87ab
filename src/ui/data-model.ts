import { signal, type ReadonlySignal } from '@preact/signals';
import { makeBackup, MAX_BACKUP_BYTES, parseBackup, type Backup } from '../core/backup/backup';
import { previewRestore, restoreWrites, type RestoreMode, type RestorePreview } from '../core/backup/restore-plan';
import { sittingsCsv } from '../core/backup/sittings-csv';
import { recogniseFile, type FileKind } from '../core/file-kind';
import { readStoredHistory } from '../core/history/stored-records';
import { describeProblem } from '../core/problems';
import type { Questionnaire } from '../core/questionnaire/types';
import type { RoundVault } from '../core/round/round-vault';
import { formatBytes } from '../core/safe-json';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';
import { attemptSave, type SaveProblem } from './storage-errors';
import { heldRounds } from './team/team-store';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'too-big'; size: string; max: string }
  | { kind: 'unreadable' }
  /** Not a backup Shiftmeter can restore: what the file is, and the validator's details. */
  | { kind: 'refused'; found: FileKind; problems: string[] }
  /** The backup's copy of a round this browser holds is not an earlier state of it: nothing is restored. */
  | { kind: 'refused-rounds'; rounds: string[] }
  | { kind: 'preview'; backup: Backup; preview: RestorePreview }
  | { kind: 'done'; written: number; removed: number };

/** Backup, CSV export, restore with a preview, and erase: every step checked before anything is written. */
export interface DataModel {
  restore: ReadonlySignal<RestoreState>;
  saveProblem: ReadonlySignal<SaveProblem | null>;
  backupText(): Promise<string>;
  csvText(): Promise<string>;
  readBackupFile(file: { size: number; text(): Promise<string> }): Promise<void>;
  applyRestore(mode: RestoreMode): Promise<boolean>;
  cancelRestore(): void;
  counts(): Promise<EraseCounts>;
  eraseEverything(): Promise<boolean>;
}

export interface EraseCounts {
  sittings: number;
  notes: number;
  reminders: number;
  /** Team rounds this browser started (their keys go too, so they can never count codes again). */
  rounds: number;
}

/**
 * `vault`: the rounds' private keys and protective states, kept outside extension
 * storage. A restore is checked against it and never writes a round it holds; "Erase
 * everything" empties it too.
 */
export function createDataModel(store: KeyValueStore, catalog: Catalog, now: () => Date, vault: RoundVault): DataModel {
  const restore = signal<RestoreState>({ kind: 'idle' });
  const saveProblem = signal<SaveProblem | null>(null);

  const attempt = (action: () => Promise<void>) => attemptSave(saveProblem, action);

  return {
    restore,
    saveProblem,
    async backupText() {
      return `${JSON.stringify(makeBackup(await store.getAll(), now()), null, 2)}\n`;
    },
    async csvText() {
      const { sittings } = readStoredHistory(await store.getAll());
      const ids = [...new Set(sittings.map((s) => s.questionnaire.id))];
      const questionnaires: Questionnaire[] = [];
      for (const id of ids) {
        const entry = catalog.find(id);
        if (entry) questionnaires.push(await entry.load());
      }
      return sittingsCsv(sittings, questionnaires);
    },
    async readBackupFile(file) {
      if (file.size > MAX_BACKUP_BYTES) {
        restore.value = { kind: 'too-big', size: formatBytes(file.size), max: formatBytes(MAX_BACKUP_BYTES) };
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        restore.value = { kind: 'unreadable' };
        return;
      }
      const parsed = parseBackup(text);
      if (!parsed.ok) {
        restore.value = { kind: 'refused', found: recogniseFile(text), problems: parsed.problems.map(describeProblem) };
        return;
      }
      const preview = previewRestore(parsed.value, await store.getAll(), await heldRounds(vault));
      restore.value = preview.refusedRounds.length > 0
        ? { kind: 'refused-rounds', rounds: preview.refusedRounds.map((r) => r.name) }
        : { kind: 'preview', backup: parsed.value, preview };
    },
    async applyRestore(mode) {
      const state = restore.value;
      if (state.kind !== 'preview') return false;
      return attempt(() =>
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
          restore.value = { kind: 'done', written: Object.keys(writes.set).length, removed: writes.remove.length };
        }),
      );
    },
    cancelRestore() {
      restore.value = { kind: 'idle' };
    },
    async counts() {
      const all = await store.getAll();
      const keys = Object.keys(all);
      return {
        sittings: keys.filter((k) => k.startsWith(KEYS.sittingPrefix)).length,
        notes: keys.filter((k) => k.startsWith(KEYS.notePrefix)).length,
        reminders: keys.filter((k) => k.startsWith(KEYS.reminderPrefix)).length,
        rounds: (await vault.roundIds()).length,
      };
    },
    async eraseEverything() {
      return attempt(async () => {
        const keys = Object.keys(await store.getAll());
        await store.remove(keys);
        await store.set({ [KEYS.schemaVersion]: SCHEMA_VERSION });
        await vault.clear();
      });
    },
  };
}
