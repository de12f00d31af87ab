/**
 * When a figure of the item analysis deserves a second look, in plain words that name
 * the threshold. The thresholds are the usual rules of thumb of scale construction
 * (e.g. Nunnally & Bernstein 1994 for alpha, Terwee et al. 2007 for floor and ceiling
 * effects); a flag asks for a look, it is not a verdict.
 */
export const THRESHOLDS = {
  /** An item–rest correlation below this: the item goes along little with its dimension. */
  itemRest: 0.3,
  /** Cronbach's alpha below this: the items agree too little to be read as one score. */
  alpha: 0.7,
  /** A share of "does not apply" (format 1: unanswered) above this. */
  notApplicable: 0.2,
  /** A share of answers at either end of the scale above this. */
  floorOrCeiling: 0.3,
} as const;

export type FlagKind = 'low-item-rest' | 'low-alpha' | 'often-not-applicable' | 'floor' | 'ceiling';

export interface Flag {
  kind: FlagKind;
  value: number;
  threshold: number;
  text: string;
}

/** What a missing answer means: format 2 asks "does not apply", format 1 had only unanswered items. */
export type MissingAnswer = 'not-applicable' | 'unanswered';

/** A correlation or alpha as tables print it: two decimals, no leading zero (.30, -.12). */
export const coefficientText = (value: number) => value.toFixed(2).replace(/^(-?)0\./, '$1.');
/** A share as a percentage, with one decimal where it has one (20%, 33.3%). */
export const percentText = (share: number) => `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;

export interface ItemFigures {
  notApplicable: number;
  floor: number | null;
  ceiling: number | null;
  itemRest: number | null;
}

export function itemFlags(figures: ItemFigures, missing: MissingAnswer): Flag[] {
  const flags: Flag[] = [];
  const { itemRest, notApplicable, floor, ceiling } = figures;
  if (itemRest !== null && itemRest < THRESHOLDS.itemRest) {
    flags.push({
      kind: 'low-item-rest', value: itemRest, threshold: THRESHOLDS.itemRest,
      text: `item–rest correlation ${coefficientText(itemRest)} is below ${coefficientText(THRESHOLDS.itemRest)}: the item goes along little with the other items of its dimension; read its wording again, and ask whether it measures this dimension`,
    });
  }
  if (notApplicable > THRESHOLDS.notApplicable) {
    const said = missing === 'not-applicable' ? 'answered "does not apply"' : 'left it unanswered';
    flags.push({
      kind: 'often-not-applicable', value: notApplicable, threshold: THRESHOLDS.notApplicable,
      text: `${percentText(notApplicable)} ${said}, more than ${percentText(THRESHOLDS.notApplicable)}: the statement may not fit the work of many units`,
    });
  }
  for (const [kind, share, end] of [['floor', floor, '1 (the "from" end)'], ['ceiling', ceiling, '7 (the "to" end)']] as const) {
    if (share === null || share <= THRESHOLDS.floorOrCeiling) continue;
    flags.push({
      kind, value: share, threshold: THRESHOLDS.floorOrCeiling,
      text: `${percentText(share)} of answers at ${end}, more than ${percentText(THRESHOLDS.floorOrCeiling)}: the scale has no room beyond them, so differences there go unseen`,
    });
  }
  return flags;
}

export function dimensionFlags(alpha: number | null): Flag[] {
  if (alpha === null || alpha >= THRESHOLDS.alpha) return [];
  return [{
    kind: 'low-alpha', value: alpha, threshold: THRESHOLDS.alpha,
    text: `Cronbach's alpha ${coefficientText(alpha)} is below ${coefficientText(THRESHOLDS.alpha)}: the items agree too little for their mean to be read as one score`,
  }];
}
