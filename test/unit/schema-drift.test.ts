import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../src/core/backup/backup';
import { makeResponse, validateResponse } from '../../src/core/round/response';
import { fromStoredItems } from '../../src/core/storage/stored-form';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';
import { publishedSchemaFiles, schemaFileText } from '../../src/core/formats/schema-files';

// Each file format is defined once, in src/core; the schema files authors' editors
// read are generated from those definitions. A checked-in file that differs was
// edited by hand or not regenerated: `npm run schemas` writes them anew.
describe('published JSON Schema files', () => {
  for (const { path, schema } of publishedSchemaFiles()) {
    it(`${path} is exactly what its format's definition generates (run \`npm run schemas\` if not)`, () => {
      const checkedIn = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
      expect(checkedIn).toBe(schemaFileText(schema));
    });
  }

  it('carries no checker hints and no TypeBox internals into the files', () => {
    for (const { schema } of publishedSchemaFiles()) {
      const text = schemaFileText(schema);
      expect(text).not.toMatch(/~kind|shiftmeter\.format-hint|"rule"/);
    }
  });
});

describe('the published schemas describe the files Shiftmeter writes', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
  ajv.addSchema({ ...read('questionnaires/schema.json'), $id: 'https://shiftmeter.invalid/schema/schema.json' });
  ajv.addSchema(read('questionnaires/course-pack.schema.json'));
  const backupValid = ajv.compile(read('docs/schemas/backup.schema.json'));
  const responseValid = ajv.compile(read('docs/schemas/response.schema.json'));
  const now = new Date('2027-01-01T00:00:00.000Z');

  it('a backup made from a profile with sittings, notes, reminders, rounds and a course pack passes backup.schema.json', () => {
    const stored = JSON.parse(readFileSync(new URL('../fixtures/storage/schema-v2.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const backup = makeBackup(fromStoredItems(stored), now);
    expect(Object.keys(backup.records).some((key) => key.startsWith('sitting:'))).toBe(true);
    expect(Object.keys(backup.records).length).toBeGreaterThan(3);
    expect(backupValid(backup), ajv.errorsText(backupValid.errors)).toBe(true);
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(true);
  });

  it('backup.schema.json refuses a record of no known kind, as a restore does', () => {
    const backup = { ...makeBackup({}, now), records: { 'draft:x': { schema: 1 } } };
    expect(backupValid(backup)).toBe(false);
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(false);
  });

  it('a response made from a sitting passes response.schema.json; one with a name does not', () => {
    const questionnaire = makeQuestionnaire(2, 3);
    const response = makeResponse({
      questionnaire, round: 'round-1', response: 'r-1',
      answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, 4])), wanted: { [questionnaire.dimensions[0]!.id]: 6 },
    });
    expect(responseValid(response), ajv.errorsText(responseValid.errors)).toBe(true);
    expect(validateResponse(response).ok).toBe(true);
    expect(responseValid({ ...response, name: 'Ann' })).toBe(false);
    expect(validateResponse({ ...response, name: 'Ann' }).ok).toBe(false);
  });
});
