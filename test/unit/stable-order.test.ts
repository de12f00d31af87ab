import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableOrder, strictlyAlternates } from '../../src/core/pack/stable-order';
import type { CoursePack, SortExercise } from '../../src/core/pack/types';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `s${i + 1}`);
const same = (s: string) => s;
const SEEDS = Array.from({ length: 200 }, (_, i) => `student-${i}`);

describe('stableOrder', () => {
  it('gives the same order for the same seed, whatever order the items come in', () => {
    const items = ids(8);
    const first = stableOrder(items, 'student-7:cafe-practices', same);
    expect(stableOrder(items, 'student-7:cafe-practices', same)).toEqual(first);
    expect(stableOrder([...items].reverse(), 'student-7:cafe-practices', same)).toEqual(first);
  });

  it('returns a permutation: nothing lost, nothing duplicated, the input untouched', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 30 }), fc.string(), (items, seed) => {
        const copy = [...items];
        const ordered = stableOrder(items, seed, same);
        expect(items).toEqual(copy);
        expect(ordered).toHaveLength(items.length);
        expect([...ordered].sort()).toEqual([...items].sort());
      }),
    );
  });

  it('orders objects by their key and keeps items with equal keys in their given order', () => {
    const items = [{ id: 'a', n: 1 }, { id: 'b', n: 2 }, { id: 'a', n: 3 }];
    const ordered = stableOrder(items, 'seed', (t) => t.id);
    expect(ordered.filter((t) => t.id === 'a').map((t) => t.n)).toEqual([1, 3]);
  });

  it('usually gives different seeds different orders, and puts each item first about equally often', () => {
    const items = ids(8);
    const orders = SEEDS.map((seed) => stableOrder(items, seed, same).join());
    // Two random orders of 8 items agree 1 time in 40,320.
    expect(new Set(orders).size).toBeGreaterThanOrEqual(195);
    const firsts = new Map<string, number>();
    for (let i = 0; i < 800; i++) {
      const head = stableOrder(items, `seed-${i}`, same)[0]!;
      firsts.set(head, (firsts.get(head) ?? 0) + 1);
    }
    // 100 expected for each; a fair shuffle stays within 60–140 almost surely.
    for (const id of items) expect(firsts.get(id) ?? 0, id).toBeGreaterThanOrEqual(60);
    for (const id of items) expect(firsts.get(id) ?? 0, id).toBeLessThanOrEqual(140);
  });

  it('leaves the other items in the same relative order when one is added', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 12 }), fc.string(), (items, seed) => {
        const [extra, ...rest] = items as [string, ...string[]];
        const without = stableOrder(rest, seed, same);
        expect(stableOrder(items, seed, same).filter((t) => t !== extra)).toEqual(without);
      }),
    );
  });
});

describe('stableOrder with avoid', () => {
  const poles = (items: readonly string[]) => items.map((id) => (Number(id.slice(1)) % 2 === 0 ? 'to' : 'from'));
  const alternating = (items: readonly string[]) => strictlyAlternates(poles(items), same);

  it('finds strict alternation only in lists of three or more', () => {
    expect(strictlyAlternates(['from', 'to', 'from', 'to'], same)).toBe(true);
    expect(strictlyAlternates(['from', 'to', 'to', 'from'], same)).toBe(false);
    expect(strictlyAlternates(['from', 'to'], same)).toBe(false);
    expect(strictlyAlternates([], same)).toBe(false);
  });

  it('never returns a rejected order when another exists, and stays the same for a seed', () => {
    for (const seed of SEEDS) {
      const ordered = stableOrder(ids(8), seed, same, alternating);
      expect(alternating(ordered), seed).toBe(false);
      expect(stableOrder(ids(8), seed, same, alternating)).toEqual(ordered);
    }
  });

  it('changes nothing when the first order is accepted', () => {
    for (const seed of SEEDS) {
      const plain = stableOrder(ids(8), seed, same);
      if (!alternating(plain)) expect(stableOrder(ids(8), seed, same, alternating)).toEqual(plain);
    }
  });

  it('ends, with the first order, when every order is rejected', () => {
    expect(stableOrder(ids(3), 'seed', same, () => true)).toEqual(stableOrder(ids(3), 'seed', same));
  });
});

describe('stableOrder over the shipped packs', () => {
  const sorts = ['pack-cafe', 'pack-tax-agency', 'pack-asymmetries']
    .map((id) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as CoursePack)
    .flatMap((pack) => pack.exercises.filter((e): e is SortExercise => e.kind === 'sort').map((e) => [`${pack.id}/${e.id}`, e] as const));
  type Statement = SortExercise['statements'][number];
  const alternates = (statements: readonly Statement[]) => strictlyAlternates(statements, (s) => s.pole);
  const shuffled = (exercise: SortExercise, seed: string, avoid?: (s: readonly Statement[]) => boolean) => stableOrder(exercise.statements, `${seed}:${exercise.id}`, (s) => s.id, avoid);

  it('has a sort exercise in each pack', () => {
    expect(sorts).toHaveLength(3);
  });

  it.each(sorts)('%s: the authored order does not strictly alternate poles', (_name, exercise) => {
    expect(alternates(exercise.statements)).toBe(false);
  });

  it.each(sorts)('%s: a plain shuffle alternates only as often as chance does (at most 1 student in 12 of 200)', (_name, exercise) => {
    // With 4 statements of each pole, 2 of the 70 pole patterns alternate: about 1 in 35.
    expect(SEEDS.filter((seed) => alternates(shuffled(exercise, seed))).length).toBeLessThanOrEqual(SEEDS.length / 12);
  });

  it.each(sorts)('%s: shuffled with avoid, the poles strictly alternate for none of 200 students', (_name, exercise) => {
    for (const seed of SEEDS) expect(alternates(shuffled(exercise, seed, alternates)), seed).toBe(false);
  });
});
