import { asksWantedPerItem, itemsOf, SCALE_POINTS, type Item, type Questionnaire } from '../questionnaire/types';
import { isScalePosition, MIN_ANSWERED_ITEMS, wantedScore, type Answers } from '../scoring';
import { isPlainObject } from '../shape';
import { meanFigure, scoreFigure, wholeNumber } from './disclosure';
import { exactMeanScore, meanOfFractions, roundedMean } from './exact-mean';
import type { AnonymisedResponse } from './response';
import { addRow, createItemSums, sortedMean, type ItemSums } from './statistics';

/**
 * What team figures are computed from, kept per figure: each dimension's "now" scores,
 * its "wanted" positions and its alpha sums, and the overall scores. Each figure has a
 * count of its own, because a response need not answer every item: the batch rule and
 * the disclosure rule apply to the answers behind each figure, not to responses. The
 * lead's round state and the kit's aggregator both accumulate into this one shape.
 *
 * The alpha sums are no longer published from (no Cronbach's alpha and no count of
 * complete answers, in a round or from `aggregate`: src/core/round/disclosure.ts). They
 * stay in the shape, and `alpha:` stays a figure of the batch rule, so that a round
 * state reads and writes exactly as before: a state held by an earlier version needs no
 * migration, and one written now still opens in it. Their length (one entry per
 * statement) is what the exact means read as the dimension's number of statements.
 */
/** Cronbach's alpha's running sums (statistics.ts), as a round state keeps them; published nowhere. */
export type AlphaSums = ItemSums;

export interface DimensionSums {
  id: string;
  /** This dimension's scores, 0–100 (kept sorted where they are stored). */
  now: number[];
  wantedPositionSum: number;
  wantedCount: number;
  alpha: AlphaSums;
}

export interface FigureSums {
  /** Overall scores, 0–100 (kept sorted where they are stored). */
  overall: number[];
  dimensions: DimensionSums[];
}

/**
 * One figure of the batch rule: the overall score, or one dimension's now or wanted, which
 * are published, or its alpha sums, which are kept and not published (see above).
 */
export type FigureId = 'overall' | `now:${string}` | `wanted:${string}` | `alpha:${string}`;

/** What one response adds to each figure; null where it adds nothing. */
export interface Contribution {
  overall: number | null;
  dimensions: { now: number | null; wanted: number | null; alphaRow: number[] | null }[];
}

export interface DimensionAggregate {
  id: string;
  /** Answers behind this dimension's "now" mean. */
  n: number;
  mean: number | null;
  /** Answers behind the "wanted" mean. */
  wantedN: number;
  wantedMean: number | null;
}

export interface TeamFigures {
  /** Answers behind the overall figures. */
  n: number;
  dimensions: DimensionAggregate[];
  overall: { mean: number | null };
}

/**
 * A dimension's figures as a stored summary or a backup may hold them: today's, or those
 * published before each figure carried its own count. Earlier figures may also hold a
 * median and quartiles, and Cronbach's alpha with its count and flag (`alpha`, `alphaN`,
 * `alphaBelowZero`); isTeamFigures accepts them, and they are never shown, so they are
 * not in this type.
 */
export type StoredDimensionAggregate = Omit<DimensionAggregate, 'wantedN'> & Partial<Pick<DimensionAggregate, 'wantedN'>>;

export interface StoredTeamFigures {
  n: number;
  dimensions: StoredDimensionAggregate[];
  overall: { mean: number | null };
}

export function emptyFigureSums(questionnaire: Questionnaire): FigureSums {
  return {
    overall: [],
    dimensions: questionnaire.dimensions.map((dimension) => {
      const k = itemsOf(questionnaire, dimension.id).length;
      return {
        id: dimension.id,
        now: [],
        wantedPositionSum: 0,
        wantedCount: 0,
        alpha: createItemSums(k),
      };
    }),
  };
}

/**
 * A checked response's contribution. Alpha works on item positions turned to point the
 * same way (1 at the "from" pole): item scores are those positions times 100/6 less a
 * constant, which alpha ignores, and whole numbers keep the sums exact, so alpha does
 * not depend on the order responses came in. Only complete rows enter alpha.
 *
 * A dimension's score is the one scoring.ts gives (the mean of the answered statements'
 * scores, from two of them), and "wanted" the mean of the wanted positions (format 2) or
 * the one position (format 1); each is made here with one division of whole numbers, so
 * that equal scores are equal numbers, to the last bit, whatever answers gave them
 * (exact-mean.ts says why that matters).
 */
