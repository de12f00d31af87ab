import { isPlainObject, type ShapeChecker } from '../shape';
import { hintOf } from './annotations';
import type { RuleCheck, SchemaNode } from './check-shape';

/** A yes-or-no check of one value against a format's definition. */
export type Conformance = (value: unknown) => boolean;

/**
 * A format's definition turned once into a predicate that says only whether a value has
 * its shape: what `checkShape` would report no problem for, without building a path or a
 * message for every field and stopping at the first thing wrong. The dashboard checks
 * every stored sitting as it reads them; the generic walk spent most of the history's
 * load on that (about 70 ms for 1,000 sittings). Its verdicts are the checker's own,
 * node for node, and a test compares the two on generated values of every record format.
 *
 * `rules(check)` gives each named rule, as `conforms` does; a rule runs with a checker of
 * its own and passes when it reports nothing.
 */
export function compileConformance(definition: object, rules: (check: ShapeChecker) => Readonly<Record<string, RuleCheck>>): Conformance {
  const compiled = new Map<SchemaNode, Conformance>();
  const node = (schema: SchemaNode): Conformance => {
    let predicate = compiled.get(schema);
    if (predicate) return predicate;
    // Compiled on first use, as the checker reaches a node only when a value gets there: a
    // definition may be recursive, and an unknown type fails only when it is reached.
    let inner: Conformance | null = null;
    predicate = (value) => (inner ??= compileNode(schema, node, rules))(value);
    compiled.set(schema, predicate);
    return predicate;
  };
  return node(definition as SchemaNode);
}

function compileNode(schema: SchemaNode, node: (schema: SchemaNode) => Conformance, rules: (check: ShapeChecker) => Readonly<Record<string, RuleCheck>>): Conformance {
  const hint = hintOf(schema);
  if (hint.rule !== undefined) {
    const name = hint.rule;
    // One checker for this node, emptied before each use: a rule runs to its end before the next.
    const check = verdictChecker();
    const rule = rules(check)[name];
    return (value) => {
      if (!rule) throw new Error(`The definition asks for the rule "${name}", which this validator does not know.`);
      check.problems.length = 0;
      rule(value, '', schema, check);
      return check.problems.length === 0;
    };
  }
  if (schema.const !== undefined) {
    const expected = schema.const;
    return (value) => value === undefined || value === expected;
  }
  if (schema.enum !== undefined) return oneOf(schema.enum);
  if (schema.anyOf !== undefined) return anyOf(schema.anyOf, node);
  switch (schema.type) {
    case 'object':
      return schema.additionalProperties === false ? closedObject(schema, node) : openObject(schema, node);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = schema.maxItems ?? Number.MAX_SAFE_INTEGER;
      const items = schema.items ? node(schema.items) : null;
      return (value) => value === undefined || (Array.isArray(value) && value.length >= min && value.length <= max && (!items || value.every((entry) => items(entry))));
    }
    case 'string': {
      const max = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
      const regex = schema.pattern === undefined || schema.pattern === NOT_BLANK ? null : new RegExp(schema.pattern, 'u');
      const mayBeBlank = (schema.minLength ?? 0) === 0 && schema.pattern === undefined;
      return (value) => {
        if (value === undefined) return true;
        if (typeof value !== 'string') return false;
        if (value.trim() === '' && !mayBeBlank) return false;
        // Code points, as the checker counts: a string is never shorter in them than in UTF-16 units.
        if (value.length > max && [...value].length > max) return false;
        return !regex || regex.test(value);
      };
    }
    case 'integer': {
      const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
      const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      return (value) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max);
    }
    case 'boolean':
      return (value) => value === undefined || typeof value === 'boolean';
    default:
      return () => {
        throw new Error(`The checker does not know the schema type ${String(schema.type)}.`);
      };
  }
}

/**
 * A checker that only counts what a rule reports: a rule's words are never shown for a
 * stored record, and pages that only read records need not load the checker and its
 * messages in every language (shape.ts, problem-words.ts).
 */
