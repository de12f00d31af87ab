import { isPlainObject } from '../shape';
import { ID_PATTERN } from '../questionnaire/types';
import { isIsoDate } from '../storage/records';
import type { CoursePack, Exercise } from './types';

export const PACK_KEYS = { pack: 'pack:', answer: 'pack-answer:', note: 'pack-note:' } as const;
export const loadedPackKey = (packId: string) => `${PACK_KEYS.pack}${packId}`;
export const packAnswerKey = (packId: string, exerciseId: string) => `${PACK_KEYS.answer}${packId}:${exerciseId}`;
export const packNoteKey = (packId: string, reflectionId: string) => `${PACK_KEYS.note}${packId}:${reflectionId}`;

/** sort: statement id → pole; choose: the option id; place: a position 1–7. */
export type ExerciseAnswer = Record<string, 'from' | 'to'> | string | number;

/** A student's answer to one exercise: one key each, written as it is given. */
export interface StoredExerciseAnswer {
  schema: 1;
  answer: ExerciseAnswer;
  /** Whether the student asked for feedback (it is then shown again on return). */
  checked: boolean;
  updatedAt: string;
}

export interface StoredPackNote {
  schema: 1;
  text: string;
  updatedAt: string;
}

/** Whether a stored answer fits the exercise it claims to answer; anything else is ignored. */
export function isAnswerFor(exercise: Exercise, value: unknown): value is StoredExerciseAnswer {
  if (!isPlainObject(value) || value.schema !== 1 || typeof value.checked !== 'boolean' || !isIsoDate(value.updatedAt)) return false;
  const answer = value.answer;
  if (exercise.kind === 'sort') {
    return isPlainObject(answer) && Object.entries(answer).every(([id, pole]) => ID_PATTERN.regex.test(id) && exercise.statements.some((s) => s.id === id) && (pole === 'from' || pole === 'to'));
  }
  if (exercise.kind === 'choose') return typeof answer === 'string' && exercise.options.some((o) => o.id === answer);
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= 7;
}

export function isPackNote(value: unknown): value is StoredPackNote {
  return isPlainObject(value) && value.schema === 1 && typeof value.text === 'string' && value.text.length <= 20_000 && isIsoDate(value.updatedAt);
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
