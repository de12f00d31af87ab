import { action, createModel, signal } from '@preact/signals';
import type { Round } from '../../core/round/round-record';
import { describeStorageError } from '../storage-errors';
import type { RoundServices } from './round-model';
import { scanRounds, startRound } from './team-store';

export type RoundList = { kind: 'loading' } | { kind: 'ready'; rounds: Round[] } | { kind: 'failed'; detail: string };
export type Starting = { kind: 'idle' } | { kind: 'busy' } | { kind: 'no-questionnaire' } | { kind: 'below-floor'; floor: number } | { kind: 'failed'; detail: string };

export interface NewRoundInput {
  questionnaireId: string;
  name: string;
  minGroup: number;
  teamSize?: number;
}

/**
 * The lead's rounds and starting a new one. A failed read is shown as such (it used to
 * show "no rounds yet"), and a round that could not be started says why.
 */
export const RoundsModel = createModel((services: RoundServices & { now: () => Date; minimumGroupFloor?: () => number | null }) => {
  const list = signal<RoundList>({ kind: 'loading' });
  const starting = signal<Starting>({ kind: 'idle' });

  const load = action(async () => {
    try {
      // By scanning: the rounds page lists every round whatever the index says, and puts the index right.
      list.value = { kind: 'ready', rounds: await scanRounds(services.store) };
    } catch (error) {
      list.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  /** Starts the round; its id once stored, or null (the reason is in `starting`). */
  const start = action(async (input: NewRoundInput): Promise<string | null> => {
    const entry = services.catalog.find(input.questionnaireId);
    // The organisation's floor holds whatever the form let through.
    const floor = services.minimumGroupFloor?.() ?? null;
    if (floor !== null && input.minGroup < floor) {
      starting.value = { kind: 'below-floor', floor };
      return null;
    }
    if (!entry) {
      starting.value = { kind: 'no-questionnaire' };
      return null;
    }
    starting.value = { kind: 'busy' };
    try {
      const round = await startRound(services.store, services.vault, {
        name: input.name,
        questionnaire: await entry.load(),
        minGroup: input.minGroup,
        ...(input.teamSize === undefined ? {} : { teamSize: input.teamSize }),
      }, services.now());
      starting.value = { kind: 'idle' };
      return round.id;
    } catch (error) {
      starting.value = { kind: 'failed', detail: describeStorageError(error) };
      return null;
    }
  });

  void load();
  return { list, starting, load, start };
});

export type RoundsModelInstance = InstanceType<typeof RoundsModel>;
