import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCoursePack } from '../../src/core/pack/validate-pack';
import { describeProblem, type Problem } from '../../src/core/problems';
import { describePath, mutate, mutationArbitrary, pathsOf, singleMutations, type Json, type JsonPath } from '../helpers/json-mutants';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

// questionnaires/course-pack.schema.json and validateCoursePack both come from one
// definition (src/core/pack/format.ts). This differential test holds the generated
// schema and the validator to each other on damaged packs: the validator may refuse
// more than the schema, but only for the rules across fields the schema states in
// prose, and it never accepts what the schema refuses.

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
// The pack schema refers to "./schema.json", which resolves beside it, where an editor finds it.
ajv.addSchema({ ...read('questionnaires/schema.json'), $id: 'https://shiftmeter.invalid/schema/schema.json' });
const schemaAccepts = ajv.compile(read('questionnaires/course-pack.schema.json'));

const SHIPPED = ['pack-cafe', 'pack-asymmetries', 'pack-tax-agency'].map((id) => ({ name: id, value: read(`questionnaires/${id}.json`) as Json }));
/** A small pack: English only, one exercise of each kind, and a whole questionnaire inside. */
function smallPack(): Json {
  const pack = read('questionnaires/pack-cafe.json');
  const englishOnly = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(englishOnly);
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && Object.keys(record).every((key) => /^[a-z]{2,3}$/.test(key))) return { en: record.en };
    return Object.fromEntries(Object.entries(record).map(([key, entry]) => [key, englishOnly(entry)]));
  };
  const small = englishOnly(pack) as Record<string, any>;
  small.languages = ['en'];
  small.exercises = ['sort', 'choose', 'place'].map((kind) => small.exercises.find((e: { kind: string }) => e.kind === kind));
  small.exercises[0].statements = small.exercises[0].statements.slice(0, 4);
  small.questionnaire = makeQuestionnaire(1, 3);
  return small as Json;
}
const BASES = [{ name: 'small pack', value: smallPack() }, ...SHIPPED];

/** Problems only the validator can find: rules across fields, which the schema states in prose. */
function isCrossFieldRule(problem: Problem): boolean {
  const last = problem.path.split('.').pop() ?? '';
  // A field named like a language code ("id" is Indonesian) is, inside a text, a text in an undeclared language.
  const textInUndeclaredOrMissingLanguage = /^[a-z]{2,3}$/.test(last)
    && /^(is missing; this field is required|is not a known field)/.test(problem.message);
  return textInUndeclaredOrMissingLanguage
    || /is used twice; (expected ids unique in the pack|(item|dimension) ids must be unique)/.test(problem.message)
    || /all belong to one pole/.test(problem.message)
    || /expected exactly one with "best": true/.test(problem.message)
    || /which this file does not define/.test(problem.message)
    || /so that its score is reliable/.test(problem.message)
    || /expected the sides to alternate/.test(problem.message);
}

function expectAgreement(mutant: Json, what: string): void {
  const checked = validateCoursePack(mutant);
  const bySchema = schemaAccepts(mutant);
  if (checked.ok && !bySchema) throw new Error(`${what}: the validator accepts what the schema refuses (${ajv.errorsText(schemaAccepts.errors)})`);
  if (!checked.ok && bySchema) {
    const unexplained = checked.problems.filter((problem) => !isCrossFieldRule(problem));
    if (unexplained.length > 0) throw new Error(`${what}: the schema accepts what the validator refuses for a rule the schema could state: ${unexplained.map(describeProblem).join(' | ')}`);
  }
}

describe('questionnaires/course-pack.schema.json against validateCoursePack', () => {
  it('both accept every shipped pack and the small pack', () => {
    for (const { name, value } of BASES) {
      expect(validateCoursePack(value).ok, name).toBe(true);
      expect(schemaAccepts(value), `${name}: ${ajv.errorsText(schemaAccepts.errors)}`).toBe(true);
    }
  });

  it('agree on every single mutation at every place of the small pack, apart from the rules across fields', () => {
    const base = BASES[0]!.value;
    const mutations = singleMutations(['a', ' ']);
    let checked = 0;
    for (const path of pathsOf(base)) {
      for (const mutation of mutations) {
        expectAgreement(mutate(structuredClone(base), path, mutation), `${JSON.stringify(mutation)} at ${describePath(path)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  }, 60_000);

  it('agree on random series of mutations of the shipped packs and the small pack, apart from the rules across fields', () => {
    const mutation = mutationArbitrary;
    fc.assert(fc.property(
      fc.nat(BASES.length - 1),
      fc.array(fc.record({ at: fc.nat(), mutation }), { minLength: 1, maxLength: 4 }),
      (baseIndex, steps) => {
        const base = BASES[baseIndex]!;
        let mutant = structuredClone(base.value);
        const done: string[] = [];
        for (const { at, mutation: step } of steps) {
          const paths: JsonPath[] = pathsOf(mutant);
          const path = paths[at % paths.length]!;
          mutant = mutate(mutant, path, step);
          done.push(`${JSON.stringify(step).slice(0, 80)} at ${describePath(path)}`);
        }
        expectAgreement(mutant, `${base.name}: ${done.join('; ')}`);
      },
    ), { numRuns: 800 });
  }, 60_000);
});