export function contributionOf(questionnaire: Questionnaire, response: AnonymisedResponse): Contribution {
  const perItem = asksWantedPerItem(questionnaire);
  const items = itemsPerDimension(questionnaire);
  const dimensions = questionnaire.dimensions.map((dimension, d) => {
    const turned = (item: Item, position: number) => (item.leftPole === 'from' ? position : SCALE_POINTS + 1 - position);
    const row: number[] = [];
    let complete = true;
    let sum = 0;
    let answered = 0;
    let wantedSum = 0;
    let wantedAnswered = 0;
    for (const item of items[d]!) {
      const position = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined;
      if (!isScalePosition(position)) {
        complete = false;
        continue;
      }
      row.push(turned(item, position));
      sum += turned(item, position);
      answered++;
      // Format 2 asks "wanted" per statement, of the statements answered "now" (as scoring.ts counts it).
      const wanted = perItem && Object.hasOwn(response.wanted, item.id) ? response.wanted[item.id] : undefined;
      if (isScalePosition(wanted)) {
        wantedSum += turned(item, wanted);
        wantedAnswered++;
      }
    }
    const now = answered >= MIN_ANSWERED_ITEMS ? (100 * (sum - answered)) / ((SCALE_POINTS - 1) * answered) : null;
    // Format 2: the person's wanted score (a mean over items, like now) as the position on
    // the dimension's scale it stands for, so that one sum serves both formats: the
    // published mean is the same linear map of the mean (wantedScore), exact either way.
    const position = Object.hasOwn(response.wanted, dimension.id) ? response.wanted[dimension.id] : undefined;
    const wanted = perItem ? (wantedAnswered >= MIN_ANSWERED_ITEMS ? wantedSum / wantedAnswered : null) : isScalePosition(position) ? position : null;
    return { now, wanted, alphaRow: complete && row.length > 0 ? row : null };
  });
  // The overall score as scoring.ts makes it: the mean of the dimensions' scores. Only
  // whether there is one, and its count, are ever published (the overall mean is the mean
  // of the dimensions' means).
  const scored = dimensions.flatMap((part) => (part.now === null ? [] : [part.now]));
  return { overall: scored.length === 0 ? null : sortedMean(scored), dimensions };
}

/** A response's answers as scoring takes them: format 2 carries "wanted" per item, under item ids. */
export function answersOfResponse(questionnaire: Questionnaire, response: Pick<AnonymisedResponse, 'answers' | 'wanted'>): Answers {
  return asksWantedPerItem(questionnaire) ? { answers: response.answers, wanted: {}, wantedItems: response.wanted } : response;
}

// Built once per questionnaire object: the kit adds hundreds of thousands of responses.
const itemLists = new WeakMap<Questionnaire, Item[][]>();

function itemsPerDimension(questionnaire: Questionnaire): Item[][] {
  let lists = itemLists.get(questionnaire);
  if (!lists) {
    lists = questionnaire.dimensions.map((dimension) => itemsOf(questionnaire, dimension.id));
    itemLists.set(questionnaire, lists);
  }
  return lists;
}

/** The figures a contribution adds to, in a fixed order. */
export function figuresTouched(questionnaire: Questionnaire, contribution: Contribution): FigureId[] {
  const touched: FigureId[] = [];
  if (contribution.overall !== null) touched.push('overall');
  questionnaire.dimensions.forEach((dimension, d) => {
    const part = contribution.dimensions[d]!;
    if (part.now !== null) touched.push(`now:${dimension.id}`);
    if (part.wanted !== null) touched.push(`wanted:${dimension.id}`);
    if (part.alphaRow !== null) touched.push(`alpha:${dimension.id}`);
  });
  return touched;
}

/** Every figure of a questionnaire, in the same order as figuresTouched. */
export function allFigures(questionnaire: Questionnaire): FigureId[] {
  return ['overall', ...questionnaire.dimensions.flatMap((d): FigureId[] => [`now:${d.id}`, `wanted:${d.id}`, `alpha:${d.id}`])];
}

/** Adds a contribution to the figures `include` lets through (all by default). Mutates `sums`. */
export function addContribution(sums: FigureSums, contribution: Contribution, include: (figure: FigureId) => boolean = () => true): void {
  if (contribution.overall !== null && include('overall')) sums.overall.push(contribution.overall);
  sums.dimensions.forEach((state, d) => {
    const part = contribution.dimensions[d]!;
    if (part.now !== null && include(`now:${state.id}`)) state.now.push(part.now);
    if (part.wanted !== null && include(`wanted:${state.id}`)) {
      state.wantedPositionSum += part.wanted;
      state.wantedCount++;
    }
    if (part.alphaRow !== null && include(`alpha:${state.id}`)) addRow(state.alpha, part.alphaRow);
  });
}

/** Sorts the stored scores, so that their order says nothing about who sent what. */
export function sortFigureSums(sums: FigureSums): FigureSums {
  const ascending = (a: number, b: number) => a - b;
  return {
    overall: [...sums.overall].sort(ascending),
    dimensions: sums.dimensions.map((d) => ({ ...d, now: [...d.now].sort(ascending), alpha: { ...d.alpha, itemSum: [...d.alpha.itemSum], itemSumOfSquares: [...d.alpha.itemSumOfSquares] } })),
  };
}

