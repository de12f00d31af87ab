import type { QuestionnaireSummary } from '../core/questionnaire/summary';
import type { Questionnaire } from '../core/questionnaire/types';

export interface CatalogEntry extends QuestionnaireSummary {
  load(): Promise<Questionnaire>;
}

/** The questionnaires a person can take. Injected so tests can hand in their own. */
export interface Catalog {
  entries: readonly CatalogEntry[];
  find(id: string): CatalogEntry | undefined;
}

export function createCatalog(entries: readonly CatalogEntry[]): Catalog {
  return { entries, find: (id) => entries.find((entry) => entry.id === id) };
}
