import { Type, type Static } from '../formats/type';
import { withHint } from '../formats/annotations';
import { conforms } from '../formats/conforms';
import { IsoDate } from '../formats/common';
import { isPlainObject } from '../shape';
import { ID_PATTERN } from '../questionnaire/types';
import { MAX_NOTE_LENGTH } from '../storage/record-formats';
import type { CoursePack, Exercise } from './types';

export const PACK_KEYS = { pack: 'pack:', answer: 'pack-answer:', note: 'pack-note:' } as const;
export const loadedPackKey = (packId: string) => `${PACK_KEYS.pack}${packId}`;
export const packAnswerKey = (packId: string, exerciseId: string) => `${PACK_KEYS.answer}${packId}:${exerciseId}`;
export const packNoteKey = (packId: string, reflectionId: string) => `${PACK_KEYS.note}${packId}:${reflectionId}`;

/** sort: statement id → pole; choose: the option id; place: a position 1–7. */
export type ExerciseAnswer = Record<string, 'from' | 'to'> | string | number;

/** A student's answer to one exercise: one key each, written as it is given. Which answer fits is checked against the exercise (`isAnswerFor`). */
export const PackAnswerFormat = Type.Object({
  schema: Type.Literal(1),
  // Which form fits depends on the exercise, which the record does not hold: a rule of its own.
  answer: withHint(Type.Unsafe<ExerciseAnswer>({
    title: 'Answer',
    description: 'sort: statement id → "from" or "to"; choose: the option id; place: a position 1–7.',
    type: ['object', 'string', 'integer'],
  }), { rule: 'exercise-answer' }),
  /** Whether the student asked for feedback (it is then shown again on return). */
  checked: Type.Boolean(),
  updatedAt: IsoDate,
}, { title: 'Exercise answer' });
export type StoredExerciseAnswer = Static<typeof PackAnswerFormat>;

export const PackNoteFormat = Type.Object({
  schema: Type.Literal(1),
  text: Type.String({ maxLength: MAX_NOTE_LENGTH }),
  updatedAt: IsoDate,
}, { title: 'Reflection', description: 'A student\'s answer to a reflection prompt.' });
export type StoredPackNote = Static<typeof PackNoteFormat>;

/** Whether a stored answer fits the exercise it claims to answer; anything else is ignored. */
export function isAnswerFor(exercise: Exercise, value: unknown): value is StoredExerciseAnswer {
  return conforms(PackAnswerFormat, value, {
    'exercise-answer': (answer, path, _schema, check) => {
      if (!fitsExercise(exercise, answer)) check.report(path, `does not answer the ${exercise.kind} exercise "${exercise.id}"`);
    },
  });
}

/** Whether a stored answer has the form of some exercise's answer (a backup does not hold the exercise). */
export function isPackAnswer(value: unknown): value is StoredExerciseAnswer {
  return conforms(PackAnswerFormat, value, {
    'exercise-answer': (answer, path, _schema, check) => {
      if (!isPlainObject(answer) && typeof answer !== 'string' && !Number.isInteger(answer)) check.report(path, 'expected an answer');
    },
  });
}

function fitsExercise(exercise: Exercise, answer: unknown): boolean {
  if (exercise.kind === 'sort') {
    return isPlainObject(answer) && Object.entries(answer).every(([id, pole]) => ID_PATTERN.regex.test(id) && exercise.statements.some((s) => s.id === id) && (pole === 'from' || pole === 'to'));
  }
  if (exercise.kind === 'choose') return typeof answer === 'string' && exercise.options.some((o) => o.id === answer);
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 7;
}

export function isPackNote(value: unknown): value is StoredPackNote {
  return conforms(PackNoteFormat, value);
}

/** Every key a pack's progress can have, so it can be read in one call. */
export function packProgressKeys(pack: CoursePack): string[] {
  return [
    ...pack.exercises.map((exercise) => packAnswerKey(pack.id, exercise.id)),
    ...pack.reflections.map((reflection) => packNoteKey(pack.id, reflection.id)),
  ];
}

/** Whether an exercise's answer is right: every statement sorted right, the best option, or within one step of the expert. */
export function isCorrect(exercise: Exercise, answer: ExerciseAnswer): boolean {
  if (exercise.kind === 'sort') return typeof answer === 'object' && exercise.statements.every((s) => answer[s.id] === s.pole);
  if (exercise.kind === 'choose') return exercise.options.find((o) => o.id === answer)?.best === true;
  return typeof answer === 'number' && Math.abs(answer - exercise.expert.position) <= 1;
}