/** The published figures, under the disclosure rule (src/core/round/disclosure.ts): means and the count behind each. */
export function figuresOf(sums: FigureSums, minGroup: number): TeamFigures {
  return {
    n: sums.overall.length,
    overall: { mean: meanOfDimensionMeans(sums, minGroup) },
    dimensions: sums.dimensions.map((d): DimensionAggregate => ({
      id: d.id,
      n: d.now.length,
      mean: scoreFigure(d.now, minGroup, statementsOf(d)).mean,
      wantedN: d.wantedCount,
      wantedMean: meanFigure(d.wantedPositionSum, d.wantedCount, minGroup, wantedScore, statementsOf(d)),
    })),
  };
}

/**
 * The overall mean as the mean of the dimensions' means, each dimension weighing the same
 * as in a person's own overall score (for complete answers the two are equal). It is a
 * function of figures already shown, so it tells nothing they do not: an overall mean of
 * its own, over answers that leave out some dimension, could be subtracted from them to
 * give the answers of the few who differ. Null until every dimension shows its mean.
 */
function meanOfDimensionMeans(sums: FigureSums, minGroup: number): number | null {
  if (sums.dimensions.length === 0 || sums.dimensions.some((d) => d.now.length < minGroup)) return null;
  const exact = meanOfFractions(sums.dimensions.map((d) => exactMeanScore(d.now, statementsOf(d))));
  if (exact) return roundedMean(exact);
  let total = 0;
  for (const d of sums.dimensions) total += sortedMean(d.now)!;
  return wholeNumber(total / sums.dimensions.length);
}

/** A dimension's number of statements: alpha's sums hold one entry per statement (isFigureSums checks it against the questionnaire). */
const statementsOf = (d: DimensionSums) => d.alpha.itemSum.length;

const isNumberArray = (value: unknown, length?: number): value is number[] =>
  Array.isArray(value) && (length === undefined || value.length === length) && value.every((v) => typeof v === 'number' && Number.isFinite(v));

/**
 * Whether a stored value has the shape of figure sums, for a questionnaire when one is
 * given (its dimension ids and item counts), or of any questionnaire otherwise.
 */
export function isFigureSums(value: unknown, questionnaire?: Questionnaire): value is FigureSums {
  if (!isPlainObject(value) || !isNumberArray(value.overall)) return false;
  const dimensions = value.dimensions;
  if (!Array.isArray(dimensions) || (questionnaire && dimensions.length !== questionnaire.dimensions.length)) return false;
  return dimensions.every((d: unknown, i) => {
    if (!isPlainObject(d) || typeof d.id !== 'string' || !isPlainObject(d.alpha) || !Array.isArray(d.alpha.itemSum)) return false;
    const k = questionnaire ? itemsOf(questionnaire, questionnaire.dimensions[i]!.id).length : d.alpha.itemSum.length;
    return (!questionnaire || d.id === questionnaire.dimensions[i]!.id) && isNumberArray(d.now)
      && Number.isFinite(d.wantedPositionSum) && Number.isSafeInteger(d.wantedCount)
      && Number.isSafeInteger(d.alpha.n) && isNumberArray(d.alpha.itemSum, k) && isNumberArray(d.alpha.itemSumOfSquares, k)
      && Number.isFinite(d.alpha.totalSum) && Number.isFinite(d.alpha.totalSumOfSquares);
  });
}

const isFigure = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= -1_000 && value <= 100);
/** Absent, or what it was when it was published: earlier figures lack it, or hold one no longer published. */
const absentOr = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
/**
 * Alpha as it was published before it was withdrawn: one decimal within 0 to 1, or
 * earlier two decimals and any value below 1, however far below 0 made-up rows pushed
 * it. Read so that no stored summary or backup becomes unreadable; never shown.
 */
const isStoredAlpha = (value: unknown) => value === null || (typeof value === 'number' && Number.isFinite(value) && value <= 1);

/**
 * Whether a value has the shape of published figures, as a backup or the lead's summary
 * carries them: today's, or earlier ones (with a median and quartiles, with Cronbach's
 * alpha, its count of complete answers and its flag, to one decimal or to two, without
 * a count per figure), so that no stored round and no backup becomes unreadable. What is
 * shown of them is today's figures only: the means and their counts.
 */
export function isTeamFigures(value: unknown): value is StoredTeamFigures {
  if (!isPlainObject(value) || !Number.isSafeInteger(value.n) || !isPlainObject(value.overall)) return false;
  if (!isFigure(value.overall.mean) || !absentOr(isFigure)(value.overall.median) || !Array.isArray(value.dimensions) || value.dimensions.length > 100) return false;
  return value.dimensions.every((d: unknown) => isPlainObject(d) && typeof d.id === 'string' && Number.isSafeInteger(d.n)
    && isFigure(d.mean) && isFigure(d.wantedMean) && absentOr(isStoredAlpha)(d.alpha)
    && ['median', 'q1', 'q3'].every((key) => absentOr(isFigure)(d[key]))
    && absentOr(isCount)(d.wantedN) && absentOr(isCount)(d.alphaN) && absentOr((v) => typeof v === 'boolean')(d.alphaBelowZero));
}

/** Whether stored figures carry a count behind each figure published today (`wantedN` beside `n`). */
export function hasCountsPerFigure(dimension: StoredDimensionAggregate): dimension is DimensionAggregate {
  return dimension.wantedN !== undefined;
}
