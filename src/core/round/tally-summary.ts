import { isPlainObject } from '../shape';
import { LOWEST_MIN_GROUP, MAX_MIN_GROUP } from './disclosure';
import { figuresOf, isFigureSums, isTeamFigures, type TeamFigures } from './figure-sums';
import { countOf, publishedOf, type RoundState } from './round-state';

/**
 * What extension storage keeps of a round's figures (`round-tally:<id>`), and so what a
 * backup carries: the count, the published figures (already under the disclosure
 * rule) and the sequence of the state they came from. Nothing in it is one person's,
 * and nothing in it decides what the lead's Shiftmeter counts or shows next: that is
 * the round state beside the private key. On a browser without that state, a restored
 * summary is all there is, and the round can show it but not import.
 */
export interface TallySummary {
  schema: 2;
  round: string;
  questionnaire: { id: string; version: number };
  minGroup: number;
  count: number;
  sequence: number;
  published: TeamFigures | null;
}

export function summaryOf(state: RoundState): TallySummary {
  const { round } = state;
  return {
    schema: 2,
    round: round.id,
    questionnaire: { ...round.questionnaire },
    minGroup: round.minGroup,
    count: countOf(state),
    sequence: state.sequence,
    published: publishedOf(state),
  };
}

const SUMMARY_FIELDS = ['schema', 'round', 'questionnaire', 'minGroup', 'count', 'sequence', 'published'];

/** Exactly a summary: an edited one that smuggles in anything else is not one. */
export function isTallySummary(value: unknown): value is TallySummary {
  return isPlainObject(value) && value.schema === 2
    && Object.keys(value).length === SUMMARY_FIELDS.length && SUMMARY_FIELDS.every((key) => Object.hasOwn(value, key)) && typeof value.round === 'string'
    && isPlainObject(value.questionnaire) && typeof value.questionnaire.id === 'string' && Number.isSafeInteger(value.questionnaire.version)
    && Number.isSafeInteger(value.minGroup) && (value.minGroup as number) >= LOWEST_MIN_GROUP && (value.minGroup as number) <= MAX_MIN_GROUP
    && Number.isSafeInteger(value.count) && (value.count as number) >= 0
    && Number.isSafeInteger(value.sequence) && (value.sequence as number) >= 0
    && (value.published === null || isTeamFigures(value.published));
}

/**
 * A summary from the tally that Shiftmeter 0.1 kept in extension storage (schema 1:
 * figure sums, counted ids and waiting codes in one record). Its figures are worked out
 * again under today's disclosure rule. Sequence 0: it precedes any state of today's.
 */
export function summaryFromV1(value: unknown): TallySummary | null {
  if (!isPlainObject(value) || value.schema !== 1 || typeof value.round !== 'string' || !isPlainObject(value.questionnaire)) return null;
  const { minGroup, main, seen, pendingCodes } = value;
  if (!Number.isSafeInteger(minGroup) || (minGroup as number) < LOWEST_MIN_GROUP || !Array.isArray(seen) || !Array.isArray(pendingCodes)) return null;
  const sums = v1Sums(main);
  if (!sums) return null;
  return {
    schema: 2,
    round: value.round,
    questionnaire: { id: String(value.questionnaire.id), version: Number(value.questionnaire.version) },
    minGroup: minGroup as number,
    count: seen.length,
    sequence: 0,
    published: sums.overall.length >= (minGroup as number) ? figuresOf(sums, minGroup as number) : null,
  };
}

/** Figure sums from a schema-1 tally's `main` ({n, overall, dimensions: [{id, scores, wantedSum, wantedCount, alpha}]}). */
export function v1Sums(main: unknown) {
  if (!isPlainObject(main) || !Array.isArray(main.dimensions)) return null;
  const sums = {
    overall: main.overall,
    dimensions: main.dimensions.map((d: unknown) => (isPlainObject(d)
      ? { id: d.id, now: d.scores, wantedPositionSum: d.wantedSum, wantedCount: d.wantedCount, alpha: d.alpha }
      : null)),
  };
  return isFigureSums(sums) ? sums : null;
}
