import { Type, type Static } from '../formats/type';
import { withHint } from '../formats/annotations';
import { conforms } from '../formats/conforms';
import { isPlainObject } from '../shape';
import { LOWEST_MIN_GROUP, MAX_MIN_GROUP } from './disclosure';
import { figuresOf, isFigureSums, isTeamFigures, type StoredTeamFigures } from './figure-sums';
import { countOf, publishedOf, type RoundState } from './round-state';

/**
 * What extension storage keeps of a round's figures (`round-tally:<id>`), and so what a
 * backup carries: the count, the published figures (already under the disclosure
 * rule) and the sequence of the state they came from. Nothing in it is one person's,
 * and nothing in it decides what the lead's Shiftmeter counts or shows next: that is
 * the round state beside the private key. On a browser without that state, a restored
 * summary is all there is, and the round can show it but not import.
 */
export const TallySummaryFormat = Type.Object({
  schema: Type.Literal(2),
  round: Type.String({ title: 'Round id' }),
  questionnaire: Type.Object({ id: Type.String(), version: Type.Integer({ minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }) }),
  minGroup: Type.Integer({ title: 'Minimum group', minimum: LOWEST_MIN_GROUP, maximum: MAX_MIN_GROUP }),
  count: Type.Integer({ title: 'Responses counted', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  sequence: Type.Integer({ title: 'Sequence', description: 'Of the round state the figures came from.', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
  // Checked by the figures' own rule: their statistics must be numbers or null, per dimension.
  published: withHint(Type.Unsafe<StoredTeamFigures | null>({ title: 'Published figures', description: 'The figures under the disclosure rule, or null before any.', type: ['object', 'null'] }), { rule: 'team-figures' }),
}, {
  title: 'Round summary',
  description: 'Counts and published figures of a team round; never sums of few people or waiting codes.',
  // Exactly a summary: an edited one that smuggles in anything else is not one.
  additionalProperties: false,
});

export type TallySummary = Static<typeof TallySummaryFormat>;

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

export function isTallySummary(value: unknown): value is TallySummary {
  return conforms(TallySummaryFormat, value, {
    'team-figures': (figures, path, _schema, check) => {
      if (figures !== null && !isTeamFigures(figures)) check.report(path, 'expected team figures or null');
    },
  });
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
