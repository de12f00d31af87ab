import type { KitFileHeader } from './types';

/**
 * What a list of questionnaires shows, without loading every questionnaire's items.
 * build.mjs writes one per shipped questionnaire into the `shiftmeter:catalog` module.
 */
export interface QuestionnaireSummary extends Omit<KitFileHeader, 'formatVersion'> {
  dimensionCount: number;
  itemCount: number;
}
