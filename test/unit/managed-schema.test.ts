import { existsSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { manifestFor } from '../../build.mjs';
import { POLICY_LIMITS, POLICY_SETTINGS, PolicyFormat } from '../../src/core/policy/format';
import { MANAGED_SCHEMA_PATH, managedSchema } from '../../src/core/policy/managed-schema';
import { readPolicy } from '../../src/core/policy/read-policy';
import { KNOWN_LANGUAGES } from '../../src/core/questionnaire/types';
import { CADENCES } from '../../src/core/storage/records';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

type Node = Record<string, unknown>;
const checkedIn = JSON.parse(readFileSync(MANAGED_SCHEMA_PATH, 'utf8')) as Node;
const properties = checkedIn.properties as Record<string, Node>;

/**
 * Chrome's own checks of a managed_schema, as Chromium's components/policy/core/common/schema.cc
 * makes them (Schema::Parse and IsValidSchema), except that unknown keywords are reported
 * here where Chrome skips them: a keyword Chrome skips would check nothing there.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  array: ['description', 'id', 'items', 'sensitiveValue', 'title', 'type'],
  boolean: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  integer: ['description', 'enum', 'id', 'maximum', 'minimum', 'sensitiveValue', 'title', 'type'],
  number: ['description', 'id', 'sensitiveValue', 'title', 'type'],
  object: ['additionalProperties', 'description', 'id', 'patternProperties', 'properties', 'required', 'sensitiveValue', 'title', 'type'],
  string: ['description', 'enum', 'id', 'pattern', 'sensitiveValue', 'title', 'type'],
};

function chromeErrors(schema: Node): string[] {
  const errors: string[] = [];
  if (schema.type !== 'object') errors.push('The main schema must have a type attribute with "object" value.');
  if ('additionalProperties' in schema || 'patternProperties' in schema) errors.push('"additionalProperties" and "patternProperties" are not supported at the main schema.');
  const walk = (node: Node, path: string) => {
    if ('$ref' in node) return errors.push(`${path}: no $ref here`);
    const type = node.type;
    if (typeof type !== 'string' || !Object.hasOwn(ALLOWED, type)) return errors.push(`${path}: each schema must have a type Chrome knows, not ${JSON.stringify(type)}`);
    for (const key of Object.keys(node)) if (!ALLOWED[type]!.includes(key)) errors.push(`${path}: ${type} has no attribute ${key}`);
    if ('enum' in node) {
      const values = node.enum;
      if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== (type === 'integer' ? 'number' : type))) errors.push(`${path}: bad enum`);
    }
    if (type === 'integer' && typeof node.minimum === 'number' && typeof node.maximum === 'number' && node.minimum > node.maximum) errors.push(`${path}: empty range`);
    if (type === 'array') {
      if (typeof node.items !== 'object' || node.items === null) errors.push(`${path}: an array needs items`);
      else walk(node.items as Node, `${path}[]`);
    }
    if (type === 'object') {
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(child, `${path}.${key}`);
      for (const [key, child] of Object.entries((node.patternProperties ?? {}) as Record<string, Node>)) walk(child, `${path}/${key}/`);
      if (node.additionalProperties !== undefined) walk(node.additionalProperties as Node, `${path}.*`);
      for (const key of (node.required ?? []) as string[]) if (!Object.hasOwn((node.properties ?? {}) as object, key)) errors.push(`${path}: required names ${key}, which is not a property`);
    }
    return undefined;
  };
  walk(schema, '');
  return errors;
}

describe('managed-schema.json, the policy schema Chrome reads', () => {
  it('is what the policy format generates (test/unit/schema-drift.test.ts holds it to the byte)', () => {
    expect(checkedIn).toEqual(managedSchema());
  });

  it('is a schema Chrome loads: only the types and keywords Chrome\'s policy schema knows', () => {
    expect(chromeErrors(checkedIn)).toEqual([]);
    // The check above does find what Chrome refuses.
    expect(chromeErrors({ type: 'object', additionalProperties: { type: 'string' }, properties: { a: { anyOf: [{ type: 'string' }] }, b: { type: 'null' } } })).toHaveLength(3);
  });

  it('has exactly the policy\'s settings, each of the type the core format gives it', () => {
    expect(Object.keys(properties)).toEqual(POLICY_SETTINGS);
    const definition = (PolicyFormat as unknown as { properties: Record<string, Node> }).properties;
    for (const setting of POLICY_SETTINGS) {
      const own = definition[setting]!;
      expect(properties[setting]!.type, setting).toBe(own.enum ? 'string' : own.type);
      expect(typeof properties[setting]!.description, setting).toBe('string');
    }
    expect(properties.preinstalledQuestionnaires!.items).toMatchObject({ type: 'string' });
    expect(properties.defaultLanguage!.enum).toEqual([...KNOWN_LANGUAGES]);
    expect((properties.reminderCadences!.additionalProperties as Node).enum).toEqual([...CADENCES]);
    expect(properties.minimumGroupFloor).toMatchObject({ minimum: POLICY_LIMITS.minimumGroupFloor.min, maximum: POLICY_LIMITS.minimumGroupFloor.max });
  });

  it('lets through what readPolicy accepts, and refuses the wrong types and values that readPolicy refuses too', () => {
    const valid = new Ajv({ strict: false }).compile(checkedIn);
    const good = {
      preinstalledQuestionnaires: [JSON.stringify(makeQuestionnaire())], defaultLanguage: 'da',
      reminderCadences: { 'test-questionnaire': 'half-yearly' }, minimumGroupFloor: 5, allowAddingQuestionnaires: false,
    };
    expect(valid(good)).toBe(true);
    expect(readPolicy(good).problems).toEqual([]);
    for (const bad of [
      { preinstalledQuestionnaires: [{ kind: 'questionnaire' }] }, { preinstalledQuestionnaires: 'x' }, { defaultLanguage: 'fi' },
      { reminderCadences: { q: 'weekly' } }, { minimumGroupFloor: 2 }, { minimumGroupFloor: 51 }, { minimumGroupFloor: 5.5 }, { allowAddingQuestionnaires: 'false' },
    ]) {
      expect(valid(bad), JSON.stringify(bad)).toBe(false);
      expect(readPolicy(bad).problems.length, JSON.stringify(bad)).toBeGreaterThan(0);
    }
  });

  it('is named by the Chrome manifest and shipped in the package; Firefox, which reads no schema, gets no storage key', () => {
    const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(manifestFor('chrome', source).storage).toEqual({ managed_schema: MANAGED_SCHEMA_PATH });
    expect(manifestFor('firefox', source).storage).toBeUndefined();
    expect(existsSync(MANAGED_SCHEMA_PATH)).toBe(true);
    expect(readFileSync('build.mjs', 'utf8')).toContain(`'${MANAGED_SCHEMA_PATH}'`);
  });
});
