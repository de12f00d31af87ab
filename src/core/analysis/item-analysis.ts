import { asksWantedPerItem, itemsOf, type Item, type Questionnaire } from '../questionnaire/types';
import type { AnonymisedResponse } from '../round/response';
import { isScalePosition, MIN_ANSWERED_ITEMS } from '../scoring';
import { addCompleteRow, alphaIfDropped, alphaOfRows, createCompleteRows, itemRestCorrelation, type CompleteRows } from './complete-rows';
import { feldtInterval, type Interval } from './feldt-interval';
import { dimensionFlags, itemFlags, type Flag, type MissingAnswer } from './flags';
import { countAnswer, createItemCounts, distributionOf, type ItemCounts } from './item-counts';
import { isReversed, towardsTo } from './orientation';

export interface ItemAnalysis {
  id: string;
  /** The item showed the "to" pole on the left, so its positions were turned (orientation.ts). */
  reversed: boolean;
  /** Answers to the item. */
  n: number;
  /** Share of the responses without an answer: "does not apply" in format 2, unanswered in format 1. */
  notApplicable: number;
  /** On the turned 1–7 scale: 1 the "from" pole, 7 the "to" pole. */
  mean: number | null;
  sd: number | null;
  floor: number | null;
  ceiling: number | null;
  /** Corrected item–total correlation over the dimension's complete answers. */
  itemRest: number | null;
  /** Alpha of the dimension's other items over the same answers; null for a dimension of two items. */
  alphaIfDropped: number | null;
  flags: Flag[];
}

export interface DimensionAnalysis {
  id: string;
  /** Responses with a score on this dimension (at least MIN_ANSWERED_ITEMS items answered): `aggregate`'s n. */
  n: number;
  /** Complete answers (every item of the dimension answered): the rows alpha, item–rest and alpha-if-dropped use. */
  complete: number;
  alpha: number | null;
  /** Feldt's 95% confidence interval of alpha. */
  interval: Interval | null;
  flags: Flag[];
  items: ItemAnalysis[];
}

export interface Analysis {
  /** Responses analysed. */
  n: number;
  minGroup: number;
  /** Fewer responses than the minimum group: only the count is given. */
  suppressed: boolean;
  missingAnswer: MissingAnswer;
  dimensions: DimensionAnalysis[];
}

export interface ItemAnalyser {
  /** Adds one counted response (checked against the questionnaire, not a duplicate). */
  add(response: AnonymisedResponse): void;
  result(minGroup: number): Analysis;
}

interface DimensionState {
  id: string;
  items: Item[];
  counts: ItemCounts[];
  rows: CompleteRows;
  /** Reused for each response's complete row. */
  row: number[];
  scored: number;
}

/**
 * The item analysis of a questionnaire's responses: streaming and bounded (seven counts
 * per item and a k × k table of sums per dimension, whatever the number of responses),
 * and exact, so the figures do not depend on the order responses come in.
 */
export function createItemAnalyser(questionnaire: Questionnaire): ItemAnalyser {
  const dimensions: DimensionState[] = questionnaire.dimensions.map((dimension) => {
    const items = itemsOf(questionnaire, dimension.id);
    return { id: dimension.id, items, counts: items.map(createItemCounts), rows: createCompleteRows(items.length), row: Array(items.length).fill(0), scored: 0 };
  });
  const missingAnswer: MissingAnswer = asksWantedPerItem(questionnaire) ? 'not-applicable' : 'unanswered';
  let n = 0;

  function add(response: AnonymisedResponse): void {
    n++;
    for (const dimension of dimensions) {
      let answered = 0;
      dimension.items.forEach((item, i) => {
        const position = Object.hasOwn(response.answers, item.id) ? response.answers[item.id] : undefined;
        if (!isScalePosition(position)) return;
        const value = towardsTo(item, position);
        countAnswer(dimension.counts[i]!, value);
        dimension.row[i] = value;
        answered++;
      });
      if (answered >= MIN_ANSWERED_ITEMS) dimension.scored++;
      if (answered === dimension.items.length) addCompleteRow(dimension.rows, dimension.row);
    }
  }

  function result(minGroup: number): Analysis {
    if (n < minGroup) return { n, minGroup, suppressed: true, missingAnswer, dimensions: [] };
    return { n, minGroup, suppressed: false, missingAnswer, dimensions: dimensions.map((d) => analyseDimension(d, n, minGroup, missingAnswer)) };
  }

  return { add, result };
}

/** Figures from fewer answers than the minimum group are left out; their counts are given. */
function analyseDimension(dimension: DimensionState, n: number, minGroup: number, missing: MissingAnswer): DimensionAnalysis {
  const { rows } = dimension;
  const fromRows = rows.n >= minGroup;
  const alpha = fromRows ? alphaOfRows(rows) : null;
  const items = dimension.items.map((item, i): ItemAnalysis => {
    const distribution = distributionOf(dimension.counts[i]!);
    const shown = distribution.n >= minGroup;
    const figures = {
      notApplicable: (n - distribution.n) / n,
      mean: shown ? distribution.mean : null,
      sd: shown ? distribution.sd : null,
      floor: shown ? distribution.floor : null,
      ceiling: shown ? distribution.ceiling : null,
      itemRest: fromRows ? itemRestCorrelation(rows, i) : null,
      alphaIfDropped: fromRows ? alphaIfDropped(rows, i) : null,
    };
    return { id: item.id, reversed: isReversed(item), n: distribution.n, ...figures, flags: itemFlags(figures, missing) };
  });
  return {
    id: dimension.id,
    n: dimension.scored,
    complete: rows.n,
    alpha,
    interval: alpha === null ? null : feldtInterval(alpha, rows.n, rows.k),
    flags: dimensionFlags(alpha),
    items,
  };
}
