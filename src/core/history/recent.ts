import { isIsoDate } from '../formats/iso-date';
import { isPlainObject } from '../shape';

/**
 * The few latest sittings of one questionnaire, scored, under `recent:<questionnaire>`:
 * what the popup shows a returning person (when, where they stand, what changed, a small
 * trend) without reading and scoring every sitting. It is made from the sittings (when one
 * is stored, and again after a restore or a deletion), so it is never backed up: a lost or
 * damaged one is rebuilt, and the sittings stay the only record of what was answered.
 */
export const RECENT_PREFIX = 'recent:';
export const recentKey = (questionnaireId: string) => `${RECENT_PREFIX}${questionnaireId}`;

/** As many sittings as the popup's trend draws. */
export const RECENT_LENGTH = 8;

export interface RecentSitting {
  /** The sitting's id: storing the same sitting twice keeps one entry. */
  id: string;
  completedAt: string;
  /** The version it was answered on: changes are told only between sittings of one version. */
  version: number;
  /** Overall now and wanted, 0–100 rounded to one decimal; null where the questionnaire has no overall (a profile) or too few answers. */
  now: number | null;
  wanted: number | null;
}

export interface RecentRecord {
  schema: 1;
  /** Oldest first, at most RECENT_LENGTH. */
  sittings: RecentSitting[];
}

const isScore = (value: unknown): value is number | null => value === null || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100);

function isRecentSitting(value: unknown): value is RecentSitting {
  return isPlainObject(value)
    && typeof value.id === 'string' && value.id.length > 0 && value.id.length <= 64
    && isIsoDate(value.completedAt)
    && Number.isSafeInteger(value.version) && (value.version as number) >= 1
    && isScore(value.now) && isScore(value.wanted);
}

/** The stored record, or null when there is none or it is not one (then it is rebuilt from the sittings). */
export function readRecent(value: unknown): RecentRecord | null {
  if (!isPlainObject(value) || value.schema !== 1 || !Array.isArray(value.sittings)) return null;
  if (value.sittings.length > RECENT_LENGTH || !value.sittings.every(isRecentSitting)) return null;
  return { schema: 1, sittings: value.sittings };
}

/** The latest RECENT_LENGTH of these sittings, oldest first; a sitting given twice counts once (the later entry). */
export function recentFrom(sittings: readonly RecentSitting[]): RecentRecord {
  const byId = new Map<string, RecentSitting>();
  for (const sitting of sittings) byId.set(sitting.id, sitting);
  const ordered = [...byId.values()].sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0));
  return { schema: 1, sittings: ordered.slice(-RECENT_LENGTH) };
}

/** The record with one more sitting in it. */
export function withSitting(record: RecentRecord | null, sitting: RecentSitting): RecentRecord {
  return recentFrom([...(record?.sittings ?? []), sitting]);
}

export interface RecentView {
  latest: RecentSitting;
  /** The sitting before the latest, when it was on the same version (otherwise its scores mean something else). */
  previous: RecentSitting | null;
  /** Latest minus previous overall "now"; null when either has no overall or there is no previous. */
  change: number | null;
  /** The overall "now" of the latest run of sittings on the latest's version, oldest first: the trend. */
  trend: number[];
}

/** What the popup says of a questionnaire's recent sittings; null when it has none. */
export function viewRecent(record: RecentRecord | null): RecentView | null {
  const sittings = record?.sittings ?? [];
  const latest = sittings.at(-1);
  if (!latest) return null;
  const before = sittings.at(-2);
  const previous = before && before.version === latest.version ? before : null;
  const change = previous && previous.now !== null && latest.now !== null ? roundTenth(latest.now - previous.now) : null;
  const trend: number[] = [];
  for (let i = sittings.length - 1; i >= 0; i -= 1) {
    const sitting = sittings[i]!;
    if (sitting.version !== latest.version) break;
    if (sitting.now !== null) trend.unshift(sitting.now);
  }
  return { latest, previous, change, trend };
}

function roundTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
