import { describe, expect, it } from 'vitest';
import { suggestedDimensions } from '../../src/core/actions/actions';
import type { DimensionScore, QuestionnaireScore } from '../../src/core/scoring';
import { MIN_GAP_TO_SUGGEST } from '../../src/core/suggested-gap';

const dimension = (id: string, now: number | null, wanted: number | null): DimensionScore => ({
  dimension: id, now, wanted, gap: now === null || wanted === null ? null : wanted - now, answered: 3, notApplicable: 0, total: 3,
});
const score = (...dimensions: DimensionScore[]): QuestionnaireScore => ({ dimensions, overall: { now: null, wanted: null, gap: null } });

describe('the dimensions a result suggests working on', () => {
  it('are the three largest gaps between now and wanted, either way, ties by id', () => {
    const result = score(dimension('a', 40, 50), dimension('b', 70, 30), dimension('c', 20, 80), dimension('d', 60, 50), dimension('e', null, 90));
    expect(suggestedDimensions(result)).toEqual(['c', 'b', 'a']);
    expect(suggestedDimensions(result, 5)).toEqual(['c', 'b', 'a', 'd']);
  });

  it(`leave out a gap under ${MIN_GAP_TO_SUGGEST} points, which is mostly rounding`, () => {
    expect(MIN_GAP_TO_SUGGEST).toBe(5);
    // 1, 2 and 4.4 points were "suggested" before; 4.5 rounds to 5, as it is shown.
    expect(suggestedDimensions(score(dimension('a', 50, 51), dimension('b', 50, 48), dimension('c', 30, 34.4)))).toEqual([]);
    expect(suggestedDimensions(score(dimension('a', 50, 51), dimension('b', 50, 45.5), dimension('c', 30, 35)))).toEqual(['c', 'b']);
  });
});
