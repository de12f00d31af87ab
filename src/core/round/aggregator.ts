import { describeProblem } from '../problems';
import { itemsOf, SCALE_POINTS, type Item, type Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire, wantedScore } from '../scoring';
import { mismatchReason } from './mismatch';
import { checkAgainst, type AnonymisedResponse } from './response';
import { addRow, createItemSums, cronbachAlpha, summarize, type ItemSums } from './statistics';

export const DEFAULT_MIN_GROUP = 5;
/** Below 3, a person who knows one other answer could work out the third. */
export const LOWEST_MIN_GROUP = 3;

export interface DimensionAggregate {
  id: string;
  /** Responses that answered at least one item of the dimension. */
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  wantedMean: number | null;
  alpha: number | null;
}

export interface Rejection {
  source: string;
  reason: string;
}

export interface AggregateResult {
  questionnaire: { id: string; version: number };
  /** The round pooled; null when none was set and the responses name several. */
  round: string | null;
  n: number;
  minGroup: number;
  suppressed: boolean;
  dimensions: DimensionAggregate[];
  overall: { mean: number | null; median: number | null } | null;
  duplicates: number;
  rejected: Rejection[];
}

export type AddOutcome = { status: 'counted' } | { status: 'duplicate' } | { status: 'rejected'; reason: string };

export interface Aggregator {
  /** Pools one response; `source` names it in a rejection (a file, "code 3"). */
  add(source: string, response: AnonymisedResponse): AddOutcome;
  /** Records an input that never became a response, e.g. an unreadable file. */
  reject(source: string, reason: string): void;
  readonly n: number;
  result(): AggregateResult;
}

export interface AggregatorOptions {
  questionnaire: Questionnaire;
  minGroup?: number;
  round?: string;
}

interface DimensionState {
  id: string;
  items: Item[];
  scores: number[];
  wantedPositionSum: number;
  wantedCount: number;
  alpha: ItemSums;
  row: Float64Array;
}

/**
 * Pools anonymised responses into per-dimension distributions. It is streaming and
 * bounded: it keeps one score per response and dimension (medians need them), running
 * sums for alpha and "wanted", and the response ids seen; never the responses.
 */
export function createAggregator(options: AggregatorOptions): Aggregator {
  const { questionnaire, round } = options;
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  if (!Number.isSafeInteger(minGroup) || minGroup < LOWEST_MIN_GROUP) {
    throw new RangeError(`the minimum group size must be a whole number of at least ${LOWEST_MIN_GROUP}, not ${minGroup}`);
  }
  const target = { questionnaire: { id: questionnaire.id, version: questionnaire.version }, round };
  const dimensions: DimensionState[] = questionnaire.dimensions.map((dimension) => {
    const items = itemsOf(questionnaire, dimension.id);
    return { id: dimension.id, items, scores: [], wantedPositionSum: 0, wantedCount: 0, alpha: createItemSums(items.length), row: new Float64Array(items.length) };
  });
  const overall: number[] = [];
  const seen = new Set<string>();
  const rejected: Rejection[] = [];
  let duplicates = 0;
  let roundsSeen: { first: string; several: boolean } | null = null;

  function add(source: string, response: AnonymisedResponse): AddOutcome {
    const mismatch = mismatchReason(target, response);
    const problems = mismatch === null ? checkAgainst(response, questionnaire) : [];
    const score = scoreQuestionnaire(questionnaire, response);
    const reason = mismatch ?? (problems.length > 0 ? describeProblem(problems[0]!) : null) ?? (score.overall.now === null ? 'answers no item' : null);
    if (reason !== null) {
      rejected.push({ source, reason });
      return { status: 'rejected', reason };
    }
    if (seen.has(response.response)) {
      duplicates++;
      return { status: 'duplicate' };
    }
    seen.add(response.response);
    dimensions.forEach((state, d) => {
      const now = score.dimensions[d]!.now;
      if (now !== null) state.scores.push(now);
      const wanted = response.wanted[state.id];
      if (wanted !== undefined) {
        state.wantedPositionSum += wanted;
        state.wantedCount++;
      }
      addAlphaRow(state, response);
    });
    overall.push(score.overall.now!);
    if (roundsSeen === null) roundsSeen = { first: response.round, several: false };
    else if (roundsSeen.first !== response.round) roundsSeen.several = true;
    return { status: 'counted' };
  }

  function result(): AggregateResult {
    const n = overall.length;
    const base = {
      questionnaire: { ...target.questionnaire },
      round: round ?? (roundsSeen && !roundsSeen.several ? roundsSeen.first : null),
      n,
      minGroup,
    };
    const tail = { duplicates, rejected: [...rejected] };
    if (n < minGroup) return { ...base, suppressed: true, dimensions: [], overall: null, ...tail };
    const whole = summarize(overall)!;
    return {
      ...base,
      suppressed: false,
      dimensions: dimensions.map((state) => dimensionFigures(state, minGroup)),
      overall: { mean: whole.mean, median: whole.median },
      ...tail,
    };
  }

  return {
    add,
    reject: (source, reason) => void rejected.push({ source, reason }),
    get n() {
      return overall.length;
    },
    result,
  };
}

/**
 * Alpha is computed on the item positions turned to point the same way (1 at the
 * "from" pole). Item scores are those positions times 100/6, less a constant, and
 * alpha does not change under a common scale or per-item shifts; whole numbers keep
 * the running sums exact, so alpha does not depend on the order responses came in.
 */
function addAlphaRow(state: DimensionState, response: AnonymisedResponse): void {
  for (let i = 0; i < state.items.length; i++) {
    const item = state.items[i]!;
    const position = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined;
    if (position === undefined) return; // only complete rows enter alpha
    state.row[i] = item.leftPole === 'from' ? position : SCALE_POINTS + 1 - position;
  }
  addRow(state.alpha, state.row);
}

/** The figures of one dimension from what the aggregator keeps of it. */
function dimensionFigures(state: DimensionState, minGroup: number): DimensionAggregate {
  return dimensionAggregate(state.id, state.scores, state.wantedPositionSum, state.wantedCount, state.alpha, minGroup);
}

/**
 * One dimension's published figures, shared by the kit's aggregator and the lead's
 * tally so the two can never apply different rules. Each figure also needs `minGroup`
 * responses behind it, or a rarely answered dimension would expose the few who did.
 */
export function dimensionAggregate(id: string, scores: readonly number[], wantedPositionSum: number, wantedCount: number, alpha: ItemSums, minGroup: number): DimensionAggregate {
  const summary = scores.length >= minGroup ? summarize(scores) : null;
  return {
    id,
    n: scores.length,
    mean: summary?.mean ?? null,
    median: summary?.median ?? null,
    q1: summary?.q1 ?? null,
    q3: summary?.q3 ?? null,
    wantedMean: wantedCount >= minGroup ? wantedScore(wantedPositionSum / wantedCount) : null,
    alpha: alpha.n >= minGroup ? cronbachAlpha(alpha) : null,
  };
}
