import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/core/backup/backup';
import { checkShape } from '../../src/core/formats/check-shape';
import { PositionMap } from '../../src/core/formats/common';
import { validateCoursePack } from '../../src/core/pack/validate-pack';
import {
  CONSTANT_REASONS, describeProblem, ENTRY_NOUNS, JSON_EXPECTED, JSON_FOUND, PATTERN_NAMES, TYPE_NAMES, VALUE_KINDS,
  type Problem, type ProblemCode, type ProblemParamsOf,
} from '../../src/core/problems';
import { validateQuestionnaire } from '../../src/core/questionnaire/validate';
import { invitationOf } from '../../src/core/round/round-record';
import { checkAgainst, makeResponse, parseResponse } from '../../src/core/round/response';
import { checkOpened, sealResponse } from '../../src/core/round/sealing';
import { readPolicy } from '../../src/core/policy/read-policy';
import { addToLibrary } from '../../src/ui/library/library-model';
import { syncPolicy } from '../../src/ui/policy/policy-sync';
import { catalogOf } from '../helpers/model-fixtures';
import { parseJsonSafely } from '../../src/core/safe-json';
import { ShapeChecker } from '../../src/core/shape';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { da } from '../../src/ui/i18n/da';
import { daDashboard } from '../../src/ui/i18n/da-dashboard';
import { en } from '../../src/ui/i18n/en';
import { enDashboard, type MessageKey } from '../../src/ui/i18n/en-dashboard';
import { interpolate } from '../../src/ui/i18n/interpolate';
import { sv } from '../../src/ui/i18n/sv';
import { svDashboard } from '../../src/ui/i18n/sv-dashboard';
import type { Translate } from '../../src/ui/i18n/translator';
import { describeProblemIn } from '../../src/ui/problem-words';
import { importCodes, startRound } from '../../src/ui/team/team-store';
import { FIELD_NAMES, mutate, pathsOf, REPLACEMENTS, type Json, type Mutation } from '../helpers/json-mutants';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';

const LANGUAGES = {
  en: { ...en, ...enDashboard },
  sv: { ...sv, ...svDashboard },
  da: { ...da, ...daDashboard },
} as const satisfies Record<string, Readonly<Record<MessageKey, string>>>;
type Language = keyof typeof LANGUAGES;

/** The dashboard's translate function, without falling back to English: a missing text fails the test. */
function translator(language: Language): Translate {
  const messages: Readonly<Record<string, string>> = LANGUAGES[language];
  return (key, params) => {
    const template = messages[key];
    if (template === undefined) throw new Error(`${language} has no message ${key}`);
    return interpolate(template, params, language);
  };
}

