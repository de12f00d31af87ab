import type { AggregateResult } from '../core/round/aggregator';
import { hasCountsPerFigure, isTeamFigures } from '../core/round/figure-sums';
import { parseJsonSafely } from '../core/safe-json';
import { isPlainObject } from '../core/shape';

/**
 * The batch rule across runs of `aggregate`, which keeps no state of its own: given
 * the output published last time (`--previous FILE`), a run whose figures would change
 * by fewer than the minimum group of new answers prints the previous figures again.
 * It compares the counts the output carries, one per figure: the responses in all (n),
 * and per dimension the answers behind "now" (n) and "wanted" (wantedN). Each must stay
 * as it was or grow by at least the minimum group: otherwise a figure such as "wanted"
 * could move by one answer while "now" grew by many. Whoever holds the response files
 * can read each one anyway; this protects what is published, run after run. An output
 * of an earlier kit that also published alpha (alpha, alphaN, alphaBelowZero) is read
 * as a previous output; its alpha is not printed again, as no run publishes one now.
 */
export type Previous = Pick<AggregateResult, 'questionnaire' | 'round' | 'n' | 'minGroup' | 'suppressed' | 'dimensions' | 'overall'> & {
  /** False for an output made before each figure carried its count: no run can be checked against it. */
  countsPerFigure: boolean;
};

export function parsePrevious(text: string): Previous | null {
  const parsed = parseJsonSafely(text, { maxBytes: 1_000_000, maxDepth: 8 });
  if (!parsed.ok) return null;
  const value = parsed.value;
  if (!isPlainObject(value) || !isPlainObject(value.questionnaire) || typeof value.questionnaire.id !== 'string' || !Number.isSafeInteger(value.questionnaire.version)) return null;
  if (!Number.isSafeInteger(value.n) || !Number.isSafeInteger(value.minGroup) || typeof value.suppressed !== 'boolean') return null;
  if (!(value.round === null || typeof value.round === 'string')) return null;
  const figures = { n: value.n, dimensions: value.dimensions, overall: value.overall ?? { mean: null } };
  if (!isTeamFigures(figures)) return null;
  const counted = figures.dimensions.filter(hasCountsPerFigure);
  const countsPerFigure = counted.length === figures.dimensions.length;
  return {
    questionnaire: { id: value.questionnaire.id, version: value.questionnaire.version as number },
    round: value.round as string | null,
    n: value.n as number,
    minGroup: value.minGroup as number,
    suppressed: value.suppressed,
    // Only what today's output publishes: an earlier output's medians and alpha are not printed again.
    dimensions: countsPerFigure ? counted.map(({ id, n, mean, wantedN, wantedMean }) => ({ id, n, mean, wantedN, wantedMean })) : [],
    overall: value.overall === null ? null : { mean: figures.overall.mean },
    countsPerFigure,
  };
}

export type BatchOutcome =
  | { kind: 'new' }
  | { kind: 'held'; newAnswers: number }
  | { kind: 'not-a-continuation'; reason: string };

/** Whether this run's figures may be published after the previous output. */
export function compareWithPrevious(previous: Previous, result: AggregateResult): BatchOutcome {
  if (previous.questionnaire.id !== result.questionnaire.id || previous.questionnaire.version !== result.questionnaire.version
    || previous.round !== result.round || previous.minGroup !== result.minGroup) {
    return { kind: 'not-a-continuation', reason: 'the previous output is for another questionnaire version, round or minimum group' };
  }
  if (result.n < previous.n) return { kind: 'not-a-continuation', reason: `the previous output counted ${previous.n} responses and this run only ${result.n}` };
  if (previous.suppressed) return { kind: 'new' };
  if (!previous.countsPerFigure) {
    return { kind: 'not-a-continuation', reason: 'the previous output has no count of answers behind each "wanted" (it was made by an earlier version of the kit), so a run cannot be checked against it' };
  }
  const growth = [result.n - previous.n, ...result.dimensions.flatMap((d) => {
    const before = previous.dimensions.find((p) => p.id === d.id);
    return [d.n - (before?.n ?? 0), d.wantedN - (before?.wantedN ?? 0)];
  })];
  if (growth.some((g) => g < 0)) return { kind: 'not-a-continuation', reason: 'a figure has fewer answers than in the previous output' };
  const held = growth.some((g) => g > 0 && g < result.minGroup);
  return held ? { kind: 'held', newAnswers: result.n - previous.n } : { kind: 'new' };
}
