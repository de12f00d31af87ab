import type { LocalizedText, Questionnaire } from './types';

/** What a list of questionnaires shows, without loading every questionnaire's items. */
export interface QuestionnaireSummary {
  id: string;
  version: number;
  languages: readonly string[];
  title: LocalizedText;
  description: LocalizedText;
  poles: { from: LocalizedText; to: LocalizedText };
  dimensionCount: number;
  itemCount: number;
}

export function summarize(questionnaire: Questionnaire): QuestionnaireSummary {
  const { id, version, languages, title, description, poles } = questionnaire;
  return { id, version, languages, title, description, poles, dimensionCount: questionnaire.dimensions.length, itemCount: questionnaire.items.length };
}