/** Params for every code (the type makes the compiler insist on each), with found values of each kind. */
const SAMPLES: { readonly [C in ProblemCode]: readonly ProblemParamsOf[C][] } = {
  'missing': [{}],
  'unknown-field': [{ fields: 'kind, id' }],
  'identifying-field': [{ fields: 'format, answers' }],
  'expected-type': [
    ...VALUE_KINDS.map((found) => ({ types: 'object', found, value: '"x"' })),
    ...TYPE_NAMES.map((types) => ({ types, found: 'null' as const, value: 'null' })),
    { types: 'string|object', found: 'number', value: '3' },
    { types: 'string|object|array', found: 'boolean', value: 'true' },
  ],
  'expected-boolean': [{}],
  'too-few': [{ count: 1, min: 3 }, { count: 2, min: 3 }],
  'too-many': [{ count: 21, max: 20 }],
  'empty': [{}],
  'too-long': [{ length: 201, max: 200 }],
  'pattern': PATTERN_NAMES.map((pattern) => ({ value: '"A b"', pattern })),
  'pattern-regex': [{ value: '"A b"', regex: '^[a-z]+$' }],
  'out-of-range': [{ value: 9, min: 1, max: 7 }],
  'not-constant': VALUE_KINDS.map((actual) => ({ actual, value: '2', expected: '1' })),
  'not-constant-because': CONSTANT_REASONS.map((reason) => ({ actual: 'number' as const, value: '2', expected: '1', reason })),
  'not-one-of': [{ actual: 'string', value: '"left"', allowed: '"from", "to"' }, { actual: 'array', value: '', allowed: '"from", "to"' }],
  'bad-key': PATTERN_NAMES.map((pattern) => ({ key: '"Big-One"', pattern })),
  'bad-key-regex': [{ key: '"Big-One"', regex: '^[a-z]+$' }],
  'not-a-date': [{}],
  'not-a-questionnaire': VALUE_KINDS.map((found) => ({ found, value: '"x"' })),
  'needs-format-2': [{}],
  'continues-from-not-earlier': [{ latest: 1 }],
  'duplicate-axis-id': [{ id: '"direction"', first: 'axes[0]' }],
  'unknown-axis': [{ axis: '"depth"', known: '"direction", "certainty"' }],
  'axis-needed': [{}],
  'axis-without-axes': [{}],
  'axis-too-few-dimensions': [{ axis: '"direction"', count: 1, min: 2 }],
  'unknown-dimension': [{ dimension: '"nowhere"', known: '"dim-1", "dim-2"' }],
  'unknown-dimension-none-defined': [{ dimension: '"nowhere"' }],
  'too-few-items': [{ dimension: '"dim-1"', count: 1, min: 3 }, { dimension: '"dim-1"', count: 2, min: 3 }],
  'sides-not-alternating': [{ dimension: '"dim-1"', from: 1, to: 3 }, { dimension: '"dim-1"', from: 3, to: 1 }],
  'duplicate-item-id': [{ id: '"dim-1-1"', first: 'items[0]' }],
  'duplicate-dimension-id': [{ id: '"dim-1"', first: 'dimensions[0]' }],
  'language-twice': [{ language: '"sv"' }],
  'no-english': [{}],
  'duplicate-pack-id': [{ id: '"ex-1"', first: 'exercises[0].id' }],
  'one-pole-only': [{}],
  'best-count': [{ count: 0 }, { count: 1 }, { count: 2 }],
  'not-a-response': [{ found: 'array', value: '' }],
  'too-few-entries': ENTRY_NOUNS.flatMap((noun) => [{ min: 1, noun }, { min: 2, noun }]),
  'key-not-id': [{ key: '"__proto__"', pattern: 'id' }],
  'no-such-item': [{ questionnaire: 'test-questionnaire', version: 1 }],
  'no-such-dimension': [{ questionnaire: 'test-questionnaire', version: 1 }],
  'not-utf8': [{}],
  'counts-in-no-figure': [{}],
  'not-a-backup': [{}],
  'missing-or-not-whole-number': [{}],
  'backup-too-new': [{ version: 9, known: 2 }],
  'missing-or-not-date': [{}],
  'missing-or-not-object': [{}],
  'unknown-record-kind': [{}],
  'damaged-record': [{}],
  'too-large': [{ size: '1 MB' }],
  'empty-file': [{}],
  'too-deep': [{ max: 32, line: 3 }],
  'json-syntax': JSON_FOUND.flatMap((jsonFound) => JSON_EXPECTED.map((jsonExpected) => ({ line: 4, column: 3, jsonFound, text: '"x"', jsonExpected, close: '}' }))),
  'json-invalid': [{ detail: 'Unexpected token' }],
  'not-a-policy': VALUE_KINDS.map((found) => ({ found, value: '"x"' })),
  'not-a-policy-setting': [{ known: 'preinstalledQuestionnaires, defaultLanguage' }],
  'policy-too-many-questionnaires': [{ count: 51, max: 50 }],
  'policy-questionnaires-too-large': [{ size: '4 MB', count: 1 }, { size: '4 MB', count: 3 }],
  'policy-questionnaire-refused': [{ count: 1 }, { count: 2 }],
  'policy-questionnaire-twice': [{ id: '"our-check"', version: 2, first: 'preinstalledQuestionnaires[0]' }],
  'policy-unreadable': [{}],
  'policy-questionnaire-shipped-id': [{ id: '"production-service"' }],
  'policy-questionnaire-other-content': [{ id: '"our-check"', version: 2 }],
};
const CODES = Object.keys(SAMPLES) as ProblemCode[];

