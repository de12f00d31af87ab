import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_RECORDS_VERSION, makeBackup, parseBackup } from '../../src/core/backup/backup';
import { MIGRATIONS } from '../../src/core/storage/migrations';
import { fromStoredItems } from '../../src/core/storage/stored-form';
import { previewRestore, restoreWrites } from '../../src/core/backup/restore-plan';
import { csvCell, sittingsCsv } from '../../src/core/backup/sittings-csv';
import { DataModel } from '../../src/ui/data-model';
import { createCatalog } from '../../src/ui/catalog';
import { startRound } from '../../src/ui/team/team-store';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { MemoryStore } from '../helpers/memory-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const catalog = createCatalog([]);
const now = () => new Date('2027-01-01T00:00:00.000Z');
const iso = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }).map((t) => new Date(t).toISOString());
const position = fc.integer({ min: 1, max: 7 });
// Ids as the extension makes them (UUIDs): never starting with a hyphen, which a CSV cell would defuse.
const recordId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/);

const sittingArb = fc.record({
  id: recordId,
  startedAt: iso,
  completedAt: iso,
  language: fc.constantFrom('en', 'sv', 'da'),
  answers: fc.record(Object.fromEntries(questionnaire.items.map((i) => [i.id, position]))),
  wanted: fc.record(Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, position]))),
}).map((s) => ({ schema: 1, questionnaire: { id: questionnaire.id, version: 1 }, ...s }));

const storeArb = fc.uniqueArray(sittingArb, { selector: (s) => s.id, maxLength: 12 }).chain((sittings) =>
  fc.record({
    notes: fc.subarray(sittings).chain((withNotes) => fc.tuple(...withNotes.map((s) => fc.string({ maxLength: 200 }).map((text) => [s.id, text] as const)))),
    theme: fc.constantFrom('system', 'light', 'dark'),
  }).map(({ notes, theme }) => {
    const data: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, settings: { schema: 1, language: null, theme } };
    for (const s of sittings) data[`sitting:${s.id}`] = s;
    for (const [id, text] of notes) data[`note:${id}`] = { schema: 1, sittingId: id, text, updatedAt: '2026-05-05T10:00:00.000Z' };
    return data;
  }),
);

async function restoreInto(store: MemoryStore, text: string, mode: 'merge-keep-mine' | 'replace' = 'merge-keep-mine') {
  const model = new DataModel({ store, catalog, now, vault: memoryRoundVault() });
  await model.readBackupFile({ size: text.length, text: async () => text });
  return { model, applied: await model.applyRestore(mode) };
}

