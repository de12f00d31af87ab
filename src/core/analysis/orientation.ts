import { SCALE_POINTS, type Item } from '../questionnaire/types';

/**
 * A position turned so that 1 is the "from" pole and 7 the "to" pole, whichever
 * statement the item showed on the left: the orientation every figure of the item
 * analysis and every exported position is on, so that the items of a dimension point
 * the same way. Scoring turns items the same way (scoring.ts).
 */
export function towardsTo(item: Pick<Item, 'leftPole'>, position: number): number {
  return item.leftPole === 'from' ? position : SCALE_POINTS + 1 - position;
}

/** Whether an item's answers are turned: its left statement describes the "to" pole. */
export function isReversed(item: Pick<Item, 'leftPole'>): boolean {
  return item.leftPole === 'to';
}