function verdictChecker(): ShapeChecker {
  const problems: unknown[] = [];
  const count = () => void problems.push(true);
  return { problems, problem: count, report: count, add: count } as unknown as ShapeChecker;
}

/** How many keys that fit a map's pattern each map check remembers. */
const MAX_KEYS_REMEMBERED = 10_000;

/** The checker's "not blank" pattern, which its blank check already covers. */
const NOT_BLANK = '\\S';

function oneOf(allowed: readonly (string | number)[]): Conformance {
  return (value) => value === undefined || ((typeof value === 'string' || typeof value === 'number') && allowed.includes(value));
}

/** A record with only the fields it names: every required one present, none unknown, each of its shape. */
function closedObject(schema: SchemaNode, node: (schema: SchemaNode) => Conformance): Conformance {
  const properties = Object.entries(schema.properties ?? {}).map(([key, property]) => [key, node(property)] as const);
  const known = new Set(properties.map(([key]) => key));
  const required = schema.required ?? [];
  // The checker accepts a field that is required without being described (and checks nothing of it).
  for (const key of required) known.add(key);
  return (value) => {
    if (value === undefined) return true;
    if (!isPlainObject(value)) return false;
    for (const key of required) if (!Object.hasOwn(value, key)) return false;
    for (const key in value) if (Object.hasOwn(value, key) && !known.has(key)) return false;
    for (const [key, check] of properties) if (Object.hasOwn(value, key) && !check(value[key])) return false;
    return true;
  };
}

/** A record a later Shiftmeter may extend, or a map from ids to values of one shape. */
function openObject(schema: SchemaNode, node: (schema: SchemaNode) => Conformance): Conformance {
  const properties = new Map(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, node(property)] as const));
  const required = schema.required ?? [];
  const others = schema.additionalProperties === undefined || schema.additionalProperties === false ? null : node(schema.additionalProperties);
  const keyPattern = schema.propertyNames?.pattern !== undefined ? new RegExp(schema.propertyNames.pattern, 'u') : null;
  // A map's keys repeat from record to record (a sitting's item ids): each key is tested once.
  const keysSeen = new Set<string>();
  const keyFits = (key: string) => {
    if (!keyPattern || keysSeen.has(key)) return true;
    if (!keyPattern.test(key)) return false;
    if (keysSeen.size < MAX_KEYS_REMEMBERED) keysSeen.add(key);
    return true;
  };
  return (value) => {
    if (value === undefined) return true;
    if (!isPlainObject(value)) return false;
    for (const key of required) if (!Object.hasOwn(value, key)) return false;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const named = properties.get(key);
      if (named) {
        if (!named(value[key])) return false;
      } else if (others) {
        if (!keyFits(key)) return false;
        if (!others(value[key])) return false;
      }
    }
    return true;
  };
}

/** A choice between constants, objects told apart by `kind`, or shapes of different JSON types (check-shape.ts's checkAnyOf). */
function anyOf(options: readonly SchemaNode[], node: (schema: SchemaNode) => Conformance): Conformance {
  if (options.every((option) => option.const !== undefined)) return oneOf(options.map((option) => option.const!));
  const kinds = options.map((option) => option.properties?.kind?.const);
  if (kinds.every((kind) => typeof kind === 'string')) {
    const byKind = new Map(kinds.map((kind, index) => [kind as string, node(options[index]!)]));
    return (value) => {
      if (value === undefined) return true;
      if (!isPlainObject(value) || !Object.hasOwn(value, 'kind')) return false;
      // As the checker does: a kind that is undefined (never so in parsed JSON) is not checked further.
      if (value.kind === undefined) return true;
      const check = typeof value.kind === 'string' ? byKind.get(value.kind) : undefined;
      return check !== undefined && check(value);
    };
  }
  const byType = options.map((option) => [option.type, node(option)] as const);
  return (value) => {
    if (value === undefined) return true;
    const type = jsonType(value);
    const option = byType.find(([candidate]) => candidate === type);
    return option !== undefined && option[1](value);
  };
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
