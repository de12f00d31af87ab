import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../src/core/backup/backup';
import { isRound } from '../../src/core/round/round-record';
import { isTallySummary } from '../../src/core/round/tally-summary';
import { isNote, isSitting } from '../../src/core/storage/records';

// Stored records are checked by their definitions (src/core/storage/record-formats.ts and
// beside each record's module). These pin the behaviour the hand-written guards had.
const sitting = {
  schema: 1, id: 'abc-1', questionnaire: { id: 'production-service', version: 1 },
  startedAt: '2026-03-02T08:55:10.120Z', completedAt: '2026-03-02T09:07:44.518Z', language: 'sv',
  answers: { 'value-1': 3 }, wanted: {},
};

describe('stored records checked by their definitions', () => {
  it('a missing record is no record', () => {
    expect(isSitting(undefined)).toBe(false);
    expect(isNote(undefined)).toBe(false);
  });

  it('a sitting with a field a later Shiftmeter added still reads; a wrong one does not', () => {
    expect(isSitting(sitting)).toBe(true);
    expect(isSitting({ ...sitting, addedLater: true })).toBe(true);
    expect(isSitting({ ...sitting, completedAt: '2026-13-40T09:07:44.518Z' })).toBe(false);
    expect(isSitting({ ...sitting, answers: { 'value-1': 8 } })).toBe(false);
    expect(isSitting({ ...sitting, answers: { __proto__x: 3, 'Bad Key': 3 } })).toBe(false);
    expect(isSitting({ ...sitting, round: { id: 'team alpha', name: 'x' } })).toBe(false);
  });

  it('a note may be empty, but not too long', () => {
    const note = { schema: 1, sittingId: 'abc-1', text: '', updatedAt: '2026-03-02T09:07:44.518Z' };
    expect(isNote(note)).toBe(true);
    expect(isNote({ ...note, text: 'x'.repeat(20_001) })).toBe(false);
  });

  it('a round needs a name that is not blank and a minimum group in range', () => {
    const round = { schema: 1, id: 'round-1', name: 'Team', questionnaire: { id: 'production-service', version: 1 }, minGroup: 5, createdAt: '2026-03-02T09:07:44.518Z', publicKey: 'A'.repeat(87) };
    expect(isRound(round)).toBe(true);
    expect(isRound({ ...round, name: '  ' })).toBe(false);
    expect(isRound({ ...round, minGroup: 2 })).toBe(false);
  });

  it('a round summary is exactly a summary: one more field and it is not one', () => {
    const summary = { schema: 2, round: 'round-1', questionnaire: { id: 'q', version: 1 }, minGroup: 5, count: 0, sequence: 0, published: null };
    expect(isTallySummary(summary)).toBe(true);
    expect(isTallySummary({ ...summary, pending: [] })).toBe(false);
    expect(isTallySummary({ ...summary, published: { n: 'x' } })).toBe(false);
  });
});

describe('a course\'s link to its self-assessment', () => {
  it('goes into a backup and comes back from it, so a restored course still shows its result', () => {
    const link = { schema: 1, packId: 'pack-cafe', sittingId: 'abc-1', questionnaireId: 'silos-joined-up', completedAt: '2026-03-02T09:07:44.518Z' };
    const backup = makeBackup({ 'pack-sitting:pack-cafe': link, 'pack-sitting:other': link }, new Date('2027-01-01T00:00:00.000Z'));
    // A link kept under another pack's key is not that pack's: left out, as a damaged record would be.
    expect(backup.records).toEqual({ 'pack-sitting:pack-cafe': link });
    const restored = parseBackup(JSON.stringify(backup));
    expect(restored.ok && restored.value.records['pack-sitting:pack-cafe']).toEqual(link);
  });
});

describe('the catalog of questionnaire versions', () => {
  it('offers the current version, and finds an earlier one only by its version', async () => {
    const { createCatalog } = await import('../../src/ui/catalog');
    const entry = (version: number) => ({ id: 'q', version, languages: ['en'], title: { en: 'Q' }, description: { en: 'Q' }, poles: { from: { en: 'a' }, to: { en: 'b' } }, dimensionCount: 1, itemCount: 3, questionCount: 4, load: async () => { throw new Error('not needed'); } });
    const catalog = createCatalog([entry(2)], [entry(1)]);
    expect(catalog.entries.map((e) => e.version)).toEqual([2]);
    expect(catalog.find('q')!.version).toBe(2);
    expect(catalog.findVersion('q', 1)!.version).toBe(1);
    expect(catalog.findVersion('q', 2)!.version).toBe(2);
    expect(catalog.findVersion('q', 3)).toBeUndefined();
  });
});

describe('this browser\'s order of course statements', () => {
  it('goes into a backup, so a restored browser numbers the statements as the summary handed in did', () => {
    const backup = makeBackup({ 'pack-order': { schema: 1, seed: '0f8e6b2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b' } }, new Date('2027-01-01T00:00:00.000Z'));
    expect(Object.keys(backup.records)).toEqual(['pack-order']);
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(true);
  });
});
