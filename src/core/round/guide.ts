import { gapWorthSuggesting } from '../suggested-gap';
import type { StoredTeamFigures } from './figure-sums';
import type { SpreadWord } from './spread';

export interface GuideDimension {
  id: string;
  /** The team's mean now and wanted, 0–100, as published. */
  now: number;
  wanted: number;
  /** wanted − now: positive towards the "to" pole. */
  gap: number;
}

/**
 * The dimensions a team meeting starts from: those whose published means of now and
 * wanted lie furthest apart, either way, at most `count`, and only those at least
 * MIN_GAP_TO_SUGGEST points apart (with means of a few people, a smaller gap is mostly
 * rounding; with none left, the guide says so). Only published means are used; how far
 * members' views differ is a word of its own (spread.ts, widestSpreads).
 */
export function guideDimensions(figures: StoredTeamFigures, count = 3): GuideDimension[] {
  return figures.dimensions
    .flatMap((d) => (d.mean !== null && d.wantedMean !== null ? [{ id: d.id, now: d.mean, wanted: d.wantedMean, gap: d.wantedMean - d.mean }] : []))
    .filter((d) => gapWorthSuggesting(d.gap))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.id.localeCompare(b.id))
    .slice(0, count);
}

/**
 * The dimensions where members' "now" scores differ most: those in the widest band any
 * dimension shows ("wide", else "some"), in the questionnaire's order; none when every
 * known band is "close". Ordered by band only, never by the standard deviation behind
 * it, which is not shown (spread.ts).
 */
export function widestSpreads(words: Readonly<Record<string, SpreadWord | null>>, order: readonly string[]): string[] {
  for (const band of ['wide', 'some'] as const) {
    const chosen = order.filter((id) => words[id] === band);
    if (chosen.length > 0) return chosen;
  }
  return [];
}
