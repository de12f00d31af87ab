import { isPlainObject } from '../shape';
import { TOKEN_PATTERN } from './token';

/**
 * The ids of the rounds a lead started, under one key, so that a page listing them (the
 * dashboard's summary) reads them by key: extension storage has no read by prefix, and
 * reading it whole means reading every sitting. It is made from the `round:` records (when a
 * round is started, after a restore, and whenever the rounds page finds it missing or out of
 * step), so it is never backed up: the round records stay the only record of a round.
 */
export const ROUND_INDEX_KEY = 'round-index';

/** More rounds than any lead starts in a working life; an index claiming more is not one. */
export const MAX_INDEXED_ROUNDS = 10_000;

export interface RoundIndex {
  schema: 1;
  /** Round ids, each once, in no particular order (the list sorts rounds by when they were started). */
  ids: string[];
}

/** The stored index, or null when there is none or it is not one (then it is made again from the rounds). */
export function readRoundIndex(value: unknown): RoundIndex | null {
  if (!isPlainObject(value) || value.schema !== 1 || !Array.isArray(value.ids) || value.ids.length > MAX_INDEXED_ROUNDS) return null;
  if (!value.ids.every((id) => typeof id === 'string' && TOKEN_PATTERN.regex.test(id))) return null;
  return { schema: 1, ids: [...new Set(value.ids as string[])] };
}

/** The index of exactly these round ids. */
export function roundIndexOf(ids: Iterable<string>): RoundIndex {
  return { schema: 1, ids: [...new Set(ids)].sort() };
}

/** The same index, compared as sets: whether writing `next` would change anything. */
export function sameRoundIndex(a: RoundIndex | null, b: RoundIndex): boolean {
  if (!a || a.ids.length !== b.ids.length) return false;
  const held = new Set(a.ids);
  return b.ids.every((id) => held.has(id));
}
