import { SCALE_POINTS, itemsOf, type Item, type Pole, type Questionnaire } from './questionnaire/types';

/** A position on the 7-point scale: 1 is the left statement, 7 the right one. */
export type ScalePosition = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Answers {
  /** Item id → position on the scale between its left and right statements. */
  answers: Readonly<Record<string, number>>;
  /**
   * Dimension id → wanted position, 1 at the dimension's "from" pole, 7 at its "to" pole:
   * how version-1 sittings asked "where do you want to be", once per dimension.
   */
  wanted: Readonly<Record<string, number>>;
  /** Item id → wanted position on the item's own scale: how "wanted" is asked since, per item. */
  wantedItems?: Readonly<Record<string, number>>;
  /** Items answered "does not apply to my unit": left out of every mean. */
  notApplicable?: readonly string[];
}

/** A dimension shows a score only from this many answered items; fewer say "not enough answers". */
export const MIN_ANSWERED_ITEMS = 2;

export interface DimensionScore {
  dimension: string;
  /** 0 (the "from" pole) to 100 (the "to" pole); null with fewer than MIN_ANSWERED_ITEMS answered items. */
  now: number | null;
  wanted: number | null;
  /** wanted − now: positive means the person wants to move towards the "to" pole. */
  gap: number | null;
  answered: number;
  /** Items answered "does not apply". */
  notApplicable: number;
  total: number;
}

export interface QuestionnaireScore {
  dimensions: DimensionScore[];
  /** The mean of the dimension scores, so that every dimension weighs the same. */
  overall: { now: number | null; wanted: number | null; gap: number | null };
  /**
   * For a profile (a questionnaire with `axes`): each axis as the mean of its dimensions'
   * scores, 0 at the axis's "from" end. A profile is read on its axes, not as one overall score.
   */
  axes?: AxisScore[];
}

export interface AxisScore {
  axis: string;
  /** Null until at least MIN_DIMENSIONS_FOR_AXIS of its dimensions have a score. */
  now: number | null;
  wanted: number | null;
  gap: number | null;
  /** Its dimensions with a score, of `total`. */
  scored: number;
  total: number;
}

/** An axis shows a position only from this many scored dimensions (the validator asks each axis for at least two). */
export const MIN_DIMENSIONS_FOR_AXIS = 2;

export function isScalePosition(value: unknown): value is ScalePosition {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SCALE_POINTS;
}

/** Maps a position on the scale to 0–100 from the "from" pole to the "to" pole. */
export function positionToScore(position: number, leftPole: Pole): number {
  const fraction = (position - 1) / (SCALE_POINTS - 1);
  return (leftPole === 'from' ? fraction : 1 - fraction) * 100;
}

export function itemScore(item: Pick<Item, 'leftPole'>, position: number): number {
  return positionToScore(position, item.leftPole);
}

/** The wanted question always shows the "from" pole on the left. */
export function wantedScore(position: number): number {
  return positionToScore(position, 'from');
}

/**
 * Each dimension's items, worked out once per questionnaire: a history scores the same
 * questionnaire a thousand times, and filtering its items again for every dimension of
 * every sitting was most of the work. Questionnaires are read-only once loaded.
 */
const itemsByDimension = new WeakMap<Questionnaire, Item[][]>();

function dimensionItems(questionnaire: Questionnaire): Item[][] {
  let items = itemsByDimension.get(questionnaire);
  if (!items) {
    items = questionnaire.dimensions.map((dimension) => itemsOf(questionnaire, dimension.id));
    itemsByDimension.set(questionnaire, items);
  }
  return items;
}

export function scoreQuestionnaire(questionnaire: Questionnaire, given: Answers): QuestionnaireScore {
  const notApplicable = given.notApplicable && given.notApplicable.length > 0 ? new Set(given.notApplicable) : null;
  const byDimension = dimensionItems(questionnaire);
  const dimensions = questionnaire.dimensions.map((dimension, index): DimensionScore => {
    const items = byDimension[index]!;
    // One pass over the dimension's items: the sums of now and of wanted (per item, on the
    // items answered now), and the counts each mean needs.
    let answered = 0;
    let skipped = 0;
    let nowSum = 0;
    let wantedSum = 0;
    let wantedCount = 0;
    for (const item of items) {
      if (notApplicable?.has(item.id)) {
        skipped++;
        continue;
      }
      const position = given.answers[item.id];
      if (!isScalePosition(position)) continue;
      answered++;
      nowSum += itemScore(item, position);
      const wantedPosition = given.wantedItems?.[item.id];
      if (isScalePosition(wantedPosition)) {
        wantedCount++;
        wantedSum += itemScore(item, wantedPosition);
      }
    }
    const now = answered >= MIN_ANSWERED_ITEMS ? nowSum / answered : null;
    const wanted = given.wantedItems
      ? (wantedCount >= MIN_ANSWERED_ITEMS ? wantedSum / wantedCount : null)
      : wantedOfDimension(given.wanted[dimension.id]);
    return { dimension: dimension.id, now, wanted, gap: difference(wanted, now), answered, notApplicable: skipped, total: items.length };
  });
  const now = mean(dimensions.flatMap((d) => (d.now === null ? [] : [d.now])));
  const wanted = mean(dimensions.flatMap((d) => (d.wanted === null ? [] : [d.wanted])));
  const overall = { now, wanted, gap: difference(wanted, now) };
  return questionnaire.axes ? { dimensions, overall, axes: axisScores(questionnaire, dimensions) } : { dimensions, overall };
}

function axisScores(questionnaire: Questionnaire, dimensions: readonly DimensionScore[]): AxisScore[] {
  return (questionnaire.axes ?? []).map((axis) => {
    const on = questionnaire.dimensions.flatMap((dimension, d) => (dimension.axis === axis.id ? [dimensions[d]!] : []));
    const scored = on.filter((d) => d.now !== null);
    const wantedScored = on.filter((d) => d.wanted !== null);
    const now = scored.length >= MIN_DIMENSIONS_FOR_AXIS ? mean(scored.map((d) => d.now!)) : null;
    const wanted = wantedScored.length >= MIN_DIMENSIONS_FOR_AXIS ? mean(wantedScored.map((d) => d.wanted!)) : null;
    return { axis: axis.id, now, wanted, gap: difference(wanted, now), scored: scored.length, total: on.length };
  });
}

function wantedOfDimension(position: number | undefined): number | null {
  return isScalePosition(position) ? wantedScore(position) : null;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Scores are kept exact and rounded only for display. */
export function roundScore(score: number): number {
  return Math.round(score);
}
