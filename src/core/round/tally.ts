import { itemsOf, SCALE_POINTS, type Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire } from '../scoring';
import { isPlainObject } from '../shape';
import type { QuestionnaireRef } from '../storage/records';
import { toBase64url } from './base64url';
import { dimensionAggregate, type DimensionAggregate } from './aggregator';
import type { AnonymisedResponse } from './response';
import { summarize, type ItemSums } from './statistics';

/**
 * What the lead's Shiftmeter keeps of a round: only what the team figures need. Each
 * dimension keeps its scores sorted (so no position links a score to another
 * dimension's or to a response), running sums for "wanted" and for Cronbach's alpha,
 * and the round keeps hashes of the response ids it has counted, to refuse duplicates.
 *
 * Responses first wait in `pendingCodes`, as the sealed codes they arrived in: opaque
 * without the round's private key, so no stored record ever holds one person's answers
 * in the clear, even while a single response is waiting. Only when at least the
 * minimum group size is waiting are the codes opened again, merged into the figures'
 * accumulators and dropped, so that no one's answers can be worked out from the
 * difference between two sets of figures.
 */
export interface AlphaSums {
  n: number;
  itemSum: number[];
  itemSumOfSquares: number[];
  totalSum: number;
  totalSumOfSquares: number;
}

export interface DimensionAccumulator {
  id: string;
  /** This dimension's response scores, ascending. */
  scores: number[];
  wantedSum: number;
  wantedCount: number;
  alpha: AlphaSums;
}

export interface Accumulators {
  n: number;
  /** Overall scores, ascending. */
  overall: number[];
  dimensions: DimensionAccumulator[];
}

export interface TeamFigures {
  n: number;
  dimensions: DimensionAggregate[];
  overall: { mean: number | null; median: number | null };
}

export interface RoundTally {
  schema: 1;
  round: string;
  questionnaire: QuestionnaireRef;
  minGroup: number;
  /** SHA-256 of each counted response id, sorted: enough to spot a duplicate, nothing more. */
  seen: string[];
  main: Accumulators;
  /** Sealed codes counted but not yet in the figures, sorted (their order says nothing). */
  pendingCodes: string[];
  /** The figures shown; null until the first `minGroup` responses are in. */
  published: TeamFigures | null;
}

export function emptyAccumulators(questionnaire: Questionnaire): Accumulators {
  return {
    n: 0,
    overall: [],
    dimensions: questionnaire.dimensions.map((dimension) => {
      const k = itemsOf(questionnaire, dimension.id).length;
      return {
        id: dimension.id,
        scores: [],
        wantedSum: 0,
        wantedCount: 0,
        alpha: { n: 0, itemSum: Array(k).fill(0), itemSumOfSquares: Array(k).fill(0), totalSum: 0, totalSumOfSquares: 0 },
      };
    }),
  };
}

export function emptyTally(round: { id: string; minGroup: number }, questionnaire: Questionnaire): RoundTally {
  return {
    schema: 1,
    round: round.id,
    questionnaire: { id: questionnaire.id, version: questionnaire.version },
    minGroup: round.minGroup,
    seen: [],
    main: emptyAccumulators(questionnaire),
    pendingCodes: [],
    published: null,
  };
}

/** Responses counted (in the figures and waiting). */
export function countOf(tally: RoundTally): number {
  return tally.main.n + tally.pendingCodes.length;
}

function insertSorted(values: number[], value: number): void {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  values.splice(low, 0, value);
}

/**
 * Adds one response that has already been checked against the questionnaire. The
 * same scoring and the same alpha rows as createAggregator, so the figures agree.
 */
export function accumulate(acc: Accumulators, questionnaire: Questionnaire, response: AnonymisedResponse): void {
  const score = scoreQuestionnaire(questionnaire, response);
  if (score.overall.now === null) return;
  questionnaire.dimensions.forEach((dimension, d) => {
    const state = acc.dimensions[d]!;
    const now = score.dimensions[d]!.now;
    if (now !== null) insertSorted(state.scores, now);
    const wanted = Object.hasOwn(response.wanted, dimension.id) ? response.wanted[dimension.id] : undefined;
    if (wanted !== undefined) {
      state.wantedSum += wanted;
      state.wantedCount++;
    }
    // Alpha on item positions turned to point the same way; only complete rows count.
    const items = itemsOf(questionnaire, dimension.id);
    const row: number[] = [];
    for (const item of items) {
      const position = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined;
      if (position === undefined) return;
      row.push(item.leftPole === 'from' ? position : SCALE_POINTS + 1 - position);
    }
    let total = 0;
    row.forEach((value, i) => {
      state.alpha.itemSum[i]! += value;
      state.alpha.itemSumOfSquares[i]! += value * value;
      total += value;
    });
    state.alpha.n++;
    state.alpha.totalSum += total;
    state.alpha.totalSumOfSquares += total * total;
  });
  insertSorted(acc.overall, score.overall.now);
  acc.n++;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  return [...a, ...b].sort((x, y) => x - y);
}

export function mergeAccumulators(a: Accumulators, b: Accumulators): Accumulators {
  return {
    n: a.n + b.n,
    overall: mergeSorted(a.overall, b.overall),
    dimensions: a.dimensions.map((left, d) => {
      const right = b.dimensions[d]!;
      return {
        id: left.id,
        scores: mergeSorted(left.scores, right.scores),
        wantedSum: left.wantedSum + right.wantedSum,
        wantedCount: left.wantedCount + right.wantedCount,
        alpha: {
          n: left.alpha.n + right.alpha.n,
          itemSum: left.alpha.itemSum.map((v, i) => v + right.alpha.itemSum[i]!),
          itemSumOfSquares: left.alpha.itemSumOfSquares.map((v, i) => v + right.alpha.itemSumOfSquares[i]!),
          totalSum: left.alpha.totalSum + right.alpha.totalSum,
          totalSumOfSquares: left.alpha.totalSumOfSquares + right.alpha.totalSumOfSquares,
        },
      };
    }),
  };
}

