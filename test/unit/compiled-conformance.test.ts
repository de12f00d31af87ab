import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformsByChecker, type RuleCheck } from '../../src/core/formats/check-shape';
import { conforms } from '../../src/core/formats/conforms';
import { RECORD_RULES } from '../../src/core/formats/record-rules';
import { compileConformance } from '../../src/core/formats/compiled-conformance';
import type { ShapeChecker } from '../../src/core/shape';
import { QuestionnaireFormat } from '../../src/core/questionnaire/format';
import { CoursePackFormat } from '../../src/core/pack/format';
import { PolicyFormat } from '../../src/core/policy/format';
import { BackupFormat } from '../../src/core/backup/backup-format';
import { ResponseFormat } from '../../src/core/round/response-format';
import { AddedRecordFormat } from '../../src/core/library/added-record';
import { AddedIndexFormat } from '../../src/core/library/added-index-format';
import { PolicySettingsFormat } from '../../src/core/policy/policy-settings';
import { ActionsFormat, DraftMetaFormat, NoteFormat, ReminderFormat, SettingsFormat, SittingFormat } from '../../src/core/storage/record-formats';
import { RoundFormat } from '../../src/core/round/round-record';
import { RoundActionsFormat } from '../../src/core/round/round-actions';
import { PackNoteFormat } from '../../src/core/pack/pack-records';
import { PackOrderFormat } from '../../src/core/pack/shown-order';
import { PackSittingLinkFormat } from '../../src/core/pack/pack-sitting';
import { fromStoredItems } from '../../src/core/storage/stored-form';
import { makeSittings } from '../../bench/seed';

/** Every record format `conforms` answers for from its compiled predicate (no rules of a caller's own). */
const FORMATS: Record<string, object> = {
  SittingFormat, NoteFormat, ReminderFormat, DraftMetaFormat, SettingsFormat, ActionsFormat, AddedRecordFormat, AddedIndexFormat,
  PolicySettingsFormat, RoundFormat, RoundActionsFormat, PackNoteFormat, PackOrderFormat, PackSittingLinkFormat,
};

/** File formats, checked by their validators with rules of their own: the compiled walk is compared on them with stand-in rules. */
const FILE_FORMATS: Record<string, object> = { QuestionnaireFormat, CoursePackFormat, PolicyFormat, BackupFormat, ResponseFormat };
const RULE_NAMES = ['dimension-reference', 'exercise-answer', 'languages', 'localized-text', 'positions', 'questionnaire', 'team-figures'];
/** Any rule will do where both walks get the same one: this one refuses null, booleans and empty arrays. */
const STAND_INS: Record<string, RuleCheck> = Object.fromEntries(RULE_NAMES.map((name) => [name, (value: unknown, at: string, _schema: unknown, check: ShapeChecker) => {
  if (value === null || typeof value === 'boolean' || (Array.isArray(value) && value.length === 0)) check.report(at, `refused by ${name}`);
}]));

/** Real records to start from: the storage fixtures of every schema version, and bench sittings of both questionnaire formats. */
function realRecords(): unknown[] {
  const read = (file: string) => JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Record<string, unknown>;
  const release = read('test/e2e/fixtures/storage-0.1.0.json').storage as Record<string, unknown>;
  const stores = [read('test/fixtures/storage/schema-v1.json'), read('test/fixtures/storage/schema-v2.json'), release];
  const files = readdirSync(path.resolve('questionnaires')).filter((name) => name.endsWith('.json') && !name.includes('schema') && name !== 'lock.json');
  return [
    ...stores.flatMap((store) => Object.values(fromStoredItems(store))),
    ...makeSittings(5),
    ...files.map((name) => read(path.join('questionnaires', name))),
    read('questionnaires/earlier/production-service.v1.json'),
  ];
}

