import { describe, expect, it } from 'vitest';
import { EMPTY_INDEX, readAddedIndex } from '../../src/core/library/added-index';
import { conformsToIndexFormat } from '../../src/core/library/added-index-format';
import { entryOf } from '../../src/core/library/library';
import { mutate, pathsOf, REPLACEMENTS, STRING_LENGTHS, type Json, type Mutation } from '../helpers/json-mutants';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';

const record = (origin: 'file' | 'organisation') => ({ schema: 1 as const, hash: `sha256:${'a1'.repeat(32)}`, addedAt: '2026-12-02T10:00:00.000Z', origin, questionnaire: {} });
const index = (): Json => JSON.parse(JSON.stringify({
  schema: 1,
  entries: [entryOf(record('file'), { ...makeQuestionnaire(), id: 'agency-model' }), entryOf(record('organisation'), { ...makeProfileQuestionnaire(), id: 'our-profile', version: 3 })],
}));

/**
 * The popup checks the index by hand, for speed (added-index.ts); this holds that check
 * to the format's own checker on every single damage at every place of a valid index:
 * one accepts exactly what the other accepts.
 */
describe('the added questionnaires\' index as the popup reads it', () => {
  it('accepts a valid index and refuses what is not one', () => {
    expect(readAddedIndex(index())).toEqual(index());
    for (const value of [undefined, null, 'text', [], { schema: 2, entries: [] }, { schema: 1 }]) expect(readAddedIndex(value)).toBe(EMPTY_INDEX);
  });

  it('agrees with the format\'s checker on every single damage at every place', () => {
    const paths = pathsOf(index());
    const mutations: Mutation[] = [
      { kind: 'delete' },
      ...REPLACEMENTS.map((value): Mutation => ({ kind: 'replace', value })),
      ...STRING_LENGTHS.map((length): Mutation => ({ kind: 'repeat-string', char: 'a', length })),
      { kind: 'repeat-string', char: 'a', length: 2001 },
      { kind: 'add-field', key: 'extra', value: 'x' },
    ];
    let compared = 0;
    for (const path of paths) {
      for (const mutation of mutations) {
        const damaged = mutate(index(), path, mutation);
        const byHand = readAddedIndex(damaged) !== EMPTY_INDEX;
        expect(byHand, `${JSON.stringify(path)} ${JSON.stringify(mutation)}`).toBe(conformsToIndexFormat(damaged));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(4000);
  });
});
