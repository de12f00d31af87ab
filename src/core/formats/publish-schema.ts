import { HINT, type Hint } from './annotations';

export interface SchemaHeader {
  $id: string;
  title: string;
  description: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ANNOTATIONS = ['title', 'description'] as const;
const NAMED_SCHEMAS = new Set(['properties', 'patternProperties', '$defs']);

/**
 * A definition as the JSON Schema file published for authors' editors: every shared
 * definition once under `$defs`, referred to by `$ref`, with each use's own title and
 * description beside it. The checker's hints (symbol keys) are left out.
 */
export function publishSchema(root: object, header: SchemaHeader): Record<string, Json> {
  const defs: Record<string, Json> = {};
  const pending = new Map<string, object>();

  const publish = (node: unknown): Json => {
    if (Array.isArray(node)) return node.map(publish);
    if (typeof node !== 'object' || node === null) return node as Json;
    const hint = (node as { [HINT]?: Hint })[HINT];
    if (hint?.shared !== undefined) {
      const definition = hint.shared.definition;
      const known = pending.get(hint.shared.name);
      if (known && known !== definition) throw new Error(`Two different definitions are shared as "${hint.shared.name}".`);
      pending.set(hint.shared.name, definition);
      // Only what this use says of itself (its title, description, examples).
      return ordered({ $ref: `#/$defs/${hint.shared.name}`, ...publishFields({ ...hint.annotations }) });
    }
    return ordered(publishFields(node as Record<string, unknown>));
  };
  // A map of names to schemas keeps its own order: "title" there names a field, not the node.
  const publishFields = (record: Record<string, unknown>): Record<string, Json> => Object.fromEntries(Object.entries(record).map(([key, value]) => [
    key, NAMED_SCHEMAS.has(key) ? mapValues(value as Record<string, unknown>, publish) : publish(value),
  ]));

  const body = publish(root) as Record<string, Json>;
  while (pending.size > Object.keys(defs).length) {
    for (const [name, definition] of pending) {
      if (!(name in defs)) defs[name] = ordered(publishFields(definition as Record<string, unknown>));
    }
  }
  const sortedDefs = Object.fromEntries(Object.keys(defs).sort().map((name) => [name, defs[name]!]));
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...header, ...body, $defs: sortedDefs };
}

function mapValues(record: Record<string, unknown>, map: (value: unknown) => Json): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

/** Title and description first, examples last: the order a person reading the file expects. */
function ordered(record: Record<string, Json>): Record<string, Json> {
  const { examples, ...rest } = record;
  const head = Object.fromEntries(ANNOTATIONS.filter((key) => key in rest).map((key) => [key, rest[key]!]));
  const $ref: Record<string, Json> = '$ref' in rest ? { $ref: rest.$ref! } : {};
  const tail: Record<string, Json> = examples === undefined ? {} : { examples };
  return { ...$ref, ...head, ...rest, ...tail };
}
