import { itemsOf, textIn, type Questionnaire } from '../questionnaire/types';
import { scoreQuestionnaire } from '../scoring';
import type { Sitting } from '../storage/records';

// not_applicable_items last, so that spreadsheets built on the earlier columns keep working.
const HEADER = ['sitting_id', 'completed_at', 'questionnaire_id', 'questionnaire_version', 'dimension_id', 'dimension_name', 'now', 'wanted', 'answered_items', 'items', 'not_applicable_items'];

/**
 * Sittings as CSV for a spreadsheet: one row per sitting and dimension, scores on
 * 0–100 rounded to one decimal; a dimension without enough answers has empty figures.
 * Sittings of versions not at hand are left out.
 */
export function sittingsCsv(sittings: readonly Sitting[], questionnaires: readonly Questionnaire[]): string {
  const rows = [HEADER.join(',')];
  for (const sitting of sittings) {
    const questionnaire = questionnaires.find((q) => q.id === sitting.questionnaire.id && q.version === sitting.questionnaire.version);
    if (!questionnaire) continue;
    const score = scoreQuestionnaire(questionnaire, sitting);
    questionnaire.dimensions.forEach((dimension, index) => {
      const entry = score.dimensions[index]!;
      rows.push([
        sitting.id, sitting.completedAt, questionnaire.id, String(questionnaire.version), dimension.id, textIn(dimension.name, 'en'),
        figure(entry.now), figure(entry.wanted), String(entry.answered), String(itemsOf(questionnaire, dimension.id).length), String(entry.notApplicable),
      ].map(csvCell).join(','));
    });
  }
  return `${rows.join('\r\n')}\r\n`;
}

function figure(value: number | null): string {
  return value === null ? '' : (Math.round(value * 10) / 10).toFixed(1);
}

/** Quotes a cell when needed, and defuses text a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
