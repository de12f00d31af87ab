import type { QuestionnaireSummary } from '../core/questionnaire/summary';
import type { Questionnaire } from '../core/questionnaire/types';

export interface CatalogEntry extends QuestionnaireSummary {
  load(): Promise<Questionnaire>;
}

/**
 * The questionnaires a person can take, and the earlier versions of them that sittings
 * and team rounds were answered on. Injected so tests can hand in their own.
 */
export interface Catalog {
  /** The current version of each questionnaire: what the lists offer. */
  entries: readonly CatalogEntry[];
  find(id: string): CatalogEntry | undefined;
  /** The given version: the current one, or an earlier one kept for what was answered on it. */
  findVersion(id: string, version: number): CatalogEntry | undefined;
}

export function createCatalog(entries: readonly CatalogEntry[], earlier: readonly CatalogEntry[] = []): Catalog {
  const find = (id: string) => entries.find((entry) => entry.id === id);
  return {
    entries,
    find,
    findVersion: (id, version) => {
      const current = find(id);
      return current?.version === version ? current : earlier.find((entry) => entry.id === id && entry.version === version);
    },
  };
}
