import { signal, type ReadonlySignal } from '@preact/signals';
import { makeBackup, MAX_BACKUP_BYTES, parseBackup, type Backup } from '../core/backup/backup';
import { previewRestore, restoreWrites, type RestoreMode, type RestorePreview } from '../core/backup/restore-plan';
import { sittingsCsv } from '../core/backup/sittings-csv';
import { readStoredHistory } from '../core/history/stored-records';
import { describeProblem } from '../core/problems';
import type { Questionnaire } from '../core/questionnaire/types';
import { formatBytes } from '../core/safe-json';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';
import { attemptSave, type SaveProblem } from './storage-errors';

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'refused'; problems: string[] }
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
  counts(): Promise<{ sittings: number; notes: number; reminders: number }>;
  eraseEverything(): Promise<boolean>;
}

/** Data kept outside extension storage that "Erase everything" must remove too (the rounds' private keys). */
export type EraseElsewhere = () => Promise<void>;

export function createDataModel(store: KeyValueStore, catalog: Catalog, now: () => Date, eraseElsewhere?: EraseElsewhere): DataModel {
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
        restore.value = { kind: 'refused', problems: [`The file is ${formatBytes(file.size)}; a Shiftmeter backup is at most ${formatBytes(MAX_BACKUP_BYTES)}.`] };
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        restore.value = { kind: 'refused', problems: ['The file could not be read.'] };
        return;
      }
      const parsed = parseBackup(text);
      if (!parsed.ok) {
        restore.value = { kind: 'refused', problems: parsed.problems.map(describeProblem) };
        return;
      }
      restore.value = { kind: 'preview', backup: parsed.value, preview: previewRestore(parsed.value, await store.getAll()) };
    },
    async applyRestore(mode) {
      const state = restore.value;
      if (state.kind !== 'preview') return false;
      return attempt(() =>
        store.exclusive('restore', async () => {
          // Worked out again under the lock, against what is stored now.
          const preview = previewRestore(state.backup, await store.getAll());
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
      };
    },
    async eraseEverything() {
      return attempt(async () => {
        const keys = Object.keys(await store.getAll());
        await store.remove(keys);
        await store.set({ [KEYS.schemaVersion]: SCHEMA_VERSION });
        await eraseElsewhere?.();
      });
    },
  };
}
