import { textIn, type Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire } from '../scoring';
import type { Sitting } from '../storage/records';
import { exerciseVerdict, type ExerciseVerdict } from './exercise-verdict';
import type { StoredExerciseAnswer } from './pack-records';
import type { CoursePack } from './types';

/** The longest name a summary carries: a name, not a note. */
export const MAX_SUMMARY_NAME = 120;

export interface SummaryStatement {
  number: number;
  text: string;
  /** The pole the student put it with, in words; null when not placed. */
  chosen: string | null;
  /** Where it belongs, and whether it matches: only once the student asked for feedback. */
  belongs: string | null;
  matches: boolean | null;
}

interface SummaryExerciseBase {
  id: string;
  number: number;
  title: string;
  /** Feedback is part of the summary only where the student asked for it. */
  status: 'not-answered' | 'not-checked' | 'checked';
  verdict: ExerciseVerdict | null;
}

export type SummaryExercise = SummaryExerciseBase & (
  | { kind: 'sort'; statements: SummaryStatement[] }
  | { kind: 'choose'; choice: string | null; better: string[] }
  | { kind: 'place'; practice: string; position: number | null; expert: number | null }
);

export interface SummarySelfAssessment {
  questionnaireId: string;
  title: string;
  /** The language the questionnaire's texts are in. */
  language: string;
  completedAt: string;
  from: string;
  to: string;
  overall: { now: number | null; wanted: number | null; gap: number | null };
  dimensions: { id: string; name: string; now: number | null; wanted: number | null; gap: number | null }[];
}

export interface PackSummaryContent {
  packId: string;
  title: string;
  language: string;
  madeAt: string;
  name: string | null;
  exercises: SummaryExercise[];
  selfAssessment: SummarySelfAssessment | null;
  reflections: { id: string; prompt: string; text: string | null }[];
}

export interface PackSummaryInput {
  pack: CoursePack;
  /** The language the pack's texts are shown in. */
  language: string;
  madeAt: string;
  answers: Readonly<Record<string, StoredExerciseAnswer>>;
  notes: Readonly<Record<string, string>>;
  /** The name as typed, and whether the student ticked to put it on the summary. */
  name: { include: boolean; text: string };
  selfAssessment: SummarySelfAssessment | null;
}

/**
 * What a student's summary holds: the answers, the verdicts of the feedback they asked
 * for, the self-assessment taken from the course and the reflections, and their name
 * only if they ticked to include it. The page shows it, prints it and saves it; this
 * decides what is in it, the view only how it looks.
 */
export function packSummary(input: PackSummaryInput): PackSummaryContent {
  const { pack, language } = input;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, language);
  const name = input.name.include ? input.name.text.trim().slice(0, MAX_SUMMARY_NAME) : '';
  return {
    packId: pack.id,
    title: text(pack.title),
    language,
    madeAt: input.madeAt,
    name: name === '' ? null : name,
    exercises: pack.exercises.map((exercise, index): SummaryExercise => {
      const stored = input.answers[exercise.id];
      const verdict = stored ? exerciseVerdict(exercise, stored.answer) : null;
      const status = !stored || !verdict ? 'not-answered' : stored.checked ? 'checked' : 'not-checked';
      const checked = status === 'checked';
      const base = { id: exercise.id, number: index + 1, title: text(exercise.title), status, verdict: checked ? verdict : null } as const;
      if (exercise.kind === 'sort') {
        const answer = stored && typeof stored.answer === 'object' ? stored.answer : {};
        return {
          ...base,
          kind: 'sort',
          statements: exercise.statements.map((statement, i) => {
            const chosen = Object.hasOwn(answer, statement.id) ? answer[statement.id] : undefined;
            return {
              number: i + 1,
              text: text(statement.text),
              chosen: chosen ? text(pack.poles[chosen]) : null,
              belongs: checked ? text(pack.poles[statement.pole]) : null,
              matches: checked ? chosen === statement.pole : null,
            };
          }),
        };
      }
      if (exercise.kind === 'choose') {
        const chosen = exercise.options.find((option) => option.id === stored?.answer);
        return {
          ...base,
          kind: 'choose',
          choice: chosen ? text(chosen.text) : null,
          better: checked ? exercise.options.filter((option) => option.best).map((option) => text(option.text)) : [],
        };
      }
      return {
        ...base,
        kind: 'place',
        practice: text(exercise.practice),
        position: typeof stored?.answer === 'number' ? stored.answer : null,
        expert: checked ? exercise.expert.position : null,
      };
    }),
    selfAssessment: input.selfAssessment,
    reflections: pack.reflections.map((reflection) => {
      const note = input.notes[reflection.id]?.trim() ?? '';
      return { id: reflection.id, prompt: text(reflection.prompt), text: note === '' ? null : note };
    }),
  };
}

/** A sitting's result in the words of its questionnaire, as the course and the summary show it. */
export function selfAssessmentSummary(questionnaire: Questionnaire, sitting: Sitting, language: string): SummarySelfAssessment {
  const text = (value: Readonly<Record<string, string>>) => textIn(value, language);
  const score = scoreQuestionnaire(questionnaire, sitting);
  return {
    questionnaireId: questionnaire.id,
    title: text(questionnaire.title),
    language,
    completedAt: sitting.completedAt,
    from: text(questionnaire.poles.from),
    to: text(questionnaire.poles.to),
    overall: score.overall,
    dimensions: score.dimensions.map((entry) => ({
      id: entry.dimension,
      name: text(questionnaire.dimensions.find((d) => d.id === entry.dimension)!.name),
      now: entry.now,
      wanted: entry.wanted,
      gap: entry.gap,
    })),
  };
}
