import type { KitFileHeader, LocalizedText, Pole, Questionnaire } from '../questionnaire/types';

export interface SortStatement { id: string; text: LocalizedText; pole: Pole; feedback: LocalizedText }
export interface ChooseOption { id: string; text: LocalizedText; best: boolean; feedback: LocalizedText }

interface ExerciseBase { id: string; title: LocalizedText; prompt: LocalizedText; sources: readonly string[] }
export interface SortExercise extends ExerciseBase { kind: 'sort'; statements: readonly SortStatement[] }
export interface ChooseExercise extends ExerciseBase { kind: 'choose'; aim: LocalizedText; options: readonly ChooseOption[] }
export interface PlaceExercise extends ExerciseBase { kind: 'place'; practice: LocalizedText; expert: { position: number; reasoning: LocalizedText } }
export type Exercise = SortExercise | ChooseExercise | PlaceExercise;

/** A course: goals, a case, exercises with feedback, a questionnaire, reflections and a debrief. */
export interface CoursePack extends KitFileHeader {
  kind: 'course-pack';
  goals: readonly LocalizedText[];
  case: { title: LocalizedText; text: LocalizedText };
  exercises: readonly Exercise[];
  /** A shipped questionnaire's id, or a whole questionnaire. */
  questionnaire: string | Questionnaire;
  reflections: readonly { id: string; prompt: LocalizedText }[];
  debrief: LocalizedText;
  sources: readonly string[];
}

export const PACK_LIMITS = { title: 120, short: 400, long: 1500, essay: 3000, source: 400 } as const;
