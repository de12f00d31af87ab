import type {
  Array as TypeBoxArray, Boolean as TypeBoxBoolean, Enum as TypeBoxEnum, Integer as TypeBoxInteger, Literal as TypeBoxLiteral,
  Object as TypeBoxObject, Optional as TypeBoxOptional, String as TypeBoxString, Union as TypeBoxUnion, Unsafe as TypeBoxUnsafe,
} from 'typebox/type';

/**
 * The schema builders the file formats are defined with. TypeBox gives the static
 * types (`Static<typeof SittingFormat>`), which is the hard part; the builders here
 * make the same JSON Schema objects TypeBox's do, typed with TypeBox's own
 * signatures. Why not TypeBox's runtime: the popup checks stored records with these
 * definitions, and TypeBox's builders bring ~5 KB of guards and memory helpers that
 * would push the popup over its size budget.
 */

/** Marks a property as optional: left out of its object's `required`. Never published. */
const OPTIONAL = Symbol.for('shiftmeter.optional');

type Schema = Record<string | symbol, unknown>;

function objectOf(properties: Record<string, Schema>, options: object = {}): Schema {
  const required = Object.keys(properties).filter((key) => properties[key]![OPTIONAL] !== true);
  return { type: 'object', ...(required.length > 0 ? { required } : {}), properties, ...options };
}

function literalOf(value: string | number | boolean, options: object = {}): Schema {
  const type = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  return { type, const: value, ...options };
}

export const Type = {
  Object: objectOf as unknown as typeof TypeBoxObject,
  Optional: ((schema: Schema) => ({ ...schema, [OPTIONAL]: true })) as unknown as typeof TypeBoxOptional,
  String: ((options: object = {}) => ({ type: 'string', ...options })) as unknown as typeof TypeBoxString,
  Integer: ((options: object = {}) => ({ type: 'integer', ...options })) as unknown as typeof TypeBoxInteger,
  Boolean: ((options: object = {}) => ({ type: 'boolean', ...options })) as unknown as typeof TypeBoxBoolean,
  Literal: literalOf as unknown as typeof TypeBoxLiteral,
  Array: ((items: Schema, options: object = {}) => ({ type: 'array', items, ...options })) as unknown as typeof TypeBoxArray,
  Union: ((anyOf: Schema[], options: object = {}) => ({ anyOf, ...options })) as unknown as typeof TypeBoxUnion,
  Enum: ((values: readonly string[], options: object = {}) => ({ type: 'string', enum: values, ...options })) as unknown as typeof TypeBoxEnum,
  Unsafe: ((schema: Schema) => ({ ...schema })) as unknown as typeof TypeBoxUnsafe,
};

export type { Static, TSchema, TUnsafe } from 'typebox';
