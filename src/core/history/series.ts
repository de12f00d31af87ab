import { asksWantedPerItem, type Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire, type QuestionnaireScore } from '../scoring';
import type { Sitting } from '../storage/records';

export interface ScoredSitting {
  sitting: Sitting;
  time: number;
  /** In the current version's dimensions: an earlier version's sitting shows only the dimensions that continue. */
  score: QuestionnaireScore;
  /** The questionnaire version the sitting was answered on. */
  version: number;
}

/**
 * A questionnaire's sittings, scored, oldest first, in the terms of its current version.
 * A sitting of an earlier version (its questionnaire in `earlier`) enters each dimension
 * the current file declares continuous since that version (`continuesFrom`, same id,
 * same meaning) and no other: its overall score is left out (another set of dimensions),
 * and so is its "wanted" where the two versions ask it differently (format 1 asks once
 * per dimension, format 2 per item). Sittings of a version not at hand are left out.
 */
export function scoreSittings(questionnaire: Questionnaire, sittings: readonly Sitting[], earlier: readonly Questionnaire[] = []): ScoredSitting[] {
  return sittings
    .filter((s) => s.questionnaire.id === questionnaire.id)
    .flatMap((sitting): ScoredSitting[] => {
      const version = sitting.questionnaire.version;
      const time = Date.parse(sitting.completedAt);
      if (version === questionnaire.version) return [{ sitting, time, version, score: scoreQuestionnaire(questionnaire, sitting) }];
      const answeredOn = earlier.find((q) => q.id === questionnaire.id && q.version === version);
      if (!answeredOn) return [];
      return [{ sitting, time, version, score: inCurrentTerms(questionnaire, answeredOn, scoreQuestionnaire(answeredOn, sitting)) }];
    })
    .sort((a, b) => a.time - b.time);
}

function inCurrentTerms(current: Questionnaire, answeredOn: Questionnaire, score: QuestionnaireScore): QuestionnaireScore {
  const sameWanted = asksWantedPerItem(current) === asksWantedPerItem(answeredOn);
  return {
    dimensions: current.dimensions.map((dimension) => {
      const continues = dimension.continuesFrom !== undefined && dimension.continuesFrom <= answeredOn.version;
      const entry = continues ? score.dimensions.find((d) => d.dimension === dimension.id) : undefined;
      if (!entry) return { dimension: dimension.id, now: null, wanted: null, gap: null, answered: 0, notApplicable: 0, total: 0 };
      return sameWanted ? entry : { ...entry, wanted: null, gap: null };
    }),
    overall: { now: null, wanted: null, gap: null },
  };
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
