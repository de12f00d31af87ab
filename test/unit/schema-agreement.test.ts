import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblem, type Problem } from '../../src/core/problems';
import { ID_PATTERN, LANGUAGE_PATTERN, TEXT_LIMITS } from '../../src/core/questionnaire/types';
import { LIMITS, validateQuestionnaire } from '../../src/core/questionnaire/validate';
import {
  describePath, mutate, mutationArbitrary, pathsOf, singleMutations, type Json, type JsonPath,
} from '../helpers/json-mutants';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';
import { readSchema, shippedQuestionnaireFiles } from '../helpers/shipped-files';

// questionnaires/schema.json (for authors' editors) and validateQuestionnaire (for
// everything else) describe one format. The validator may be stricter, since it also
// checks rules across fields that JSON Schema cannot express, but never looser; and
// where it is stricter, it must be for one of those rules and nothing else.

const schema = readSchema();
const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaAccepts = ajv.compile(schema);

const BASES: { name: string; value: Json }[] = [
  { name: 'fixture', value: makeQuestionnaire() as unknown as Json },
  { name: 'fixture with $schema', value: { $schema: './schema.json', ...(makeQuestionnaire(1, 4) as unknown as Record<string, Json>) } },
  ...shippedQuestionnaireFiles().map(({ name, text }) => ({ name, value: JSON.parse(text) as Json })),
  { name: 'profile of format 2', value: makeProfileQuestionnaire() as unknown as Json },
];

/** Problems only the validator can find: rules across fields, which the schema states in prose. */
function isCrossFieldRule(problem: Problem): boolean {
  const textInUndeclaredOrMissingLanguage = /(^title|^description|^poles\.(from|to)|\]\.(name|from|to|theory|left|right|reflection\.(singleLoop|doubleLoop)))\.[a-z]{2,3}$/.test(problem.path)
    && /^(is missing; this field is required|is not a known field)/.test(problem.message);
  return textInUndeclaredOrMissingLanguage
    || /is used twice; (item|dimension) ids must be unique/.test(problem.message)
    || /which this file does not define/.test(problem.message)
    || /so that its score is reliable/.test(problem.message)
    || /expected the sides to alternate/.test(problem.message)
    // Format 2's rules across fields (which fields need which format, axes and continuesFrom).
    || /is part of format 2|is not an earlier version than this file|axis ids must be unique|names the axis|every dimension names its axis|names an axis, but the file has no|^axis ".*" has \d+ dimensions?; expected at least/.test(problem.message);
}

/** Throws, with both sides' reasons, when the schema and the validator disagree beyond what is allowed. */
function expectAgreement(mutant: Json, what: string): void {
  const checked = validateQuestionnaire(mutant);
  const bySchema = schemaAccepts(mutant);
  const schemaErrors = () => ajv.errorsText(schemaAccepts.errors);
  if (checked.ok && !bySchema) {
    throw new Error(`${what}: the validator accepts what the schema refuses (${schemaErrors()})`);
  }
  if (!checked.ok && bySchema) {
    const unexplained = checked.problems.filter((problem) => !isCrossFieldRule(problem));
    if (unexplained.length > 0) {
      throw new Error(`${what}: the schema accepts what the validator refuses for a rule the schema could state: ${unexplained.map(describeProblem).join(' | ')}`);
    }
  }
}

describe('questionnaires/schema.json', () => {
  it('accepts every shipped questionnaire, as the validator does', () => {
    for (const base of BASES) {
      expect(validateQuestionnaire(base.value), base.name).toMatchObject({ ok: true });
      expect(schemaAccepts(base.value), `${base.name}: ${ajv.errorsText(schemaAccepts.errors)}`).toBe(true);
    }
  });

  it('states the same limits and patterns as the validator', () => {
    const defs = schema.$defs as Record<string, any>;
    const props = schema.properties as Record<string, any>;
    expect(defs.id.pattern).toBe(ID_PATTERN.regex.source);
    expect(defs.languageCode.pattern).toBe(LANGUAGE_PATTERN.regex.source);
    for (const [def, limit] of [['nameText', TEXT_LIMITS.name], ['statementText', TEXT_LIMITS.statement], ['longText', TEXT_LIMITS.text], ['reflectionQuestionText', TEXT_LIMITS.reflection]] as const) {
      expect(defs[def].additionalProperties.maxLength, def).toBe(limit);
      for (const language of ['en', 'sv', 'da']) expect(defs[def].properties[language].maxLength, `${def}.${language}`).toBe(limit);
    }
    expect(defs.dimension.properties.sources.items.maxLength).toBe(TEXT_LIMITS.source);
    expect([defs.dimension.properties.sources.minItems, defs.dimension.properties.sources.maxItems]).toEqual([LIMITS.sources.min, LIMITS.sources.max]);
    expect([props.dimensions.minItems, props.dimensions.maxItems]).toEqual([LIMITS.dimensions.min, LIMITS.dimensions.max]);
    expect([props.items.minItems, props.items.maxItems]).toEqual([LIMITS.items.min, LIMITS.items.max]);
    expect([props.languages.minItems, props.languages.maxItems]).toEqual([LIMITS.languages.min, LIMITS.languages.max]);
    expect(props.version.maximum).toBe(LIMITS.maxVersion);
  });

  it('gives every property a title and a description, for editors to show', () => {
    const missing: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      for (const [name, property] of Object.entries((record.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof property.title !== 'string' || typeof property.description !== 'string') missing.push(`${where}.properties.${name}`);
      }
      for (const [key, child] of Object.entries(record)) visit(child, `${where}.${key}`);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });

  it('agrees with the validator on every single mutation of a small questionnaire', () => {
    const base = makeQuestionnaire(2, 3) as unknown as Json;
    let checked = 0;
    for (const path of pathsOf(base)) {
      for (const mutation of singleMutations()) {
        const mutant = mutate(structuredClone(base), path, mutation);
        expectAgreement(mutant, `${mutation.kind} ${JSON.stringify(mutation)} at ${describePath(path)}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 60_000);

  it('agrees with the validator on random series of mutations of the fixture and the shipped files', () => {
    fc.assert(
      fc.property(
        fc.nat(BASES.length - 1),
        fc.array(fc.record({ at: fc.nat(), mutation: mutationArbitrary }), { minLength: 1, maxLength: 4 }),
        (baseIndex, steps) => {
          const base = BASES[baseIndex]!;
          let mutant = structuredClone(base.value);
          const done: string[] = [];
          for (const { at, mutation } of steps) {
            const paths: JsonPath[] = pathsOf(mutant);
            const path = paths[at % paths.length]!;
            mutant = mutate(mutant, path, mutation);
            done.push(`${JSON.stringify(mutation).slice(0, 80)} at ${describePath(path)}`);
          }
          expectAgreement(mutant, `${base.name}: ${done.join('; ')}`);
        },
      ),
      { numRuns: 1500 },
    );
  }, 60_000);
});
