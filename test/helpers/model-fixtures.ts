import type { Questionnaire } from '../../src/core/questionnaire/types';
import { createCatalog, type Catalog } from '../../src/ui/catalog';
import { questionCountOf } from '../../src/core/questionnaire/summary';

/** A catalog that offers these questionnaires, as the shipped catalog offers its own. */
export function catalogOf(...questionnaires: Questionnaire[]): Catalog {
  return createCatalog(questionnaires.map((q) => ({
    id: q.id, version: q.version, languages: q.languages, title: q.title, description: q.description, poles: q.poles,
    dimensionCount: q.dimensions.length, itemCount: q.items.length, questionCount: questionCountOf(q), load: async () => q,
  })));
}

/** Waits (up to half a second) until `check` holds: models start reading when they are made. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
