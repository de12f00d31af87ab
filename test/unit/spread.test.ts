import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundedMean, exactMeanScore } from '../../src/core/round/exact-mean';
import { SPREAD_BANDS, SPREAD_MIN_ANSWERS, spreadAnswersNeeded, spreadWord, type SpreadWord } from '../../src/core/round/spread';
import { widestSpreads } from '../../src/core/round/guide';
import { mulberry32 } from '../../src/core/round/random';

/** Every score a person can have on a dimension of three statements: the mean of two or of three answers, 0–100. */
const GRID = [...new Set([...Array.from({ length: 13 }, (_, j) => (100 * j) / 12), ...Array.from({ length: 19 }, (_, j) => (100 * j) / 18)])].sort((a, b) => a - b);
const ITEMS = 3;

const floatSd = (scores: number[]) => {
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
};
const floatBand = (sd: number): SpreadWord => (sd >= SPREAD_BANDS.wide ? 'wide' : sd >= SPREAD_BANDS.some ? 'some' : 'close');
const published = (scores: number[]) => roundedMean(exactMeanScore(scores, ITEMS)!);
const team = (min: number, max: number) => fc.array(fc.constantFrom(...GRID), { minLength: min, maxLength: max });

describe('the spread of a round\'s "now" scores, in words', () => {
  it('says nothing below max(10, twice the minimum group) answers, and a word from there', () => {
    expect(spreadAnswersNeeded(3)).toBe(SPREAD_MIN_ANSWERS);
    expect(spreadAnswersNeeded(5)).toBe(10);
    expect(spreadAnswersNeeded(8)).toBe(16);
    const nine = [0, 0, 0, 0, 100, 100, 100, 100, 50];
    expect(spreadWord(nine, ITEMS, 3)).toBeNull();
    expect(spreadWord([...nine, 50], ITEMS, 3)).toBe('wide');
    expect(spreadWord([...nine, 50], ITEMS, 6)).toBeNull();
    expect(spreadWord(Array(10).fill(50), ITEMS, 3)).toBe('close');
    // Half a scale step either side of the middle: a standard deviation of 8.3 points.
    expect(spreadWord([...Array(5).fill(100 * 5 / 12), ...Array(5).fill(100 * 7 / 12)], ITEMS, 3)).toBe('close');
    // One step either side (16.7): "some".
    expect(spreadWord([...Array(5).fill(100 * 4 / 12), ...Array(5).fill(100 * 8 / 12)], ITEMS, 3)).toBe('some');
    // Near an end of the scale, none: nine scores of 0 and one of 94 would say someone answered 0 (SPREAD_EDGE).
    expect(spreadWord([...Array(9).fill(0), 100 * 17 / 18], ITEMS, 3)).toBeNull();
    expect(spreadWord([...Array(9).fill(100), 100 / 18], ITEMS, 3)).toBeNull();
    expect(spreadWord([...Array(5).fill(0), ...Array(5).fill(100 * 6 / 18)], ITEMS, 3)).toBe('some');
  });

  it('is the band of the standard deviation, exactly: away from a band\'s edge it agrees with the float figure, and the order of the answers changes nothing', () => {
    fc.assert(fc.property(team(10, 40), fc.integer({ min: 0, max: 1_000 }), (scores, shift) => {
      const sd = floatSd(scores);
      const word = spreadWord(scores, ITEMS, 3);
      if (Math.abs(sd - SPREAD_BANDS.some) > 1e-9 && Math.abs(sd - SPREAD_BANDS.wide) > 1e-9) expect(word).toBe(floatBand(sd));
      const rotated = scores.map((_, i) => scores[(i + shift) % scores.length]!);
      expect(spreadWord(rotated, ITEMS, 3)).toBe(word);
      expect(spreadWord([...scores].sort((a, b) => b - a), ITEMS, 3)).toBe(word);
    }));
  });

  it('depends on the scores only, not on the last binary digit a score\'s arithmetic left', () => {
    // 44.44… as scoring.ts adds it up from two different rows of answers (exact-mean.ts).
    const a = 44.44444444444443;
    const b = 44.44444444444445;
    fc.assert(fc.property(team(9, 30), (rest) => {
      expect(spreadWord([...rest, a], ITEMS, 3)).toBe(spreadWord([...rest, b], ITEMS, 3));
    }));
  });

  it('never fixes a member\'s score: for a team of 10 to 16 with a word, every rank\'s score can differ with the same mean and word', () => {
    fc.assert(fc.property(team(10, 16), (scores) => {
      const mean = published(scores);
      const word = spreadWord(scores, ITEMS, 3);
      fc.pre(word !== null);
      const sorted = [...scores].sort((x, y) => x - y);
      const same = (other: number[]) => published(other) === mean && spreadWord(other, ITEMS, 3) === word;
      for (let rank = 0; rank < sorted.length; rank++) {
        expect(otherAtRank(sorted, rank, same), `rank ${rank} of [${sorted.map((s) => s.toFixed(1)).join(', ')}]`).toBe(true);
      }
    }), { numRuns: 60 });
  });

  it('lists the dimensions in the widest band any shows, in the questionnaire\'s order, and none when all are close', () => {
    const order = ['a', 'b', 'c', 'd'];
    expect(widestSpreads({ a: 'some', b: 'wide', c: null, d: 'wide' }, order)).toEqual(['b', 'd']);
    expect(widestSpreads({ a: 'some', b: 'close', c: 'some', d: null }, order)).toEqual(['a', 'c']);
    expect(widestSpreads({ a: 'close', b: 'close', c: null, d: null }, order)).toEqual([]);
  });
});

