import { action, createModel, signal } from '@preact/signals';
import type { Questionnaire } from '../../core/questionnaire/types';
import type { Round } from '../../core/round/round-record';
import type { RoundVault } from '../../core/round/round-vault';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { describeStorageError } from '../storage-errors';
import { earlierRounds, importCodes, loadRound, readRound, setTeamSize, type ImportInput, type ImportReport, type RoundView } from './team-store';

export type RoundPage =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'version-gone'; version: number; installed: number }
  | { kind: 'failed'; detail: string }
  | { kind: 'ready'; view: RoundView; questionnaire: Questionnaire; earlier: Awaited<ReturnType<typeof earlierRounds>> };

export type ImportOutcome =
  | { kind: 'none' }
  | { kind: 'busy' }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'failed'; detail: string };

export interface RoundServices {
  store: KeyValueStore;
  vault: RoundVault;
  catalog: Catalog;
}

/**
 * One round for its lead: what its page shows, importing codes and the number invited.
 * Reading and writing the round happen here, never in the views; every failure becomes
 * state the page shows. Owned by the round's page (useModel), one per round.
 */
export const RoundModel = createModel((services: RoundServices, roundId: string) => {
  const page = signal<RoundPage>({ kind: 'loading' });
  const lastImport = signal<ImportOutcome>({ kind: 'none' });
  const teamSizeSaved = signal<{ ok: boolean; detail?: string } | null>(null);

  const load = action(async () => {
    try {
      const stored = await readRound(services.store, roundId);
      if (!stored) return void (page.value = { kind: 'missing' });
      // The version the round was started on: an earlier one is kept while rounds on it may still run.
      const entry = services.catalog.findVersion(stored.questionnaire.id, stored.questionnaire.version);
      const current = services.catalog.find(stored.questionnaire.id);
      if (!entry && current) return void (page.value = { kind: 'version-gone', version: stored.questionnaire.version, installed: current.version });
      if (!entry) return void (page.value = { kind: 'missing' });
      const questionnaire = await entry.load();
      const [view, earlier] = await Promise.all([loadRound(services.store, services.vault, stored, questionnaire), earlierRounds(services.store, stored, questionnaire)]);
      page.value = { kind: 'ready', view, questionnaire, earlier };
    } catch (error) {
      page.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const importInputs = action(async (inputs: readonly ImportInput[]) => {
    const current = page.value;
    if (current.kind !== 'ready' || current.view.kind !== 'held') return;
    lastImport.value = { kind: 'busy' };
    try {
      const report = await importCodes(services.store, services.vault, roundId, current.questionnaire, inputs);
      page.value = { ...current, view: { ...current.view, state: report.state } };
      lastImport.value = { kind: 'done', report };
    } catch (error) {
      lastImport.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const saveTeamSize = action(async (size: number | null) => {
    const current = page.value;
    if (current.kind !== 'ready') return;
    try {
      const round: Round = await setTeamSize(services.store, current.view.round, size);
      page.value = { ...current, view: { ...current.view, round } as RoundView };
      teamSizeSaved.value = { ok: true };
    } catch (error) {
      teamSizeSaved.value = { ok: false, detail: describeStorageError(error) };
    }
  });

  void load();
  return { page, lastImport, teamSizeSaved, load, importInputs, saveTeamSize };
});

export type RoundModelInstance = InstanceType<typeof RoundModel>;
