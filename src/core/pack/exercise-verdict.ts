import type { Pole } from '../questionnaire/types';
import type { ExerciseAnswer } from './pack-records';
import type { Exercise } from './types';

/** One statement of a sort exercise: where it belongs, where the student put it, and its number as the exercise shows it. */
export interface SortItemVerdict {
  id: string;
  /** 1-based, in the order the exercise lists its statements. */
  number: number;
  pole: Pole;
  /** null when the student has not placed it yet. */
  chosen: Pole | null;
  matches: boolean;
}

/**
 * What the feedback says about an answer, item by item, so that it can name what does
 * not match instead of only saying "not quite". `right` always agrees with isCorrect.
 */
export type ExerciseVerdict =
  | { kind: 'sort'; right: boolean; total: number; matching: number; items: SortItemVerdict[]; misplaced: SortItemVerdict[] }
  | { kind: 'choose'; right: boolean; chosen: string; best: string[] }
  | { kind: 'place'; right: boolean; position: number; expert: number; distance: number };

/** How far from the expert a placement may be and still agree: one step either way. */
export const PLACE_TOLERANCE = 1;

/** The verdict on an answer, or null when the answer is not of the exercise's kind. */
export function exerciseVerdict(exercise: Exercise, answer: ExerciseAnswer): ExerciseVerdict | null {
  if (exercise.kind === 'sort') {
    if (typeof answer !== 'object') return null;
    const items = exercise.statements.map((statement, index): SortItemVerdict => {
      const chosen = Object.hasOwn(answer, statement.id) ? answer[statement.id] ?? null : null;
      return { id: statement.id, number: index + 1, pole: statement.pole, chosen, matches: chosen === statement.pole };
    });
    const misplaced = items.filter((item) => !item.matches);
    return { kind: 'sort', right: misplaced.length === 0, total: items.length, matching: items.length - misplaced.length, items, misplaced };
  }
  if (exercise.kind === 'choose') {
    if (typeof answer !== 'string') return null;
    const best = exercise.options.filter((option) => option.best).map((option) => option.id);
    return { kind: 'choose', right: best.includes(answer), chosen: answer, best };
  }
  if (typeof answer !== 'number') return null;
  const distance = Math.abs(answer - exercise.expert.position);
  return { kind: 'place', right: distance <= PLACE_TOLERANCE, position: answer, expert: exercise.expert.position, distance };
}