describe('backup and restore', () => {
  it('gives back exactly the same data: export, then restore into an empty profile', async () => {
    await fc.assert(
      fc.asyncProperty(storeArb, async (data) => {
        const source = new MemoryStore(data);
        const text = await new DataModel({ store: source, catalog, now, vault: memoryRoundVault() }).backupText();
        const target = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
        const { applied } = await restoreInto(target, text);
        expect(applied).toBe(true);
        expect(target.snapshot()).toEqual(source.snapshot());
      }),
      { numRuns: 60 },
    );
  });

  it('previews new, identical and conflicting records before writing anything', () => {
    const backup = makeBackup({ 'settings': { schema: 1, theme: 'dark', language: null }, 'last-taken:a': '2026-01-01T00:00:00.000Z', 'last-taken:b': '2026-02-01T00:00:00.000Z' }, now());
    const stored = { settings: { schema: 1, theme: 'light', language: null }, 'last-taken:a': '2026-01-01T00:00:00.000Z', 'last-taken:c': '2026-03-01T00:00:00.000Z' };
    const preview = previewRestore(backup, stored);
    expect(preview).toEqual({ added: ['last-taken:b'], identical: ['last-taken:a'], conflicting: ['settings'], onlyHere: ['last-taken:c'], keptRounds: [], refusedRounds: [], keptQuestionnaires: [] });
    expect(restoreWrites(backup, preview, 'merge-keep-mine')).toEqual({ set: { 'last-taken:b': '2026-02-01T00:00:00.000Z' }, remove: [] });
    expect(restoreWrites(backup, preview, 'replace').remove).toEqual(['last-taken:c']);
    expect(Object.keys(restoreWrites(backup, preview, 'merge-take-backup').set)).toEqual(['last-taken:b', 'settings']);
  });

  it('carries team rounds and course work too, and gives them back', async () => {
    const source = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
    await startRound(source, memoryRoundVault(), { name: 'Team A', questionnaire, minGroup: 5 }, new Date('2027-01-01T00:00:00.000Z'));
    await source.set({
      'pack-answer:pack-cafe:cafe-practices': { schema: 1, answer: 'a', checked: true, updatedAt: '2027-01-02T00:00:00.000Z' },
      'pack-note:pack-cafe:own-unit': { schema: 1, text: 'My reflection', updatedAt: '2027-01-02T00:00:00.000Z' },
    });
    const text = await new DataModel({ store: source, catalog, now, vault: memoryRoundVault() }).backupText();
    expect(Object.keys(JSON.parse(text).records).map((k) => k.split(':')[0]).sort()).toEqual(['pack-answer', 'pack-note', 'round', 'round-tally']);
    const target = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
    expect((await restoreInto(target, text)).applied).toBe(true);
    expect(target.snapshot()).toEqual(source.snapshot());
  });

  it('exports only valid records, so its own backup always restores', async () => {
    const source = new MemoryStore({ schemaVersion: SCHEMA_VERSION, 'sitting:broken': { schema: 1, id: 'broken' }, 'pack-note:p:r': { schema: 1, text: 'kept', updatedAt: '2027-01-02T00:00:00.000Z' } });
    const text = await new DataModel({ store: source, catalog, now, vault: memoryRoundVault() }).backupText();
    expect(Object.keys(JSON.parse(text).records)).toEqual(['pack-note:p:r']);
    expect((await restoreInto(new MemoryStore({ schemaVersion: SCHEMA_VERSION }), text)).applied).toBe(true);
  });

  it('leaves drafts out of a backup', () => {
    expect(Object.keys(makeBackup({ 'draft:x': {}, 'draft:x:a:y': 3, 'last-taken:z': '2027-01-01T00:00:00.000Z' }, now()).records)).toEqual(['last-taken:z']);
  });

  it('refuses a damaged or hostile file with a reason, and writes nothing', async () => {
    const valid = await new DataModel({ store: new MemoryStore(fc.sample(storeArb, 1)[0]), catalog, now, vault: memoryRoundVault() }).backupText();
    const hostile = [
      '', 'null', '[]', '{"format":"shiftmeter-backup"}', valid.replace(`"schemaVersion": ${BACKUP_RECORDS_VERSION}`, '"schemaVersion": 99'),
      valid.replace('"records": {', '"records": {"__proto__": {"polluted": true},'),
      valid.replace('"records": {', '"records": {"sitting:evil": {"schema": 1, "id": "evil", "answers": {"constructor": 3}},'),
      valid.replace('"records": {', '"records": {"rounds:key": "x",'), `${'['.repeat(10_000)}`,
    ];
    for (const text of hostile) {
      const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION, 'sitting:mine': { keep: true } });
      const before = store.snapshot();
      const { model, applied } = await restoreInto(store, text);
      expect(applied, text.slice(0, 60)).toBe(false);
      expect(model.restore.value.kind).toBe('refused');
      expect(store.snapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('never throws on random or mutated input, and never writes', async () => {
    const valid = await new DataModel({ store: new MemoryStore(fc.sample(storeArb, 1)[0]), catalog, now, vault: memoryRoundVault() }).backupText();
    const mutated = fc.tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 20 })).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), mutated), async (text) => {
        const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
        const before = store.snapshot();
        const model = new DataModel({ store, catalog, now, vault: memoryRoundVault() });
        await model.readBackupFile({ size: text.length, text: async () => text });
        if (model.restore.value.kind === 'refused') expect(store.snapshot()).toEqual(before);
        expect(parseBackup(text)).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a full storage exactly as it was when a restore does not fit', async () => {
    const source = new MemoryStore(fc.sample(storeArb.filter((d) => Object.keys(d).length > 3), 1)[0]);
    const text = await new DataModel({ store: source, catalog, now, vault: memoryRoundVault() }).backupText();
    const target = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
    target.quotaBytes = 50;
    const { model, applied } = await restoreInto(target, text);
    expect(applied).toBe(false);
    expect(model.saveProblem.value).toBe('full');
    expect(target.snapshot()).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('erases everything but the schema version, the rounds\' private keys included', async () => {
    const store = new MemoryStore(fc.sample(storeArb, 1)[0]);
    const vault = memoryRoundVault();
    await startRound(store, vault, { name: 'Team', questionnaire, minGroup: 3 }, now());
    const model = new DataModel({ store, catalog, now, vault });
    await model.prepareErase();
    const step = model.erase.value;
    expect(step.kind === 'confirm' && step.counts.rounds).toBe(1);
    expect(await model.eraseEverything()).toBe(true);
    expect(model.erase.value).toEqual({ kind: 'erased' });
    expect(store.snapshot()).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(vault.keys.size + vault.stored.size).toBe(0);
  });
});

