import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/core/problems';
import { isCorrect } from '../../src/core/pack/pack-records';
import { validateCoursePack } from '../../src/core/pack/validate-pack';

const PACKS = ['pack-cafe', 'pack-asymmetries', 'pack-tax-agency'].map((id) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')));
const problems = (value: unknown) => {
  const result = validateCoursePack(value);
  return result.ok ? [] : result.problems.map(describeProblem);
};

describe('course packs', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // The questionnaire schema under the address "./schema.json" resolves to from the pack schema, as an editor would find it beside it.
  const questionnaireSchema = JSON.parse(readFileSync('questionnaires/schema.json', 'utf8'));
  delete questionnaireSchema.$id;
  ajv.addSchema(questionnaireSchema, 'https://shiftmeter.invalid/schema/schema.json');
  const schemaValid = ajv.compile(JSON.parse(readFileSync('questionnaires/course-pack.schema.json', 'utf8')));

  it.each(PACKS.map((p) => [p.id, p]))('ships %s valid, in English, Swedish and Danish, by the validator and the schema', (_id, pack) => {
    expect(problems(pack)).toEqual([]);
    expect(schemaValid(pack), JSON.stringify(schemaValid.errors)).toBe(true);
    expect(pack.languages).toEqual(['en', 'sv', 'da']);
    expect(new Set(pack.exercises.map((e: { kind: string }) => e.kind))).toEqual(new Set(['sort', 'choose', 'place']));
  });

  it('names the place of each mistake', () => {
    const pack = structuredClone(PACKS[0]);
    delete pack.exercises[0].statements[2].feedback.da;
    pack.exercises[1].options.forEach((o: { best: boolean }) => (o.best = true));
    pack.exercises[2].expert.position = 9;
    pack.reflections.push({ ...pack.reflections[0] });
    const found = problems(pack);
    expect(found).toContain('exercises[0].statements[2].feedback.da: is missing; this field is required');
    expect(found.some((p) => p.startsWith('exercises[1].options: mark'))).toBe(true);
    expect(found.some((p) => p.startsWith('exercises[2].expert.position: is 9'))).toBe(true);
    expect(found.some((p) => p.includes('is used twice'))).toBe(true);
    expect(schemaValid(pack)).toBe(false);
  });

  it('reports a pack without its questionnaire as a missing field, and never throws (a seed of the hostile-input property found it)', () => {
    const { questionnaire: _q, ...withoutQuestionnaire } = PACKS[0];
    expect(problems(withoutQuestionnaire)).toContain('questionnaire: is missing; this field is required');
    expect(problems({ ...withoutQuestionnaire, questionnare: 'production-service' }).length).toBeGreaterThan(1);
  });

  it('accepts an inline questionnaire and checks it too', () => {
    const pack = structuredClone(PACKS[0]);
    pack.questionnaire = JSON.parse(readFileSync('questionnaires/production-service.json', 'utf8'));
    delete pack.questionnaire.$schema;
    expect(problems(pack)).toEqual([]);
    pack.questionnaire.items[0].dimension = 'nowhere';
    expect(problems(pack).join()).toMatch(/questionnaire\.items\[0\]\.dimension/);
  });

  it('marks answers right as a teacher would', () => {
    const [sort, choose, place] = ['sort', 'choose', 'place'].map((kind) => PACKS[0].exercises.find((e: { kind: string }) => e.kind === kind));
    expect(isCorrect(sort, Object.fromEntries(sort.statements.map((s: { id: string; pole: string }) => [s.id, s.pole])))).toBe(true);
    expect(isCorrect(choose, choose.options.find((o: { best: boolean }) => !o.best).id)).toBe(false);
    expect(isCorrect(place, place.expert.position + 1)).toBe(true);
    expect(isCorrect(place, place.expert.position + 3 > 7 ? place.expert.position - 3 : place.expert.position + 3)).toBe(false);
  });
});
