import { csvCell } from '../backup/sittings-csv';
import type { ActionsRecord } from './actions';

const HEADER = ['action_id', 'questionnaire_id', 'sitting_id', 'dimension_id', 'created_at', 'by', 'text', 'status', 'reviewed_at', 'note'];

/**
 * Actions as CSV for a spreadsheet: one row per action, oldest first; status, review time
 * and note are empty until the action has been reviewed at a later sitting. (In JSON they
 * are in the backup.)
 */
export function actionsCsv(records: readonly ActionsRecord[]): string {
  const rows = [HEADER.join(',')];
  const actions = records.flatMap((record) => record.actions.map((action) => ({ record, action })));
  actions.sort((a, b) => (a.action.createdAt < b.action.createdAt ? -1 : a.action.createdAt > b.action.createdAt ? 1 : a.action.id.localeCompare(b.action.id)));
  for (const { record, action } of actions) {
    rows.push([
      action.id, record.questionnaireId, action.sittingId, action.dimension, action.createdAt, action.by?.slice(0, 10) ?? '', action.text,
      action.review?.status ?? '', action.review?.at ?? '', action.review?.note ?? '',
    ].map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
