import type { Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire, type QuestionnaireScore } from '../scoring';
import type { Sitting } from '../storage/records';

export interface ScoredSitting {
  sitting: Sitting;
  time: number;
  score: QuestionnaireScore;
}

/** The sittings of one questionnaire version, scored, oldest first. */
export function scoreSittings(questionnaire: Questionnaire, sittings: readonly Sitting[]): ScoredSitting[] {
  return sittings
    .filter((s) => s.questionnaire.id === questionnaire.id && s.questionnaire.version === questionnaire.version)
    .map((sitting) => ({
      sitting,
      time: Date.parse(sitting.completedAt),
      score: scoreQuestionnaire(questionnaire, { answers: sitting.answers, wanted: sitting.wanted }),
    }));
}

export interface DimensionChange {
  dimension: string;
  before: number | null;
  after: number | null;
  /** after − before: positive is a move towards the "to" pole. */
  change: number | null;
}

/** Dimension by dimension, how `after` differs from `before`; the overall change last. */
export function compareScores(before: QuestionnaireScore, after: QuestionnaireScore): { dimensions: DimensionChange[]; overall: DimensionChange } {
  const dimensions = after.dimensions.map((entry) => {
    const earlier = before.dimensions.find((d) => d.dimension === entry.dimension)?.now ?? null;
    return change(entry.dimension, earlier, entry.now);
  });
  return { dimensions, overall: change('overall', before.overall.now, after.overall.now) };
}

function change(dimension: string, before: number | null, after: number | null): DimensionChange {
  return { dimension, before, after, change: before === null || after === null ? null : after - before };
}
