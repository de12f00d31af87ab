import type { Questionnaire } from '../../src/core/questionnaire/types';

const text = (en: string) => ({ en, sv: `${en} (sv)`, da: `${en} (da)` });

/** A small valid questionnaire built in code, so tests do not depend on shipped content. */
export function makeQuestionnaire(dimensionCount = 3, itemsPerDimension = 3): Questionnaire {
  const dimensions = Array.from({ length: dimensionCount }, (_, d) => ({
    id: `dim-${d + 1}`,
    name: text(`Dimension ${d + 1}`),
    from: text(`From pole of dimension ${d + 1}`),
    to: text(`To pole of dimension ${d + 1}`),
    theory: text(`Theory of dimension ${d + 1}`),
    sources: ['A. Author (2020). A source.'],
  }));
  const items = dimensions.flatMap((dimension, d) =>
    Array.from({ length: itemsPerDimension }, (_, i) => ({
      id: `${dimension.id}-${i + 1}`,
      dimension: dimension.id,
      leftPole: ((i + d) % 2 === 0 ? 'from' : 'to') as 'from' | 'to',
      left: text(`Left statement ${d + 1}.${i + 1}`),
      right: text(`Right statement ${d + 1}.${i + 1}`),
    })),
  );
  return {
    kind: 'questionnaire',
    formatVersion: 1,
    id: 'test-questionnaire',
    version: 1,
    languages: ['en', 'sv', 'da'],
    title: text('Test questionnaire'),
    description: text('A questionnaire for tests.'),
    poles: { from: text('Production logic'), to: text('Service logic') },
    scale: { points: 7 },
    dimensions,
    items,
  };
}
