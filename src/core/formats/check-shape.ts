import { joinPath } from '../problems';
import { found, isPlainObject, quote, ShapeChecker } from '../shape';
import { hintOf } from './annotations';
import { RECORD_RULES } from './record-rules';

/** The part of JSON Schema the file formats use, as the definitions build it. */
export interface SchemaNode {
  type?: string;
  const?: string | number;
  enum?: readonly string[];
  anyOf?: readonly SchemaNode[];
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  /** false: a closed object; a schema: a map whose every other value has that shape; absent: open. */
  additionalProperties?: false | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/** A format's own check for a node marked with a rule: what JSON Schema cannot say. */
export type RuleCheck = (value: unknown, path: string, schema: SchemaNode, check: ShapeChecker) => void;

/** "Not blank", which the checker's string check already reports in its own words. */
const NOT_BLANK = '\\S';
const patterns = new Map<string, RegExp>();

/**
 * Checks a value against a format's definition, reporting every problem in the words
 * an author can act on ("items[4].left.sv: is missing; this field is required"). It
 * reads the same definition the types and the published schema files come from, so
 * the three cannot drift apart; rules across fields stay with each format's validator.
 */
export function checkShape(check: ShapeChecker, definition: object, value: unknown, path: string, rules: Readonly<Record<string, RuleCheck>> = {}): void {
  const schema = definition as SchemaNode;
  const hint = hintOf(schema);
  if (hint.rule !== undefined) {
    const rule = rules[hint.rule];
    if (!rule) throw new Error(`The definition asks for the rule "${hint.rule}", which this validator does not know.`);
    return rule(value, path, schema, check);
  }
  if (schema.const !== undefined) return check.constant(value, path, schema.const, hint.why);
  if (schema.enum !== undefined) return void check.oneOf(value, path, schema.enum);
  if (schema.anyOf !== undefined) return checkAnyOf(check, schema.anyOf, value, path, rules);
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      if (schema.additionalProperties !== false) return checkOpenObject(check, schema, value, path, rules);
      const fields = check.object(value, path, required, Object.keys(properties).filter((key) => !required.includes(key)), hint.unknownField);
      if (!fields) return;
      for (const [key, property] of Object.entries(properties)) {
        if (Object.hasOwn(fields, key)) checkShape(check, property, fields[key], joinPath(path, key), rules);
      }
      return;
    }
    case 'array': {
      const entries = check.array(value, path, schema.minItems ?? 0, schema.maxItems ?? Number.MAX_SAFE_INTEGER);
      if (entries && schema.items) entries.forEach((entry, index) => checkShape(check, schema.items!, entry, joinPath(path, index), rules));
      return;
    }
    case 'string': {
      const pattern = schema.pattern === undefined || schema.pattern === NOT_BLANK
        ? undefined
        : hint.pattern !== undefined ? { regex: compiled(schema.pattern), name: hint.pattern } : { regex: compiled(schema.pattern), source: schema.pattern };
      // A string with neither a minimum length nor a pattern may be blank (a note's text); no other may.
      const mayBeBlank = (schema.minLength ?? 0) === 0 && schema.pattern === undefined;
      check.string(value, path, schema.maxLength ?? Number.MAX_SAFE_INTEGER, pattern, mayBeBlank);
      return;
    }
    case 'integer':
      check.integer(value, path, schema.minimum ?? Number.MIN_SAFE_INTEGER, schema.maximum ?? Number.MAX_SAFE_INTEGER);
      return;
    case 'boolean':
      if (value !== undefined && typeof value !== 'boolean') check.problem(path, 'expected-boolean', {});
      return;
    default:
      throw new Error(`The checker does not know the schema type ${String(schema.type)} at ${path || 'the top'}.`);
  }
}

/**
 * An object that may hold fields beyond those named: a stored record that a later
 * Shiftmeter may extend, or a map from ids to values (every other field then has the
 * shape `additionalProperties` gives, under a name `propertyNames` allows).
 */
function checkOpenObject(check: ShapeChecker, schema: SchemaNode, value: unknown, path: string, rules: Readonly<Record<string, RuleCheck>>): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) return check.problem(path, 'expected-type', { types: 'object', ...found(value) });
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) check.problem(joinPath(path, key), 'missing', {});
  }
  for (const [key, entry] of Object.entries(value)) {
    const property = Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties;
    if (property === undefined || property === false) continue;
    if (!Object.hasOwn(properties, key) && schema.propertyNames?.pattern !== undefined && !compiled(schema.propertyNames.pattern).test(key)) {
      const pattern = hintOf(schema.propertyNames).pattern;
      if (pattern !== undefined) check.problem(path, 'bad-key', { key: quote(key), pattern });
      else check.problem(path, 'bad-key-regex', { key: quote(key), regex: schema.propertyNames.pattern });
      continue;
    }
    checkShape(check, property, entry, joinPath(path, key), rules);
  }
}

/** Whether a value has a definition's shape, by walking it with the checker, which collects every problem: what `conforms` (conforms.ts) is tested against. */
export function conformsByChecker(definition: object, value: unknown, rules: Readonly<Record<string, RuleCheck>> = {}): boolean {
  if (value === undefined) return false;
  const check = new ShapeChecker();
  checkShape(check, definition, value, '', { ...RECORD_RULES(check), ...rules });
  return check.problems.length === 0;
}

/**
 * A choice between shapes. Three kinds occur: constants ("from" or "to"); objects told
 * apart by their `kind` (a course pack's exercises), checked as the kind they name; and
 * shapes of different JSON types (an id or a whole questionnaire), checked as the one
 * whose type the value has.
 */
function checkAnyOf(check: ShapeChecker, options: readonly SchemaNode[], value: unknown, path: string, rules: Readonly<Record<string, RuleCheck>>): void {
  if (options.every((option) => option.const !== undefined)) {
    check.oneOf(value, path, options.map((option) => option.const!));
    return;
  }
  const kinds = options.map((option) => option.properties?.kind?.const);
  if (kinds.every((kind) => typeof kind === 'string')) {
    if (value === undefined) return;
    if (!isPlainObject(value)) return check.problem(path, 'expected-type', { types: 'object', ...found(value) });
    if (!Object.hasOwn(value, 'kind')) return check.problem(joinPath(path, 'kind'), 'missing', {});
    const kind = check.oneOf(value.kind, joinPath(path, 'kind'), kinds as string[]);
    if (kind !== null) checkShape(check, options[kinds.indexOf(kind)]!, value, path, rules);
    return;
  }
  if (value === undefined) return;
  const option = options.find((candidate) => candidate.type === jsonType(value));
  if (option) return checkShape(check, option, value, path, rules);
  const types = [...new Set(options.map((candidate) => candidate.type))];
  check.problem(path, 'expected-type', { types: types.join('|'), ...found(value) });
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
}
