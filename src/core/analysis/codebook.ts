import type { Questionnaire } from '../questionnaire/types';
import { csvRow } from './csv-row';

/**
 * The questionnaire as tables, for an analyst who has the export and not the file:
 * the items with their statements, and the dimensions with their names and poles,
 * in every language the questionnaire has. Nothing in them is about a person.
 */
export function itemColumns(questionnaire: Questionnaire): string[] {
  return ['item', 'dimension', 'left_pole', ...questionnaire.languages.flatMap((lang) => [`left_${lang}`, `right_${lang}`])];
}

export function dimensionColumns(questionnaire: Questionnaire): string[] {
  return ['dimension', ...questionnaire.languages.flatMap((lang) => [`name_${lang}`, `from_${lang}`, `to_${lang}`])];
}

export function itemsCsv(questionnaire: Questionnaire): string {
  const rows = questionnaire.items.map((item) => csvRow([item.id, item.dimension, item.leftPole, ...questionnaire.languages.flatMap((lang) => [item.left[lang]!, item.right[lang]!])]));
  return [itemColumns(questionnaire).join(','), ...rows].join('\n');
}

export function dimensionsCsv(questionnaire: Questionnaire): string {
  const rows = questionnaire.dimensions.map((d) => csvRow([d.id, ...questionnaire.languages.flatMap((lang) => [d.name[lang]!, d.from[lang]!, d.to[lang]!])]));
  return [dimensionColumns(questionnaire).join(','), ...rows].join('\n');
}
