import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { asksWantedPerItem, itemsOf } from '../../../src/core/questionnaire/types';
import { MIN_ANSWERED_ITEMS, scoreQuestionnaire, type QuestionnaireScore } from '../../../src/core/scoring';

/** The shipped questionnaire (its current version, questionnaires/<id>.json). */
export function shippedQuestionnaire(id: string): Questionnaire {
  return JSON.parse(readFileSync(path.resolve('questionnaires', `${id}.json`), 'utf8')) as Questionnaire;
}

/** An earlier version kept for what was answered on it (questionnaires/earlier/<id>.v<version>.json). */
export function earlierQuestionnaire(id: string, version: number): Questionnaire {
  return JSON.parse(readFileSync(path.resolve('questionnaires', 'earlier', `${id}.v${version}.json`), 'utf8')) as Questionnaire;
}

/** "Does not apply to my unit": the last radio of an item's group, value `n/a`. */
export const NOT_APPLICABLE = 'n/a';
export type Position = number | typeof NOT_APPLICABLE;

export interface PlannedPage {
  kind: 'now' | 'wanted';
  dimension: string;
  /**
   * The questions in the order the page shows them, by the id their fieldset is named
   * after (`q-<question>`, `wanted:x` as `q-wanted-x`): a "now" page's item ids (format 1
   * adds `wanted:<dimension>` last); a page of the wanted pass (format 2) `wanted:<item>`
   * for each item of the dimension answered with a position.
   */
  questions: string[];
}

export interface Plan {
  /** Item id → position, for the items answered with a position. */
  answers: Record<string, number>;
  /** Dimension id → wanted position: format 1 only; `{}` for format 2, as its sittings store it. */
  wanted: Record<string, number>;
  /** Item id → wanted position (format 2): the items on a wanted page. */
  wantedItems: Record<string, number>;
  /** Items answered "does not apply to my unit". */
  notApplicable: string[];
  score: QuestionnaireScore;
  /** The position to give a question as pages() names it; `n/a` for an item that does not apply. */
  position(question: string): Position;
}

/**
 * A fixed, varied set of answers, so a mix-up of items or sides would show in the scores.
 * `notApplicable` names items to answer "does not apply"; their dimensions lose them
 * from every mean, and a dimension left with fewer than two has no wanted page.
 */
export function plannedAnswers(questionnaire: Questionnaire, options: { notApplicable?: readonly string[] } = {}): Plan {
  const notApplicable = [...(options.notApplicable ?? [])];
  const answers: Record<string, number> = {};
  const wanted: Record<string, number> = {};
  const wantedItems: Record<string, number> = {};
  questionnaire.items.forEach((item, index) => {
    if (!notApplicable.includes(item.id)) answers[item.id] = ((index * 5) % 7) + 1;
  });
  if (asksWantedPerItem(questionnaire)) {
    for (const page of pages(questionnaire, notApplicable)) {
      if (page.kind !== 'wanted') continue;
      for (const question of page.questions) {
        const id = question.slice('wanted:'.length);
        wantedItems[id] = ((questionnaire.items.findIndex((item) => item.id === id) * 3 + 4) % 7) + 1;
      }
    }
  } else {
    questionnaire.dimensions.forEach((dimension, index) => (wanted[dimension.id] = ((index * 3 + 4) % 7) + 1));
  }
  const score = asksWantedPerItem(questionnaire)
    ? scoreQuestionnaire(questionnaire, { answers, wanted: {}, wantedItems, notApplicable })
    : scoreQuestionnaire(questionnaire, { answers, wanted });
  const position = (question: string): Position => {
    if (notApplicable.includes(question)) return NOT_APPLICABLE;
    if (question.startsWith('wanted:')) {
      const id = question.slice('wanted:'.length);
      const found = wantedItems[id] ?? wanted[id];
      if (found === undefined) throw new Error(`no planned answer for ${question}`);
      return found;
    }
    const found = answers[question];
    if (found === undefined) throw new Error(`no planned answer for ${question}`);
    return found;
  };
  return { answers, wanted, wantedItems, notApplicable, score, position };
}

/**
 * The pages in the order shown. Format 2: a "now" page per dimension (its items only),
 * then the wanted pass, a page per dimension with at least two items not answered
 * "does not apply", asking its answered items again. Format 1: a page per dimension,
 * its items and then "wanted" for the dimension.
 */
export function pages(questionnaire: Questionnaire, notApplicable: readonly string[] = []): PlannedPage[] {
  const perItem = asksWantedPerItem(questionnaire);
  const now = questionnaire.dimensions.map((dimension): PlannedPage => ({
    kind: 'now',
    dimension: dimension.id,
    questions: [...itemsOf(questionnaire, dimension.id).map((item) => item.id), ...(perItem ? [] : [`wanted:${dimension.id}`])],
  }));
  if (!perItem) return now;
  const wanted = questionnaire.dimensions.flatMap((dimension): PlannedPage[] => {
    const applicable = itemsOf(questionnaire, dimension.id).filter((item) => !notApplicable.includes(item.id));
    return applicable.length >= MIN_ANSWERED_ITEMS ? [{ kind: 'wanted', dimension: dimension.id, questions: applicable.map((item) => `wanted:${item.id}`) }] : [];
  });
  return [...now, ...wanted];
}

/** The planned position of every question, in the order shown: for takeByClicks. */
export function positionsInOrder(questionnaire: Questionnaire, plan: Plan): Position[] {
  return pages(questionnaire, plan.notApplicable).flatMap((page) => page.questions.map((question) => plan.position(question)));
}