const outcome = (run: () => boolean) => {
  try {
    return run();
  } catch {
    return 'throws';
  }
};
const verdict = (definition: object, value: unknown) => outcome(() => conformsByChecker(definition, value));
const compiledVerdict = (definition: object, value: unknown) => outcome(() => conforms(definition, value));
const compiledFiles = Object.fromEntries(Object.entries(FILE_FORMATS).map(([name, definition]) => [name, compileConformance(definition, (check) => ({ ...RECORD_RULES(check), ...STAND_INS }))]));
/** Both walks of a file format, with the same rules. */
function fileVerdicts(value: unknown): [string, unknown, unknown][] {
  return Object.keys(FILE_FORMATS).map((name) => [name, outcome(() => compiledFiles[name]!(value)), outcome(() => conformsByChecker(FILE_FORMATS[name]!, value, STAND_INS))]);
}

type Json = unknown;
/** One change somewhere in a record: a field dropped, added or replaced, at any depth. */
function mutate(value: Json, random: () => number, replacement: Json): Json {
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.2) return [...value, replacement];
    const at = Math.floor(random() * value.length);
    return value.map((entry, i) => (i === at ? (random() < 0.3 ? replacement : mutate(entry, random, replacement)) : entry));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const roll = random();
    if (keys.length === 0 || roll < 0.15) return { ...value, [`extra${Math.floor(random() * 3)}`]: replacement };
    const key = keys[Math.floor(random() * keys.length)]!;
    if (roll < 0.3) {
      const { [key]: _dropped, ...rest } = value as Record<string, Json>;
      return rest;
    }
    const entry = (value as Record<string, Json>)[key];
    return { ...value, [key]: roll < 0.55 ? replacement : mutate(entry, random, replacement) };
  }
  return replacement;
}

/** Values of the kinds a damaged or hostile record might hold where a field was: near the limits of the formats' rules. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('', ' ', 'x'.repeat(200), '2026-13-40T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'production-service', 'Ä', '\u{1F600}', 'now', 'from', 'to'),
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, -0, Number.MAX_SAFE_INTEGER, 1e21, null, true, [], {}),
);

/** Every place in a value: the path of keys to each field and element, the value itself first. */
function placesIn(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(value) ? value.flatMap((entry, i) => placesIn(entry, [...at, i]))
    : value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, entry]) => placesIn(entry, [...at, key])) : [];
  return [at, ...inner];
}

/** The value with the field at `at` changed by `change` (which returns undefined to drop it, or a [key, value] to rename it). */
function changedAt(value: Json, at: readonly (string | number)[], change: (key: string | number, old: Json) => Json | undefined | { rename: string }): Json {
  const [head, ...rest] = at;
  if (head === undefined) return value;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length > 0) copy[head as number] = changedAt(copy[head as number], rest, change);
    else {
      const next = change(head, copy[head as number]);
      if (next === undefined) copy.splice(head as number, 1);
      else if (!(next !== null && typeof next === 'object' && 'rename' in next)) copy[head as number] = next;
    }
    return copy;
  }
  const record = value as Record<string, Json>;
  if (rest.length > 0) return { ...record, [head]: changedAt(record[head], rest, change) };
  const next = change(head, record[head]);
  const { [head]: old, ...others } = record;
  if (next === undefined) return others;
  if (next !== null && typeof next === 'object' && 'rename' in next) return { ...others, [(next as { rename: string }).rename]: old };
  return { ...record, [head]: next };
}

/** Values that sit on the edges of the formats' rules. */
const EDGES: Json[] = ['', '  ', 'x'.repeat(300), 'Bad Key!', '2026-02-30T00:00:00.000Z', 0, -1, 8, 1.5, null, true, [], {}];

