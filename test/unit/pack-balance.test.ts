import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChooseExercise, CoursePack } from '../../src/core/pack/types';

// A student who cannot tell the options apart should not be able to pick the best one
// by its length: the classic giveaway of a multiple-choice item is a right answer that
// is longer, more careful and more qualified than the distractors.
const PACKS = ['pack-cafe', 'pack-tax-agency', 'pack-asymmetries'].map((id) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as CoursePack);
const CHOOSE = PACKS.flatMap((pack) => pack.exercises.filter((e): e is ChooseExercise => e.kind === 'choose').map((exercise) => ({ pack, exercise })));
const CASES = CHOOSE.flatMap(({ pack, exercise }) => pack.languages.map((lang) => [`${pack.id}/${exercise.id} (${lang})`, exercise, lang] as const));

const lengths = (exercise: ChooseExercise, lang: string) => exercise.options.map((o) => ({ best: o.best, length: [...o.text[lang]!].length }));
const bestIsLongest = (exercise: ChooseExercise, lang: string) => {
  const all = lengths(exercise, lang);
  const best = all.find((o) => o.best)!.length;
  return all.every((o) => o.best || best >= o.length);
};

describe('choose exercises in the shipped packs do not give the best option away by its length', () => {
  it('has choose exercises to check in every pack', () => {
    for (const pack of PACKS) expect(CHOOSE.some((c) => c.pack === pack), pack.id).toBe(true);
  });

  it.each(CASES)('%s: every option is within ±15 per cent of the mean option length', (_name, exercise, lang) => {
    const all = lengths(exercise, lang);
    const mean = all.reduce((sum, o) => sum + o.length, 0) / all.length;
    for (const o of all) expect(Math.abs(o.length / mean - 1), `${o.length} characters against a mean of ${mean.toFixed(1)}`).toBeLessThanOrEqual(0.15);
  });

  it.each(CASES)('%s: the best option is at most 5 per cent longer than the longest other option', (_name, exercise, lang) => {
    const all = lengths(exercise, lang);
    const best = all.find((o) => o.best)!.length;
    const longestOther = Math.max(...all.filter((o) => !o.best).map((o) => o.length));
    expect(best / longestOther).toBeLessThanOrEqual(1.05);
  });

  it.each(PACKS[0]!.languages)('in %s, the best option is the longest (or tied) in at most a third of the choose exercises', (lang) => {
    const longest = CHOOSE.filter(({ exercise }) => bestIsLongest(exercise, lang)).length;
    expect(longest).toBeLessThanOrEqual(CHOOSE.length / 3);
  });
});
