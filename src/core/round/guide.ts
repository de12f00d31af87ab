import { gapWorthSuggesting } from '../suggested-gap';
import type { StoredTeamFigures } from './figure-sums';

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
 * rounding; with none left, the guide says so). Only published means are used:
 * no spread between members is shown, because a spread (a second moment) of few answers
 * beside made-up codes would give away members' own scores, which a mean alone does not
 * (docs/privacy.md).
 */
export function guideDimensions(figures: StoredTeamFigures, count = 3): GuideDimension[] {
  return figures.dimensions
    .flatMap((d) => (d.mean !== null && d.wantedMean !== null ? [{ id: d.id, now: d.mean, wanted: d.wantedMean, gap: d.wantedMean - d.mean }] : []))
    .filter((d) => gapWorthSuggesting(d.gap))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.id.localeCompare(b.id))
    .slice(0, count);
}
