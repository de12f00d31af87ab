import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { itemsOf } from '../../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../../src/core/scoring';

export function shippedQuestionnaire(id: string): Questionnaire {
  return JSON.parse(readFileSync(path.resolve('questionnaires', `${id}.json`), 'utf8')) as Questionnaire;
}

/** A fixed, varied set of answers, so a mix-up of items or sides would show in the scores. */
export function plannedAnswers(questionnaire: Questionnaire) {
  const answers: Record<string, number> = {};
  const wanted: Record<string, number> = {};
  questionnaire.items.forEach((item, index) => (answers[item.id] = ((index * 5) % 7) + 1));
  questionnaire.dimensions.forEach((dimension, index) => (wanted[dimension.id] = ((index * 3 + 4) % 7) + 1));
  return { answers, wanted, score: scoreQuestionnaire(questionnaire, { answers, wanted }) };
}

/** The questions of each page in the order shown: the items, then "wanted". */
export function pages(questionnaire: Questionnaire) {
  return questionnaire.dimensions.map((dimension) => ({
    dimension: dimension.id,
    items: itemsOf(questionnaire, dimension.id).map((item) => item.id),
  }));
}
