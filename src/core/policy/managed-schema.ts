import type { SchemaNode } from '../formats/check-shape';
import { POLICY_SCHEMA_HEADER, PolicyFormat } from './format';

/** Where the extension's manifest finds it ("storage": { "managed_schema": … }), at the top of the package. */
export const MANAGED_SCHEMA_PATH = 'managed-schema.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The types Chrome's policy schema knows (Chromium, components/policy/core/common/schema.cc;
 * no "null"). Beside "type", "title" and "description" it reads only "properties",
 * "additionalProperties", "patternProperties" and "required" on an object, "items" on an
 * array, "enum" and "pattern" on a string, "enum", "minimum" and "maximum" on an integer:
 * no "anyOf", "oneOf", "const", "minItems" or "maxLength".
 */
const CHROME_TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];

/**
 * The policy's definition as Chrome's managed_schema: the part of it Chrome can check
 * (types, choices, bounds), with the titles and descriptions chrome://policy shows
 * admins. What it cannot say (a questionnaire's content, the sizes, the ids that key
 * reminderCadences) `readPolicy` checks, and the dashboard names what it leaves out.
 * Generated (`npm run schemas`); a unit test fails when the checked-in file differs.
 */
export function managedSchema(definition: object = PolicyFormat): Record<string, Json> {
  const root = definition as SchemaNode;
  if (root.type !== 'object' || !root.properties) throw new Error('A managed schema is an object of policies.');
  // Chrome refuses "additionalProperties" on the top-level object: every policy is named.
  return { type: 'object', ...POLICY_SCHEMA_HEADER, properties: mapValues(root.properties, (node, key) => chromeNode(node, key)) };
}

function chromeNode(node: SchemaNode, path: string): Json {
  const source = node as SchemaNode & { title?: string; description?: string };
  if (source.anyOf !== undefined || source.const !== undefined) throw new Error(`${path}: Chrome's policy schema has no anyOf or const.`);
  const type = node.enum !== undefined ? 'string' : node.type;
  if (type === undefined || !CHROME_TYPES.includes(type)) throw new Error(`${path}: Chrome's policy schema has no type ${String(type)}.`);
  const out: Record<string, Json> = { type };
  if (source.title !== undefined) out.title = source.title;
  if (source.description !== undefined) out.description = source.description;
  if (node.enum !== undefined) out.enum = [...node.enum];
  if (type === 'integer') {
    if (node.minimum !== undefined) out.minimum = node.minimum;
    if (node.maximum !== undefined) out.maximum = node.maximum;
  }
  if (type === 'array') {
    if (!node.items) throw new Error(`${path}: Chrome needs the schema of an array's items.`);
    out.items = chromeNode(node.items, `${path}[]`);
  }
  if (type === 'object') {
    if (node.properties && Object.keys(node.properties).length > 0) out.properties = mapValues(node.properties, (child, key) => chromeNode(child, `${path}.${key}`));
    // A map's keys are left to readPolicy, which names a wrong one; Chrome would drop it without a word to the person.
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) out.additionalProperties = chromeNode(node.additionalProperties, `${path}.*`);
  }
  return out;
}

function mapValues(record: Readonly<Record<string, SchemaNode>>, map: (node: SchemaNode, key: string) => Json): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).map(([key, node]) => [key, map(node, key)]));
}
