import { describe, expect, it } from 'vitest';
import { dimensionFlags, itemFlags, THRESHOLDS } from '../../src/core/analysis/flags';

const quiet = { notApplicable: 0, floor: 0, ceiling: 0, itemRest: 0.5 };
const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind);

describe('flags of the item analysis', () => {
  it('uses the thresholds of the issue: item–rest .30, alpha .70, "does not apply" 20%, floor and ceiling 30%', () => {
    expect(THRESHOLDS).toEqual({ itemRest: 0.3, alpha: 0.7, notApplicable: 0.2, floorOrCeiling: 0.3 });
  });

  it('flags strictly below and strictly above, never at the threshold itself', () => {
    expect(itemFlags({ ...quiet, itemRest: 0.3, notApplicable: 0.2, floor: 0.3, ceiling: 0.3 }, 'not-applicable')).toEqual([]);
    expect(dimensionFlags(0.7)).toEqual([]);
    expect(kinds(itemFlags({ itemRest: 0.2999, notApplicable: 0.2001, floor: 0.3001, ceiling: 0.31 }, 'not-applicable')))
      .toEqual(['low-item-rest', 'often-not-applicable', 'floor', 'ceiling']);
    expect(kinds(dimensionFlags(0.6999))).toEqual(['low-alpha']);
  });

  it('says each in plain words with its threshold, and what a missing answer was in format 1', () => {
    const [notApplicable, floor] = itemFlags({ ...quiet, notApplicable: 0.25, floor: 0.4 }, 'not-applicable');
    expect(notApplicable!.text).toBe('25% answered "does not apply", more than 20%: the statement may not fit the work of many units');
    expect(floor!.text).toBe('40% of answers at 1 (the "from" end), more than 30%: the scale has no room beyond them, so differences there go unseen');
    expect(itemFlags({ ...quiet, notApplicable: 0.333 }, 'unanswered')[0]!.text).toBe('33.3% left it unanswered, more than 20%: the statement may not fit the work of many units');
    expect(itemFlags({ ...quiet, ceiling: 1 }, 'unanswered')[0]!.text).toMatch(/^100% of answers at 7 \(the "to" end\), more than 30%/);
  });

  it('does not flag what was not computed', () => {
    expect(itemFlags({ notApplicable: 0, floor: null, ceiling: null, itemRest: null }, 'not-applicable')).toEqual([]);
    expect(dimensionFlags(null)).toEqual([]);
  });
});
