import { asksWantedPerItem, type KitFileHeader, type Questionnaire } from './types';

/**
 * What a list of questionnaires shows, without loading every questionnaire's items.
 * build.mjs writes one per shipped questionnaire into the `shiftmeter:catalog` module.
 */
export interface QuestionnaireSummary extends Omit<KitFileHeader, 'formatVersion'> {
  dimensionCount: number;
  itemCount: number;
  /** Every answer a sitting asks for: items and one wanted per dimension (format 1), or items twice (format 2). */
  questionCount: number;
}

/** The questions a sitting asks: format 2 asks every item twice (now, then wanted); format 1 the items and one wanted per dimension. */
export function questionCountOf(questionnaire: Pick<Questionnaire, 'formatVersion' | 'items' | 'dimensions'>): number {
  return asksWantedPerItem(questionnaire) ? 2 * questionnaire.items.length : questionnaire.items.length + questionnaire.dimensions.length;
}

/** About how long a sitting takes, in whole minutes: some ten seconds an answer (a pair read and placed). */
export function minutesFor(questionCount: number): number {
  return Math.max(1, Math.round((questionCount * 10) / 60));
}
