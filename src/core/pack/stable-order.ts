/**
 * Orders a list the same way every time for one seed and, as a rule, differently for
 * another: a course's statements and options can be shown shuffled to each student,
 * so that the authored order (the best option in one place, poles taking turns) gives
 * nothing away, yet never reshuffle when the student comes back.
 *
 * Each item is ranked by a hash of the seed and the item's own key, not by its
 * position, so the order does not depend on the order given, and adding or removing
 * one item leaves the others in the same relative order. Keys should be unique (an
 * exercise's statement and option ids are); items with equal keys keep their given
 * order. Pure: no Math.random, no clock, no DOM.
 *
 * `avoid` rejects an order that would give a pattern away, such as sort statements
 * whose poles strictly alternate (which a fair shuffle of 4 + 4 produces about 1 time
 * in 35). The next order is then derived from the same seed, up to RETRIES times, so
 * the result is still the same every time; if every one is rejected (a list that can
 * only alternate), the first is returned.
 */
export function stableOrder<T>(items: readonly T[], seed: string, key: (item: T) => string, avoid?: (ordered: readonly T[]) => boolean): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
  const first = rank(keyed, seed);
  if (!avoid?.(first)) return first;
  for (let attempt = 1; attempt <= RETRIES; attempt++) {
    const next = rank(keyed, `${seed}\u0001${attempt}`);
    if (!avoid(next)) return next;
  }
  return first;
}

/** Whether neighbours always differ by `by`, as in from, to, from, to: a pattern to avoid in a list of three or more. */
export function strictlyAlternates<T>(items: readonly T[], by: (item: T) => string): boolean {
  return items.length > 2 && items.every((item, i) => i === 0 || by(item) !== by(items[i - 1]!));
}

const RETRIES = 16;

function rank<T>(keyed: readonly { item: T; index: number; key: string }[], seed: string): T[] {
  return keyed
    .map((entry) => ({ ...entry, rank: hash32(`${seed}\u0000${entry.key}`) }))
    .sort((a, b) => a.rank - b.rank || compareStrings(a.key, b.key) || a.index - b.index)
    .map(({ item }) => item);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 32-bit FNV-1a over the UTF-16 code units, then the finaliser of MurmurHash3 so that
 * every input bit reaches every output bit: keys or seeds that differ in one character
 * still rank far apart.
 */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