describe('compiled record checks', () => {
  const records = realRecords();

  it('agree with the checker when any one field of a real record is replaced by an edge value, dropped or renamed', () => {
    let compared = 0;
    let accepted = 0;
    // Two records of each kind (by the formats they are one of): enough to reach every rule, in a few seconds.
    const perKind = new Map<string, number>();
    const sample = records.filter((record) => {
      const kind = [...Object.entries(FORMATS).filter(([, d]) => verdict(d, record) === true).map(([n]) => n), ...fileVerdicts(record).filter(([, , c]) => c === true).map(([n]) => n)].join() || JSON.stringify(record).slice(0, 12);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      return perKind.get(kind)! <= 2;
    });
    for (const record of sample) {
      // The formats this record is one of: changes to it probe each rule of those formats.
      const own = [
        ...Object.entries(FORMATS).filter(([, definition]) => verdict(definition, record) === true).map(([name, definition]) => [name, (v: unknown) => compiledVerdict(definition, v), (v: unknown) => verdict(definition, v)] as const),
        ...Object.keys(FILE_FORMATS).filter((name) => fileVerdicts(record).some(([n, , checked]) => n === name && checked === true)).map((name) => [name, (v: unknown) => outcome(() => compiledFiles[name]!(v)), (v: unknown) => outcome(() => conformsByChecker(FILE_FORMATS[name]!, v, STAND_INS))] as const),
      ];
      const places = placesIn(record).filter((at) => at.length > 0);
      // Large files (questionnaires): about 60 places spread over the file, which still reach each kind of field.
      const step = Math.max(1, Math.ceil(places.length / 60));
      for (let p = 0; p < places.length; p += step) {
        const at = places[p]!;
        const variants = [...EDGES.map((edge) => changedAt(record, at, () => edge)), changedAt(record, at, () => undefined), changedAt(record, at, () => ({ rename: 'Bad Key!' })), changedAt(record, at, () => ({ rename: 'zz-new' }))];
        for (const variant of variants) {
          for (const [name, compiled, checked] of own) {
            const expected = checked(variant);
            expect(compiled(variant), `${name} at ${at.join('.')}: ${JSON.stringify(variant).slice(0, 120)}`).toBe(expected);
            compared++;
            if (expected === true) accepted++;
          }
        }
      }
    }
    // Both verdicts occur many times over: the comparison is of acceptances and refusals alike.
    expect(compared).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(500);
    expect(compared - accepted).toBeGreaterThan(500);
  }, 120_000);

  it('agree with the checker on every real record, for every record format', () => {
    for (const [name, definition] of Object.entries(FORMATS)) {
      for (const record of records) expect(compiledVerdict(definition, record), `${name}: ${JSON.stringify(record).slice(0, 200)}`).toBe(verdict(definition, record));
    }
    for (const record of records) for (const [name, compiled, checked] of fileVerdicts(record)) expect(compiled, name).toBe(checked);
    // Real records pass: the comparison is not only of refusals.
    expect(records.filter((record) => conforms(SittingFormat, record)).length).toBeGreaterThanOrEqual(5);
    expect(records.filter((record) => compiledFiles.QuestionnaireFormat!(record)).length).toBeGreaterThanOrEqual(6);
    expect(records.filter((record) => compiledFiles.CoursePackFormat!(record)).length).toBeGreaterThanOrEqual(3);
  });

  it('agree with the checker on real records changed in one place (fast-check prints the seed of a disagreement)', () => {
    fc.assert(
      fc.property(fc.nat(records.length - 1), fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), replacement, fc.nat(3), (index, stream, value, changes) => {
        const iterator = stream[Symbol.iterator]();
        const random = () => iterator.next().value as number;
        let record: Json = records[index];
        for (let i = 0; i <= changes; i++) record = mutate(record, random, value);
        for (const [name, definition] of Object.entries(FORMATS)) expect(compiledVerdict(definition, record), name).toBe(verdict(definition, record));
        for (const [name, compiled, checked] of fileVerdicts(record)) expect(compiled, name).toBe(checked);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree with the checker on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        for (const [name, definition] of Object.entries(FORMATS)) expect(compiledVerdict(definition, value), name).toBe(verdict(definition, value));
        for (const [name, compiled, checked] of fileVerdicts(value)) expect(compiled, name).toBe(checked);
      }),
      { numRuns: 1000 },
    );
  });
});