/**
 * Whether another team of the same size has the same published mean and word and another
 * score at `rank`: then the published figures do not fix that rank. Found by a greedy
 * walk from the team, one score changed per step, towards the mean's rounding window and
 * the word's band, with the score at `rank` kept off its value; each candidate is then
 * checked with the exact figures (`same`).
 */
function otherAtRank(sorted: number[], rank: number, same: (other: number[]) => boolean): boolean {
  const target = published(sorted);
  const word = spreadWord(sorted, ITEMS, 3)!;
  const [low, high] = word === 'close' ? [0, SPREAD_BANDS.some] : word === 'some' ? [SPREAD_BANDS.some, SPREAD_BANDS.wide] : [SPREAD_BANDS.wide, 100];
  const x = sorted[rank]!;
  const distance = (team: number[]) => {
    const mean = team.reduce((a, b) => a + b, 0) / team.length;
    const sd = floatSd(team);
    // How many scores must still move for the score at `rank` to be another than x.
    const below = team.filter((v) => v < x).length;
    const upTo = team.filter((v) => v <= x).length;
    const toMove = Math.max(0, Math.min(rank + 1 - below, upTo - rank));
    return Math.max(0, Math.abs(mean - target) - 0.45) + Math.max(0, low + 0.01 - sd) + Math.max(0, sd - high + 0.01) + 2 * toMove;
  };
  // From the team itself, then from random teams (the same every run: seeded from the team).
  const random = mulberry32(sorted.reduce((h, v) => (h * 31 + Math.round(v * 36)) >>> 0, rank + 1));
  for (let restart = 0; restart < 30; restart++) {
    let team = restart === 0 ? [...sorted] : sorted.map(() => GRID[Math.floor(random() * GRID.length)]!);
    for (let step = 0; step < 100; step++) {
      if (distance(team) === 0 && same(team)) return true;
      let best: number[] | null = null;
      let bestDistance = distance(team);
      for (let i = 0; i < team.length; i++) {
        for (const v of GRID) {
          if (v === team[i]) continue;
          const next = team.with(i, v);
          const d = distance(next);
          if (d < bestDistance) [best, bestDistance] = [next, d];
        }
      }
      if (!best) break;
      team = best;
    }
  }
  return false;
}

