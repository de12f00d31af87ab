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

/**
 * A questionnaire of format 2, version 2: a profile on two axes ("direction": dim-1 and
 * dim-2; "certainty": dim-3 and dim-4), with dim-1 and dim-3 continuing from version 1.
 */
export function makeProfileQuestionnaire(): Questionnaire {
  const base = makeQuestionnaire(4, 3);
  return {
    ...base,
    formatVersion: 2,
    version: 2,
    axes: [
      { id: 'direction', name: text('Direction'), from: text('A set goal'), to: text('What emerges') },
      { id: 'certainty', name: text('Certainty'), from: text('The proven'), to: text('The untried') },
    ],
    dimensions: base.dimensions.map((dimension, d) => ({
      ...dimension,
      axis: d < 2 ? 'direction' : 'certainty',
      ...(d % 2 === 0 ? { continuesFrom: 1 } : {}),
    })),
  };
}
