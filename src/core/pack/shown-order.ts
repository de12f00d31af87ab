import { conforms } from '../formats/conforms';
import { Type, type Static } from '../formats/type';
import { RECORD_ID_PATTERN } from '../storage/record-formats';
import { stableOrder, strictlyAlternates } from './stable-order';
import type { CoursePack, Exercise } from './types';

/**
 * The order a student sees a course's sort statements and choose options in: shuffled,
 * so the order the author wrote them in (the best option first, poles taking turns)
 * gives nothing away, and the same every time in one browser, so nothing moves when
 * the student comes back. One random seed per browser, kept in one record; each
 * exercise is shuffled with `${seed}:${exerciseId}`.
 *
 * The numbers a student sees ("statement 3") are positions in this order, and the
 * feedback and the summary number the same way, because they are given the exercise
 * as shown (`shownExercise`, `shownPack`), never the file's order.
 */
export const PACK_ORDER_KEY = 'pack-order';

export const PackOrderFormat = Type.Object({
  schema: Type.Literal(1),
  seed: Type.String({ title: 'Seed', description: 'A random id, made once per browser.', pattern: RECORD_ID_PATTERN.regex.source }),
}, { title: 'Course order', description: 'The random seed this browser shuffles course statements and options with, so they show in the same order every time.' });
export type PackOrder = Static<typeof PackOrderFormat>;

export function isPackOrder(value: unknown): value is PackOrder {
  return conforms(PackOrderFormat, value);
}

/** An exercise with its statements or options in the order this seed shows them; a place exercise as it is. */
export function shownExercise(exercise: Exercise, seed: string): Exercise {
  const exerciseSeed = `${seed}:${exercise.id}`;
  if (exercise.kind === 'sort') {
    // Poles that strictly take turns would give the answer away as surely as the file's order.
    return { ...exercise, statements: stableOrder(exercise.statements, exerciseSeed, (s) => s.id, (s) => strictlyAlternates(s, (x) => x.pole)) };
  }
  if (exercise.kind === 'choose') return { ...exercise, options: stableOrder(exercise.options, exerciseSeed, (o) => o.id) };
  return exercise;
}

/** The pack with every exercise as this seed shows it (exercises themselves keep their order). */
export function shownPack(pack: CoursePack, seed: string): CoursePack {
  return { ...pack, exercises: pack.exercises.map((exercise) => shownExercise(exercise, seed)) };
}