function itemSums(alpha: AlphaSums): ItemSums {
  return {
    k: alpha.itemSum.length,
    n: alpha.n,
    itemSum: Float64Array.from(alpha.itemSum),
    itemSumOfSquares: Float64Array.from(alpha.itemSumOfSquares),
    totalSum: alpha.totalSum,
    totalSumOfSquares: alpha.totalSumOfSquares,
  };
}

/** The design's aggregate figures from accumulators; null below the minimum group size. */
export function figuresOf(acc: Accumulators, minGroup: number): TeamFigures | null {
  if (acc.n < minGroup) return null;
  const whole = summarize(acc.overall)!;
  return {
    n: acc.n,
    overall: { mean: whole.mean, median: whole.median },
    // The same rule for every figure as the kit's aggregator: one function for both.
    dimensions: acc.dimensions.map((state) => dimensionAggregate(state.id, state.scores, state.wantedSum, state.wantedCount, itemSums(state.alpha), minGroup)),
  };
}

export async function hashResponseId(round: string, response: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${round}\n${response}`));
  return toBase64url(new Uint8Array(digest));
}

export type TallyOutcome = 'counted' | 'duplicate';

export interface CountedResponse {
  /** The sealed code as it arrived: what is kept while the response waits. */
  code: string;
  /** hashResponseId(round, response) of the opened code. */
  hash: string;
}

/** Opens a code kept in `pendingCodes` again (with the round's private key). */
export type OpenCode = (code: string) => Promise<AnonymisedResponse | null>;

/**
 * Adds checked, opened codes of this round to a tally and publishes new figures when
 * enough new responses have come in. Returns the next tally; the caller writes it
 * (inside a lock). Responses are opened only here, in memory, and let go.
 */
export async function addToTally(tally: RoundTally, questionnaire: Questionnaire, counted: readonly CountedResponse[], open: OpenCode): Promise<{ tally: RoundTally; outcomes: TallyOutcome[] }> {
  const seen = new Set(tally.seen);
  let pendingCodes = [...tally.pendingCodes];
  let main = tally.main;
  let published = tally.published;
  const outcomes = counted.map(({ code, hash }): TallyOutcome => {
    if (seen.has(hash)) return 'duplicate';
    seen.add(hash);
    pendingCodes.push(code);
    return 'counted';
  });
  if (pendingCodes.length >= tally.minGroup) {
    const batch = emptyAccumulators(questionnaire);
    for (const code of pendingCodes) {
      const response = await open(code);
      // A code that opened before and not now means the key changed: count nothing rather than guess.
      if (!response) throw new Error('a waiting response could not be opened again, so nothing was counted');
      accumulate(batch, questionnaire, response);
    }
    main = mergeAccumulators(main, batch);
    pendingCodes = [];
    published = figuresOf(main, tally.minGroup);
  }
  return { tally: { ...tally, seen: [...seen].sort(), main, pendingCodes: pendingCodes.sort(), published }, outcomes };
}

const isNumberArray = (value: unknown, length?: number): value is number[] =>
  Array.isArray(value) && (length === undefined || value.length === length) && value.every((v) => typeof v === 'number' && Number.isFinite(v));

function isAccumulators(value: unknown, questionnaire: Questionnaire): value is Accumulators {
  if (!isPlainObject(value) || !Number.isSafeInteger(value.n) || !isNumberArray(value.overall) || value.overall.length !== value.n) return false;
  const dimensions = value.dimensions;
  return Array.isArray(dimensions) && dimensions.length === questionnaire.dimensions.length && dimensions.every((d: unknown, i) => {
    const k = itemsOf(questionnaire, questionnaire.dimensions[i]!.id).length;
    return isPlainObject(d) && d.id === questionnaire.dimensions[i]!.id && isNumberArray(d.scores)
      && typeof d.wantedSum === 'number' && Number.isSafeInteger(d.wantedCount)
      && isPlainObject(d.alpha) && Number.isSafeInteger(d.alpha.n) && isNumberArray(d.alpha.itemSum, k) && isNumberArray(d.alpha.itemSumOfSquares, k)
      && typeof d.alpha.totalSum === 'number' && typeof d.alpha.totalSumOfSquares === 'number';
  });
}

/** Validates a stored tally against its round's questionnaire; null when it is not one. */
export function readTally(value: unknown, round: { id: string; minGroup: number }, questionnaire: Questionnaire): RoundTally | null {
  if (!isPlainObject(value) || value.schema !== 1 || value.round !== round.id || value.minGroup !== round.minGroup) return null;
  if (!isPlainObject(value.questionnaire) || value.questionnaire.id !== questionnaire.id || value.questionnaire.version !== questionnaire.version) return null;
  if (!Array.isArray(value.seen) || !value.seen.every((h) => typeof h === 'string')) return null;
  if (!isAccumulators(value.main, questionnaire)) return null;
  const pendingCodes = value.pendingCodes;
  if (!Array.isArray(pendingCodes) || pendingCodes.length > 100_000 || !pendingCodes.every((c) => typeof c === 'string' && c.length <= 16_384)) return null;
  const published = value.main.n >= round.minGroup ? figuresOf(value.main, round.minGroup) : null;
  // Figures are recomputed from what is stored, so an edited snapshot cannot show anything else.
  return { schema: 1, round: round.id, questionnaire: { id: questionnaire.id, version: questionnaire.version }, minGroup: round.minGroup, seen: value.seen as string[], main: value.main, pendingCodes: pendingCodes as string[], published };
}