function sampleProblem(code: ProblemCode, params: object): Problem {
  return Object.defineProperties({ path: 'items[4].left', message: '(English)' }, { code: { value: code }, params: { value: params } });
}

/** A placeholder left as it was, or a key of a message that was not found. */
const UNFILLED = /\{\w+(, plural,[^}]*)?\}|\bproblem\.|#/;

describe('every validator message in every interface language', () => {
  it.each(CODES)('%s has a message in en, sv and da, and sv and da are translated', (code) => {
    const key = `problem.${code}` as const;
    for (const language of Object.keys(LANGUAGES) as Language[]) expect(LANGUAGES[language][key], `${language} ${key}`).toMatch(/\S/);
    expect(svDashboard[key]).not.toBe(enDashboard[key]);
    expect(daDashboard[key]).not.toBe(enDashboard[key]);
  });

  it.each(CODES)('%s renders fully with its sample params, keeping the path and the values', (code) => {
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      for (const params of SAMPLES[code]) {
        const text = describeProblemIn(translator(language), sampleProblem(code, params));
        expect(text, `${language} ${code} ${JSON.stringify(params)}`).not.toMatch(UNFILLED);
        expect(text.startsWith('items[4].left: ')).toBe(true);
        for (const name of ['value', 'key', 'id', 'dimension', 'fields', 'allowed', 'known', 'first', 'language', 'expected', 'regex', 'size', 'detail'] as const) {
          const value = (params as Record<string, unknown>)[name];
          if (typeof value === 'string' && value !== '' && !('found' in params || 'actual' in params)) expect(text, `${language} ${code} keeps ${name}`).toContain(value);
        }
      }
    }
  });

  it('has the words around the values in every language: kinds of values, types, patterns, reasons, nouns and JSON', () => {
    const keys: MessageKey[] = [
      ...VALUE_KINDS.flatMap((kind) => [`problem.found.${kind}`, `problem.actual.${kind}`] as const),
      ...TYPE_NAMES.map((type) => `problem.type.${type}` as const),
      ...PATTERN_NAMES.map((pattern) => `problem.pattern.${pattern}` as const),
      ...CONSTANT_REASONS.map((reason) => `problem.reason.${reason}` as const),
      ...ENTRY_NOUNS.map((noun) => `problem.noun.${noun}` as const),
      ...JSON_FOUND.map((found) => `problem.jsonFound.${found}` as const),
      ...JSON_EXPECTED.map((expected) => `problem.jsonExpected.${expected}` as const),
      'problem.typeOr',
    ];
    for (const key of keys) for (const language of Object.keys(LANGUAGES) as Language[]) expect(LANGUAGES[language][key], `${language} ${key}`).toMatch(/\S/);
  });

  it('words a problem in Swedish and Danish, with the path, ids and values as the file has them', () => {
    const version = validateQuestionnaire({ ...makeQuestionnaire(), version: '2' });
    const left = validateQuestionnaire(((q) => (delete (q.items[4]!.left as Record<string, string>).sv, q))(structuredClone(makeQuestionnaire()) as ReturnType<typeof makeQuestionnaire>));
    const few = validateQuestionnaire({ ...makeQuestionnaire(), items: makeQuestionnaire().items.slice(1) });
    const problems = [version, left, few].flatMap((result) => (result.ok ? [] : result.problems));
    expect(problems.map((problem) => describeProblemIn(translator('sv'), problem))).toEqual([
      'version: ska vara ett heltal, men är texten "2"',
      'items[4].left.sv: saknas; fältet är obligatoriskt',
      'dimensions[0]: dimensionen "dim-1" har 2 påståendepar; minst 3 krävs för att poängen ska bli tillförlitlig',
    ]);
    expect(problems.map((problem) => describeProblemIn(translator('da'), problem))).toEqual([
      'version: skal være et heltal, men er teksten "2"',
      'items[4].left.sv: mangler; feltet er obligatorisk',
      'dimensions[0]: dimensionen "dim-1" har 2 udsagnspar; der skal være mindst 3, for at scoren er pålidelig',
    ]);
  });

  it('keeps the English message of a problem that has no structured form', () => {
    const plain: Problem = { path: 'kind', message: 'is missing; expected one of "questionnaire", "course-pack"' };
    expect(describeProblemIn(translator('sv'), plain)).toBe('kind: is missing; expected one of "questionnaire", "course-pack"');
  });
});

