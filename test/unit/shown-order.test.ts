import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exerciseVerdict } from '../../src/core/pack/exercise-verdict';
import { packSummary } from '../../src/core/pack/pack-summary';
import { isPackOrder, shownExercise, shownPack } from '../../src/core/pack/shown-order';
import { stableOrder, strictlyAlternates } from '../../src/core/pack/stable-order';
import type { ChooseExercise, CoursePack, SortExercise } from '../../src/core/pack/types';

const packs = ['pack-cafe', 'pack-tax-agency', 'pack-asymmetries'].map((id) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as CoursePack);
const pack = packs[0]!;
const sort = pack.exercises.find((e): e is SortExercise => e.kind === 'sort')!;
const choose = pack.exercises.find((e): e is ChooseExercise => e.kind === 'choose')!;
const SEEDS = Array.from({ length: 100 }, (_, i) => `0b1c2d3e-0000-4000-8000-${String(i).padStart(12, '0')}`);
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('the order a student sees', () => {
  it('shuffles sort statements with the exercise’s own seed, never strictly alternating poles', () => {
    for (const { exercises } of packs) {
      for (const exercise of exercises.filter((e): e is SortExercise => e.kind === 'sort')) {
        for (const seed of SEEDS) {
          const shown = shownExercise(exercise, seed) as SortExercise;
          expect(shown.statements).toEqual(stableOrder(exercise.statements, `${seed}:${exercise.id}`, (s) => s.id, (s) => strictlyAlternates(s, (x) => x.pole)));
          expect(strictlyAlternates(shown.statements, (s) => s.pole), `${exercise.id} ${seed}`).toBe(false);
          expect([...ids(shown.statements)].sort()).toEqual([...ids(exercise.statements)].sort());
        }
      }
    }
  });

  it('shuffles choose options with no pattern to avoid, and leaves a place exercise as it is', () => {
    const shown = shownExercise(choose, SEEDS[0]!) as ChooseExercise;
    expect(shown.options).toEqual(stableOrder(choose.options, `${SEEDS[0]}:${choose.id}`, (o) => o.id));
    const place = pack.exercises.find((e) => e.kind === 'place')!;
    expect(shownExercise(place, SEEDS[0]!)).toBe(place);
    // The best option is not always where the file puts it.
    const bestAt = new Set(SEEDS.map((seed) => (shownExercise(choose, seed) as ChooseExercise).options.findIndex((o) => o.best)));
    expect(bestAt.size).toBe(choose.options.length);
  });

  it('is the same every time for one seed, and differs between students and between exercises', () => {
    expect(shownPack(pack, SEEDS[3]!)).toEqual(shownPack(structuredClone(pack), SEEDS[3]!));
    const orders = new Set(SEEDS.map((seed) => ids((shownExercise(sort, seed) as SortExercise).statements).join()));
    expect(orders.size).toBeGreaterThan(90);
    // Everything but the order is the pack's own.
    const shown = shownPack(pack, SEEDS[3]!);
    expect({ ...shown, exercises: [] }).toEqual({ ...pack, exercises: [] });
    expect(ids(shown.exercises)).toEqual(ids(pack.exercises));
  });

  it('numbers statements in the verdict and the summary as the student sees them', () => {
    const seed = SEEDS[7]!;
    const shown = shownPack(pack, seed);
    const shownSort = shown.exercises.find((e) => e.id === sort.id) as SortExercise;
    // Every statement right except the ones shown third and sixth.
    const answer = Object.fromEntries(shownSort.statements.map((s, i) => [s.id, i === 2 || i === 5 ? (s.pole === 'from' ? 'to' : 'from') : s.pole] as const));
    const verdict = exerciseVerdict(shownSort, answer)!;
    expect(verdict.kind === 'sort' && verdict.misplaced.map((item) => [item.number, item.id])).toEqual([[3, shownSort.statements[2]!.id], [6, shownSort.statements[5]!.id]]);
    const summary = packSummary({
      pack: shown, language: 'en', madeAt: '2027-03-01T10:00:00.000Z', notes: {}, name: { include: false, text: '' }, selfAssessment: null,
      answers: { [sort.id]: { schema: 1, answer, checked: true, updatedAt: '2027-03-01T10:00:00.000Z' } },
    });
    const summarised = summary.exercises.find((e) => e.id === sort.id)!;
    if (summarised.kind !== 'sort') throw new Error('a sort exercise');
    expect(summarised.statements.map((s) => [s.number, s.text, s.matches])).toEqual(shownSort.statements.map((s, i) => [i + 1, s.text.en, i !== 2 && i !== 5]));
  });

  it('keeps a seed only in the form it was written', () => {
    expect(isPackOrder({ schema: 1, seed: SEEDS[0] })).toBe(true);
    for (const value of [null, 'seed', { schema: 2, seed: 'a' }, { schema: 1, seed: '' }, { schema: 1, seed: 'has space' }, { schema: 1, seed: 'x'.repeat(65) }, { schema: 1 }]) {
      expect(isPackOrder(value), JSON.stringify(value)).toBe(false);
    }
  });
});
