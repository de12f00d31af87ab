import { Type, type TSchema, type TUnsafe } from './type';
import type { LocalizedText } from '../questionnaire/types';
import type { ConstantReason, EntryNoun, PatternName } from '../problems';

/**
 * What a definition tells the checker beyond JSON Schema: why a constant is what it
 * is, how to describe a pattern to an author, which rule across fields a node needs.
 * Kept under a symbol so that it never reaches a published schema file (JSON.stringify
 * skips symbol keys) and never makes a strict JSON Schema validator stumble.
 */
export const HINT = Symbol.for('shiftmeter.format-hint');

export interface Hint {
  /** Appended to a wrong constant's message, in brackets (the words are in `REASON_WORDS`). */
  why?: ConstantReason;
  /** The pattern's words in "expected …": what an author can act on, not a regex (`PATTERN_WORDS`). */
  pattern?: PatternName;
  /** A rule the format's own validator checks here instead of the plain shape. */
  rule?: string;
  /** Why a field the definition does not name is refused, when "is not a known field" says too little. */
  unknownField?: 'identifying-field';
  /** The noun for an entry, in "expected at least 1 answer". */
  noun?: EntryNoun;
  /** The shared definition this node is (a use of): a `$ref` into `$defs` when published. */
  shared?: { name: string; definition: object };
  /** A use's own annotations, published beside its `$ref`. */
  annotations?: Annotations;
}

export type Hinted = TSchema & { [HINT]?: Hint };

export function hintOf(schema: unknown): Hint {
  return (schema as Hinted)[HINT] ?? {};
}

/** Adds a hint to a schema, keeping its static type. */
export function withHint<T extends TSchema>(schema: T, hint: Hint): T {
  return Object.assign(schema, { [HINT]: { ...hintOf(schema), ...hint } });
}

/**
 * A definition used in many places, published once under `$defs/<name>`. Each use
 * (`use`) may add its own title, description and examples, as JSON Schema allows
 * beside a `$ref`.
 */
export function shared<T extends TSchema>(name: string, schema: T): T {
  return withHint(schema, { shared: { name, definition: schema } });
}

export interface Annotations {
  title?: string;
  description?: string;
  examples?: unknown[];
}

export function use<T extends TSchema>(definition: T, annotations: Annotations = {}, hint: Hint = {}): T {
  const copy = { ...definition, ...annotations } as T;
  return withHint(copy, { ...hintOf(definition), ...hint, annotations });
}

/** The text of one language: a non-blank string of at most `maxLength` characters. */
function languageString(maxLength: number, annotations: Annotations = {}): Record<string, unknown> {
  return { type: 'string', minLength: 1, maxLength, pattern: '\\S', ...annotations };
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = { en: 'English', sv: 'Swedish', da: 'Danish' };

/**
 * A text in several languages, keyed by language code. The schema can only say "en,
 * and any language code"; which languages exactly is a rule across fields (those the
 * file declares), so the node carries the rule `localized-text` for its validator.
 */
export function localizedText(name: string, maxLength: number, annotations: Annotations, languageCode: TSchema): TUnsafe<LocalizedText> {
  const properties = Object.fromEntries(Object.entries(LANGUAGE_NAMES).map(([code, language]) => [
    code, languageString(maxLength, { title: language, description: `The ${language} text: at most ${maxLength} characters, not blank.` }),
  ]));
  const schema = Type.Unsafe<LocalizedText>({
    ...annotations,
    type: 'object',
    required: ['en'],
    properties,
    propertyNames: languageCode,
    additionalProperties: languageString(maxLength, { description: 'The text in this language: at most ' + maxLength + ' characters, not blank.' }),
  });
  return withHint(shared(name, schema), { rule: 'localized-text' });
}

/** A non-blank string of plain text, such as a reference. */
export function plainText(maxLength: number, annotations: Annotations = {}) {
  return Type.String({ minLength: 1, maxLength, pattern: '\\S', ...annotations });
}

/**
 * A parsed file's type as the program holds it: the definition's static type with
 * every list read-only, so no code changes a file it was handed.
 */
export type ReadonlyLists<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyLists<U>[]
  : T extends object ? { [K in keyof T]: ReadonlyLists<T[K]> } : T;
