import { actionsKey } from '../../core/actions/actions';
import type { Catalog } from '../catalog';

/**
 * Each questionnaire's actions record, by key, for a page's first read. A module of its
 * own: the popup asks for these keys, and importing the actions store for them would
 * bring its writing code into the popup's first script.
 */
export function actionKeysOf(catalog: Catalog): string[] {
  return catalog.entries.map((entry) => actionsKey(entry.id));
}