describe('sittings as CSV', () => {
  it('writes one row per sitting and dimension', () => {
    const sitting = fc.sample(sittingArb, 1)[0]!;
    const lines = sittingsCsv([sitting as any], [questionnaire]).trim().split('\r\n');
    expect(lines).toHaveLength(1 + questionnaire.dimensions.length);
    expect(lines[0]).toBe('sitting_id,completed_at,questionnaire_id,questionnaire_version,dimension_id,dimension_name,now,wanted,answered_items,items,not_applicable_items');
    expect(lines[1]!.startsWith(`${sitting.id},${sitting.completedAt},test-questionnaire,1,dim-1,Dimension 1,`)).toBe(true);
  });

  it('leaves the figures of a dimension without enough answers empty and counts its "does not apply" items', () => {
    const sitting = {
      schema: 1 as const, id: 's-1', questionnaire: { id: questionnaire.id, version: questionnaire.version }, startedAt: '2027-01-01T00:00:00.000Z', completedAt: '2027-01-01T00:10:00.000Z',
      language: 'en', answers: Object.fromEntries(questionnaire.items.filter((item) => item.dimension !== 'dim-1').map((item) => [item.id, 4])), wanted: {},
      wantedItems: {}, notApplicable: questionnaire.items.filter((item) => item.dimension === 'dim-1').map((item) => item.id),
    };
    const lines = sittingsCsv([sitting], [questionnaire]).trim().split('\r\n');
    expect(lines[1]!.endsWith(',dim-1,Dimension 1,,,0,3,3')).toBe(true);
    expect(lines[2]!.endsWith(',50.0,,3,3,0')).toBe(true);
  });

  it('quotes and defuses cells a spreadsheet would misread', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});

describe('the version a backup says its records are in', () => {
  it('stays at BACKUP_RECORDS_VERSION while every later storage step leaves the records, as a backup holds them, as they were', async () => {
    expect(BACKUP_RECORDS_VERSION).toBeLessThanOrEqual(SCHEMA_VERSION);
    const made = makeBackup({}, now());
    expect(made.schemaVersion).toBe(BACKUP_RECORDS_VERSION);
    // Each step after it, run on the stored data it starts from (a fixture of each schema,
    // as the store reads it): if a step changes what a backup would hold, older versions
    // could not read the records a backup made now holds, and BACKUP_RECORDS_VERSION must rise.
    for (let step = BACKUP_RECORDS_VERSION + 1; step <= SCHEMA_VERSION; step++) {
      const before = fromStoredItems(JSON.parse(readFileSync(`test/fixtures/storage/schema-v${step - 1}.json`, 'utf8')) as Record<string, unknown>);
      const { set, remove } = MIGRATIONS[step]!(before);
      const after = Object.fromEntries(Object.entries({ ...before, ...set }).filter(([key]) => !remove.includes(key)));
      expect(Object.keys(makeBackup(before, now()).records).length, `the fixture of schema ${step - 1} holds records`).toBeGreaterThan(3);
      expect(makeBackup(after, now()).records, `step ${step}`).toEqual(makeBackup(before, now()).records);
    }
  });

  it('is restored by a Shiftmeter that knows that version, and refused, saying to update, above what it knows', () => {
    const text = JSON.stringify({ ...makeBackup({}, now()), schemaVersion: BACKUP_RECORDS_VERSION });
    expect(parseBackup(text).ok).toBe(true);
    const newer = parseBackup(JSON.stringify({ ...makeBackup({}, now()), schemaVersion: SCHEMA_VERSION + 1 }));
    expect(newer.ok).toBe(false);
    expect(newer.ok ? [] : newer.problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      `schemaVersion: is ${SCHEMA_VERSION + 1}: this backup was made by a newer Shiftmeter (this one knows up to ${SCHEMA_VERSION}); update Shiftmeter to restore it`,
    ]);
  });
});
