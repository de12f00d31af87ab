import { describe, expect, it } from 'vitest';
import { exactMeanScore, roundedMean } from '../../src/core/round/exact-mean';

/**
 * A third review, of a feature built and withdrawn before any release: the conversation
 * guide said, per dimension, how far apart members' "now" scores lay, as one of three
 * words (the standard deviation below 10 points, from 10, from 20), only from 10 answers
 * and twice the minimum group, and not where the mean lay within 15 points of either end.
 * One guide on its own fixed no member's score in any search. Two did: the batch rule
 * publishes a mean after each minimum group, and the word, beside the means published
 * before it, narrowed the teams possible to one. This replays the review's example, so
 * that a spread in any form is not brought back without an answer to it (docs/privacy.md,
 * "The conversation guide shows means only").
 */

/** Scores on a dimension of three statements, in units of 100/36 points: a mean of three answers (even units) or of two (multiples of 3). */
const GRID = [...new Set([...Array.from({ length: 19 }, (_, j) => 2 * j), ...Array.from({ length: 13 }, (_, j) => 3 * j)])].sort((a, b) => a - b);
const UNITS_PER_100 = 36;

/** The whole-number mean published for scores given in units, exactly as a round rounds it. */
const published = (units: readonly number[]) => roundedMean(exactMeanScore(units.map((u) => (100 * u) / UNITS_PER_100), 3)!);

/** The withdrawn word, exactly as it was computed (whole numbers: n·Σu² − (Σu)² against each band). */
function withdrawnWord(units: readonly number[]): 'close' | 'some' | 'wide' | null {
  const n = units.length;
  const sum = units.reduce((a, b) => a + b, 0);
  const squares = units.reduce((a, b) => a + b * b, 0);
  if (n < 10 || 100 * sum < 15 * n * UNITS_PER_100 || 100 * sum > 85 * n * UNITS_PER_100) return null;
  const scaled = n * squares - sum * sum;
  const atLeast = (band: number) => scaled * 10_000 >= band * band * UNITS_PER_100 * UNITS_PER_100 * n * n;
  return atLeast(20) ? 'wide' : atLeast(10) ? 'some' : 'close';
}

/** Every team of `size` on the grid, ascending. */
function teams(size: number, from = 0): number[][] {
  if (size === 0) return [[]];
  return GRID.slice(from).flatMap((value, i) => teams(size - 1, from + i).map((rest) => [value, ...rest]));
}

describe('a spread in words beside the means, withdrawn: the review\'s replay', () => {
  it('after a mean of five and a mean and word of ten (minimum group 5), one pair of teams is left: all ten scores fixed; the means alone leave tens of thousands', () => {
    // The real team: five members, then five more (scores 8.3 8.3 11.1 11.1 11.1, then 41.7 50 50 50 55.6).
    const first = [3, 3, 4, 4, 4];
    const joiners = [15, 18, 18, 18, 20];
    const shown = { first: published(first), second: published([...first, ...joiners]), word: withdrawnWord([...first, ...joiners]) };
    expect(shown).toEqual({ first: 10, second: 30, word: 'some' });

    const all = teams(5);
    const firsts = all.filter((team) => published(team) === shown.first);
    let byMeans = 0;
    const byWord: string[] = [];
    for (const a of firsts) {
      for (const b of all) {
        const ten = [...a, ...b];
        if (published(ten) !== shown.second) continue;
        byMeans++;
        if (withdrawnWord(ten) === shown.word) byWord.push(`${a.join(' ')} | ${b.join(' ')}`);
      }
    }
    expect(byMeans).toBe(191_549);
    expect(byWord).toEqual([`${first.join(' ')} | ${joiners.join(' ')}`]);
  });

});
