import type { Static } from 'typebox';
import type { ReadonlyLists } from '../formats/annotations';
import type { CoursePackFormat } from './format';

/** A course: goals, a case, exercises with feedback, a questionnaire, reflections and a debrief; defined in `./format.ts`. */
export type CoursePack = ReadonlyLists<Static<typeof CoursePackFormat>>;
export type Exercise = CoursePack['exercises'][number];
export type SortExercise = Extract<Exercise, { kind: 'sort' }>;
export type ChooseExercise = Extract<Exercise, { kind: 'choose' }>;
export type PlaceExercise = Extract<Exercise, { kind: 'place' }>;
export type SortStatement = SortExercise['statements'][number];
export type ChooseOption = ChooseExercise['options'][number];

export { PACK_LIMITS } from './format';
