import { describe, expect, it } from 'vitest';
import { guideDimensions } from '../../src/core/round/guide';
import { isRoundActions, readRoundActions, roundActionsKey } from '../../src/core/round/round-actions';
import { backupKind, isValidBackupRecord } from '../../src/core/backup/record-kinds';

const dimension = (id: string, mean: number | null, wantedMean: number | null) => ({ id, n: 3, mean, wantedMean, wantedN: 3 });

describe('the conversation guide of a round', () => {
  it('starts from the three dimensions whose published now and wanted lie furthest apart, either way', () => {
    const figures = { n: 3, overall: { mean: 50 }, dimensions: [
      dimension('a', 40, 45), dimension('b', 70, 30), dimension('c', 20, 80), dimension('d', 50, 50.2), dimension('e', null, 90), dimension('f', 10, 30),
    ] };
    expect(guideDimensions(figures).map((d) => [d.id, Math.round(d.gap)])).toEqual([['c', 60], ['b', -40], ['f', 20]]);
    // A gap that rounds to no points is not a reason to talk; an unpublished mean is not used.
    expect(guideDimensions({ ...figures, dimensions: [dimension('d', 50, 50.2), dimension('e', null, 90)] })).toEqual([]);
  });

  it('picks only dimensions whose means lie at least 5 points apart: a smaller gap of a few people\'s means is mostly rounding', () => {
    const figures = { n: 5, overall: { mean: 50 }, dimensions: [
      dimension('a', 40, 41), dimension('b', 70, 67), dimension('c', 20, 24.4), dimension('d', 50, 45.5), dimension('e', 10, 15),
    ] };
    expect(guideDimensions(figures).map((d) => d.id)).toEqual(['e', 'd']);
    // Every gap under 5 points: none is picked, and the guide says the means lie close together.
    expect(guideDimensions({ ...figures, dimensions: figures.dimensions.slice(0, 3) })).toEqual([]);
  });

  it('keeps what the team agreed as a record of the round that backups carry, checked by its one definition', () => {
    const record = { schema: 1, roundId: 'r_1-x', actions: [{ id: 'a1', dimension: 'contacts', text: 'Follow three cases', createdAt: '2027-01-01T09:00:00.000Z', review: { status: 'partly', at: '2027-04-01T09:00:00.000Z' } }] };
    expect(isRoundActions(record)).toBe(true);
    expect(backupKind(roundActionsKey('r_1-x'))).toBe('round-actions');
    expect(isValidBackupRecord(roundActionsKey('r_1-x'), record)).toBe(true);
    // Under another round's key, with an empty text, or a status that is not one: refused.
    expect(isValidBackupRecord(roundActionsKey('other'), record)).toBe(false);
    expect(readRoundActions({ ...record, actions: [{ ...record.actions[0], text: '' }] })).toBeNull();
    expect(readRoundActions({ ...record, actions: [{ ...record.actions[0], review: { status: 'maybe', at: '2027-04-01T09:00:00.000Z' } }] })).toBeNull();
  });
});