/** Each of a value's places damaged in the ways an author does. */
function* mutants(valid: Json, replacements: readonly Json[] = REPLACEMENTS, fieldNames: readonly string[] = FIELD_NAMES): Generator<Json> {
  for (const path of pathsOf(valid)) {
    const mutations: Mutation[] = [
      { kind: 'delete' },
      ...replacements.map((value) => ({ kind: 'replace' as const, value })),
      ...fieldNames.map((key) => ({ kind: 'add-field' as const, key, value: 1 })),
      { kind: 'duplicate-entry' },
      { kind: 'repeat-string', char: 'x', length: 1001 },
      { kind: 'copy-string', from: path.length },
    ];
    for (const mutation of mutations) yield mutate(structuredClone(valid), path, mutation);
  }
}

describe('the English wording of the structured form is the message', () => {
  const seen = new Set<ProblemCode>();
  let compared = 0;
  const checkAll = (problems: readonly Problem[]) => {
    const english = translator('en');
    for (const problem of problems) {
      if (problem.code === undefined) continue;
      seen.add(problem.code);
      compared++;
      expect(describeProblemIn(english, problem), JSON.stringify(problem.params)).toBe(describeProblem(problem));
    }
  };
  const problemsOf = (result: { ok: true } | { ok: false; problems: readonly Problem[] }) => (result.ok ? [] : result.problems);

  it('for every problem in the questionnaire fixture, damaged at each place', () => {
    for (const mutant of mutants(makeQuestionnaire() as unknown as Json)) checkAll(problemsOf(validateQuestionnaire(mutant)));
    checkAll(problemsOf(validateQuestionnaire({ ...makeQuestionnaire(), languages: Array.from({ length: 21 }, (_, i) => `l${String.fromCharCode(97 + i)}`) })));
    // Format 2: a profile damaged at each place, and what only a file of format 1 or without axes can say.
    const profile = makeProfileQuestionnaire() as unknown as Json;
    for (const mutant of mutants(profile, [null, 'x', 2, []], ['extra'])) checkAll(problemsOf(validateQuestionnaire(mutant)));
    const asFormat1 = { ...(profile as Record<string, Json>), formatVersion: 1 };
    const { axes: _axes, ...withoutAxes } = profile as Record<string, Json>;
    checkAll(problemsOf(validateQuestionnaire(asFormat1)));
    checkAll(problemsOf(validateQuestionnaire(withoutAxes)));
   }, 60_000);

  it('for every problem in a shipped course pack and a pack with its own questionnaire, damaged at each place', () => {
    const shipped = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as Json;
    const few: Json[] = [null, 'x', [], 'from'];
    for (const mutant of mutants(shipped, few, ['extra'])) checkAll(problemsOf(validateCoursePack(mutant)));
    const own = { ...(shipped as Record<string, Json>), questionnaire: makeQuestionnaire(2, 3) as unknown as Json };
    for (const mutant of mutants(own.questionnaire, [null, 'x', 1.5, [], ''], ['extra'])) checkAll(problemsOf(validateCoursePack({ ...own, questionnaire: mutant })));
    for (const questionnaire of [5, [], 'Not An Id']) checkAll(problemsOf(validateCoursePack({ ...own, questionnaire })));
    const sorted = structuredClone(shipped) as { exercises: { kind: string; statements?: { pole: string }[] }[] };
    for (const statement of sorted.exercises.find((exercise) => exercise.kind === 'sort')!.statements!) statement.pole = 'from';
    checkAll(problemsOf(validateCoursePack(sorted)));
  }, 60_000);

  it('for every problem in an anonymised response, damaged at each place, and against its questionnaire', () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const valid = makeResponse({ questionnaire, round: 'round-1', response: 'resp-1', answers: { 'dim-1-1': 3 }, wanted: { 'dim-1': 2 } }) as unknown as Json;
    for (const mutant of mutants(valid)) checkAll(problemsOf(parseResponse(JSON.stringify(mutant))));
    checkAll(problemsOf(parseResponse('[]')));
    checkAll(problemsOf(parseResponse(JSON.stringify({ ...(valid as object), answers: {}, name: 'Eva', wanted: { constructor: 3 } }))));
    const other = { ...(valid as Record<string, Json>), answers: { 'dim-9-9': 2 }, wanted: { 'dim-9': 2 } };
    const parsed = parseResponse(JSON.stringify(other));
    if (!parsed.ok) throw new Error('the response should be valid');
    checkAll(checkAgainst(parsed.value, questionnaire));
    checkAll(checkAgainst({ ...parsed.value, questionnaire: { id: questionnaire.id, version: 2 } }, questionnaire));
    checkAll(checkAgainst({ ...parsed.value, questionnaire: { id: 'another', version: 1 } }, questionnaire));
  });

  it('for a sealed code that is not UTF-8, and one that counts in no figure', async () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const opened = checkOpened(new Uint8Array([0xff, 0xfe]).buffer, 'round-1', questionnaire);
    if (opened.ok || opened.problem.kind !== 'invalid') throw new Error('bytes that are not UTF-8 should be refused as invalid');
    checkAll([opened.problem.problem]);
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const round = await startRound(store, vault, { name: 'Words', questionnaire, minGroup: 3 }, new Date());
    const code = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'one-answer', answers: { 'dim-1-1': 3 }, wanted: {} }), invitationOf(round));
    const report = await importCodes(store, vault, round.id, questionnaire, [{ source: 'code 1', text: code }]);
    const entry = report.entries[0]!;
    if (entry.status !== 'refused' || entry.problem.kind !== 'invalid') throw new Error('a code that counts in no figure should be refused');
    checkAll([entry.problem.problem]);
  });

  it('for every problem of a backup', () => {
    const valid = { format: 'shiftmeter-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION, exportedAt: '2026-01-01T00:00:00.000Z', records: {} };
    const texts = [
      { format: 'other' }, { ...valid, formatVersion: 2 }, { ...valid, formatVersion: 'one' }, { ...valid, formatVersion: [1] }, { ...valid, formatVersion: undefined },
      { ...valid, schemaVersion: 1.5 }, { ...valid, schemaVersion: SCHEMA_VERSION + 1 }, { ...valid, exportedAt: 'yesterday' }, { ...valid, records: [] },
      { ...valid, records: { 'sitting:x': { schema: 1 }, 'mystery:y': 1 } },
    ];
    for (const text of texts) checkAll(problemsOf(parseBackup(JSON.stringify(text))));
  });

  it('for every problem of JSON text', () => {
    const texts = [
      '', ' \n', '{\n  "a": 1,\n}', '[1, 2,]', "{'a': 1}", '{"a": 1 // note\n}', '{"a": True}', '{"a": "two\nlines"}', '{"a": 1} {}', '{"a": [1, 2}',
      '{"a": "\\x"}', '{"a": 1', '{"a" 1}', '{"a": "\\u12"}', '{"a": -}', '{"a": "x', '{\n  "kind": "questionnaire",\n  "id": "x"\n  "version": 1\n}', '\u0001', '{"a": 1, ]', '[1 2]', '{"a": 1 "b": 2}', '@',
      `${'['.repeat(40)}${']'.repeat(40)}`,
    ];
    for (const text of texts) checkAll(problemsOf(parseJsonSafely(text)));
    checkAll(problemsOf(parseJsonSafely(`"${'x'.repeat(2000)}"`, { maxBytes: 1000, maxDepth: 8 })));
  });

  it('for every problem of an organisation policy', () => {
    const questionnaire = JSON.stringify(makeQuestionnaire(1, 3));
    const policies: unknown[] = [
      [], 'policy', 3,
      { colour: 'blue', 'odd key': 1, defaultLanguage: 'fi', minimumGroupFloor: 2, allowAddingQuestionnaires: 'no', reminderCadences: { 'Not-An-Id': 'monthly', fine: 'weekly' } },
      { defaultLanguage: 3, minimumGroupFloor: 4.5, reminderCadences: [], preinstalledQuestionnaires: 'one' },
      { reminderCadences: Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`q-${i}`, 'monthly'])) },
      { preinstalledQuestionnaires: [questionnaire, questionnaire, 5, '', '{"kind": "questionnaire"', '[]', JSON.stringify({ ...makeQuestionnaire(1, 3), id: 'Bad Id' })] },
      { preinstalledQuestionnaires: Array.from({ length: 51 }, () => questionnaire) },
      { preinstalledQuestionnaires: [questionnaire, `${questionnaire}${' '.repeat(600_000)}`, ...Array.from({ length: 9 }, () => `${' '.repeat(500_000)}${questionnaire}`)] },
      Object.defineProperty({}, 'defaultLanguage', { enumerable: true, get: () => { throw new Error('no'); } }),
    ];
    for (const policy of policies) checkAll(readPolicy(policy).problems);
  });

  it('for every problem of applying a policy in this browser (a shipped id; other content under an id and version here)', async () => {
    const store = new MemoryStore();
    const mine = { ...makeQuestionnaire(1, 3), id: 'agency-model' };
    await addToLibrary({ store, catalog: catalogOf(), now: () => new Date('2026-12-02T10:00:00.000Z') }, mine, 'file');
    const { problems } = await syncPolicy(store, { shippedIds: new Set(['production-service']), ids: [] }, {
      preinstalledQuestionnaires: [JSON.stringify({ ...mine, id: 'production-service' }), JSON.stringify({ ...mine, title: { en: 'Other', sv: 'Annan', da: 'Anden' } })],
    }, new Date('2026-12-02T10:00:00.000Z'));
    expect(problems).toHaveLength(2);
    checkAll(problems);
  });

  it('for the checks no shipped format reaches: a pattern without words, a key of no pattern, a date', () => {
    const check = new ShapeChecker();
    checkShape(check, { type: 'string', pattern: '^[a-z]+$' }, 'A b', 'name');
    checkShape(check, { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'integer' } }, { 'Big-One': 1 }, 'map');
    checkShape(check, { type: 'boolean' }, 'yes', 'flag');
    checkShape(check, { anyOf: [{ type: 'string' }, { type: 'object', properties: {} }] }, 3, 'either');
    checkShape(check, PositionMap, { 'Big-One': 1 }, 'answers');
    check.problem('completedAt', 'not-a-date', {});
    checkAll(check.problems);
  });

  it('covers every code but the one no input reaches (the JSON scanner and the engine disagreeing)', () => {
    expect(CODES.filter((code) => !seen.has(code))).toEqual(['json-invalid']);
    expect(compared).toBeGreaterThan(5000);
  });
});
