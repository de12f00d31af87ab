import { describeProblem } from '../problems';
import type { Questionnaire } from '../questionnaire/types';
import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP } from './disclosure';
import { addContribution, contributionOf, emptyFigureSums, figuresOf, type DimensionAggregate } from './figure-sums';
import { mismatchReason } from './mismatch';
import { checkAgainst, type AnonymisedResponse } from './response';

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
  overall: { mean: number | null } | null;
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

/**
 * Pools anonymised responses into per-dimension figures. It is streaming and bounded:
 * it keeps one score per response and figure (the shape the lead's round state shares,
 * alpha's running sums included, which it does not publish), a running sum for "wanted",
 * and the response ids seen; never the responses. Its figures follow the same disclosure
 * rule as the lead's view (src/core/round/disclosure.ts): means and the count behind
 * each; no median, quartile or Cronbach's alpha (for alpha, `analyse`).
 */
export function createAggregator(options: AggregatorOptions): Aggregator {
  const { questionnaire, round } = options;
  const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
  if (!Number.isSafeInteger(minGroup) || minGroup < LOWEST_MIN_GROUP) {
    throw new RangeError(`the minimum group size must be a whole number of at least ${LOWEST_MIN_GROUP}, not ${minGroup}`);
  }
  const target = { questionnaire: { id: questionnaire.id, version: questionnaire.version }, round };
  const sums = emptyFigureSums(questionnaire);
  const seen = new Set<string>();
  const rejected: Rejection[] = [];
  let duplicates = 0;
  let roundsSeen: { first: string; several: boolean } | null = null;

  function add(source: string, response: AnonymisedResponse): AddOutcome {
    const mismatch = mismatchReason(target, response);
    const problems = mismatch === null ? checkAgainst(response, questionnaire) : [];
    const contribution = contributionOf(questionnaire, response);
    const reason = mismatch ?? (problems.length > 0 ? describeProblem(problems[0]!) : null) ?? (contribution.overall === null ? 'answers no item' : null);
    if (reason !== null) {
      rejected.push({ source, reason });
      return { status: 'rejected', reason };
    }
    if (seen.has(response.response)) {
      duplicates++;
      return { status: 'duplicate' };
    }
    seen.add(response.response);
    addContribution(sums, contribution);
    if (roundsSeen === null) roundsSeen = { first: response.round, several: false };
    else if (roundsSeen.first !== response.round) roundsSeen.several = true;
    return { status: 'counted' };
  }

  function result(): AggregateResult {
    const n = sums.overall.length;
    const base = {
      questionnaire: { ...target.questionnaire },
      round: round ?? (roundsSeen && !roundsSeen.several ? roundsSeen.first : null),
      n,
      minGroup,
    };
    const tail = { duplicates, rejected: [...rejected] };
    if (n < minGroup) return { ...base, suppressed: true, dimensions: [], overall: null, ...tail };
    const figures = figuresOf(sums, minGroup);
    return { ...base, suppressed: false, dimensions: figures.dimensions, overall: figures.overall, ...tail };
  }

  return {
    add,
    reject: (source, reason) => void rejected.push({ source, reason }),
    get n() {
      return sums.overall.length;
    },
    result,
  };
}
