import { actualWords, foundWords, PATTERN_WORDS, REASON_WORDS, typeWords } from './problem-words';
import { joinPath, problemOf, type ConstantReason, type EnglishWords, type PatternName, type Problem, type ProblemParamsOf, type ValueKind } from './problems';

/** The problems the checker itself words; each format's validator adds its own across fields. */
export type ShapeCode = 'missing' | 'unknown-field' | 'identifying-field' | 'expected-type' | 'expected-boolean' | 'too-few' | 'too-many'
  | 'empty' | 'too-long' | 'pattern' | 'pattern-regex' | 'out-of-range' | 'not-constant' | 'not-constant-because' | 'not-one-of'
  | 'bad-key' | 'bad-key-regex' | 'not-a-date';

const WORDS: EnglishWords<ShapeCode> = {
  'missing': () => 'is missing; this field is required',
  'unknown-field': ({ fields }) => `is not a known field; expected only ${fields}`,
  'identifying-field': ({ fields }) => `is not part of an anonymised response and is refused, because it could identify a person; expected only ${fields}`,
  'expected-type': ({ types, found, value }) => `expected ${typeWords(types)}, found ${foundWords(found, value)}`,
  'expected-boolean': () => 'expected true or false',
  'too-few': ({ count, min }) => `has ${count} entries; expected at least ${min}`,
  'too-many': ({ count, max }) => `has ${count} entries; expected at most ${max}`,
  'empty': () => 'is empty; expected some text',
  'too-long': ({ length, max }) => `is ${length} characters long; expected at most ${max}`,
  'pattern': ({ value, pattern }) => `${value} is not valid; expected ${PATTERN_WORDS[pattern]}`,
  'pattern-regex': ({ value, regex }) => `${value} is not valid; expected text matching ${regex}`,
  'out-of-range': ({ value, min, max }) => `is ${value}; expected a whole number from ${min} to ${max}`,
  'not-constant': ({ actual, value, expected }) => `is ${actualWords(actual, value)}; expected ${expected}`,
  'not-constant-because': ({ actual, value, expected, reason }) => `is ${actualWords(actual, value)}; expected ${expected} (${REASON_WORDS[reason]})`,
  'not-one-of': ({ actual, value, allowed }) => `is ${actualWords(actual, value)}; expected one of ${allowed}`,
  'bad-key': ({ key, pattern }) => `has the key ${key}, which is not valid; expected ${PATTERN_WORDS[pattern]}`,
  'bad-key-regex': ({ key, regex }) => `has the key ${key}, which is not valid; expected a name matching ${regex}`,
  'not-a-date': () => 'expected a date and time such as "2026-12-02T09:30:00.000Z"',
};

/** A problem of the shape, worded as the checker words it. */
export function shapeProblem<C extends ShapeCode>(path: string, code: C, params: ProblemParamsOf[C]): Problem {
  return problemOf(path, code, params, WORDS[code]);
}

/** A pattern a string must match, and the name its description goes by (`PATTERN_WORDS`). */
export interface TextPattern {
  readonly regex: RegExp;
  readonly name: PatternName;
}

/**
 * Small helpers for checking untrusted, already-parsed JSON by hand. They collect
 * every problem rather than stopping at the first, so an author sees them all at once.
 *
 * A field that is absent arrives at the typed checks as `undefined`; `object()` has
 * already reported it as missing, so the typed checks stay silent rather than
 * reporting the same place twice. (Parsed JSON never holds `undefined` otherwise.)
 */
export class ShapeChecker {
  readonly problems: Problem[] = [];

  /**
   * A problem in English words only, which the dashboard shows untranslated: for checks
   * whose answer is yes or no (stored records). Checks of a file a person chose use
   * `problem()` or `add()`, with a code of `ProblemParamsOf` and its words in every language.
   */
  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** A problem of the shape, in the checker's own words. */
  problem<C extends ShapeCode>(path: string, code: C, params: ProblemParamsOf[C]): void {
    this.problems.push(shapeProblem(path, code, params));
  }

  /** A problem a validator worded itself (a rule across fields). */
  add(problem: Problem): void {
    this.problems.push(problem);
  }

  /** An object with exactly the named fields (required and optional); reports the rest, as `unknownField` says when given. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = [], unknownField: 'unknown-field' | 'identifying-field' = 'unknown-field'): Record<string, unknown> | null {
    if (value === undefined) return null;
    if (!isPlainObject(value)) {
      this.problem(path, 'expected-type', { types: 'object', ...found(value) });
      return null;
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key)) this.problem(joinPath(path, key), 'missing', {});
    }
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.problem(keyPath(path, key), unknownField, { fields: [...required, ...optional].join(', ') });
      }
    }
    return value;
  }

  array(value: unknown, path: string, minItems: number, maxItems: number): unknown[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      this.problem(path, 'expected-type', { types: 'array', ...found(value) });
      return null;
    }
    if (value.length < minItems) this.problem(path, 'too-few', { count: value.length, min: minItems });
    if (value.length > maxItems) this.problem(path, 'too-many', { count: value.length, max: maxItems });
    return value;
  }

  /** A non-blank string (unless `allowBlank`) of at most `maxLength` characters (Unicode code points, as JSON Schema counts). */
  string(value: unknown, path: string, maxLength: number, pattern?: TextPattern | { regex: RegExp; source: string }, allowBlank = false): string | null {
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      this.problem(path, 'expected-type', { types: 'string', ...found(value) });
      return null;
    }
    const length = codePointLength(value);
    if (value.trim() === '' && !allowBlank) this.problem(path, 'empty', {});
    else if (length > maxLength) this.problem(path, 'too-long', { length, max: maxLength });
    else if (pattern && !pattern.regex.test(value)) {
      if ('name' in pattern) this.problem(path, 'pattern', { value: quote(value), pattern: pattern.name });
      else this.problem(path, 'pattern-regex', { value: quote(value), regex: pattern.source });
    }
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | null {
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problem(path, 'expected-type', { types: 'integer', ...found(value) });
      return null;
    }
    if (value < min || value > max) {
      this.problem(path, 'out-of-range', { value, min, max });
      return null;
    }
    return value;
  }

  /** Exactly `expected`; `why` tells the author the reason when it is not obvious. */
  constant<T extends string | number>(value: unknown, path: string, expected: T, why?: ConstantReason): void {
    if (value === undefined || value === expected) return;
    const params = { ...actual(value), expected: JSON.stringify(expected) };
    if (why) this.problem(path, 'not-constant-because', { ...params, reason: why });
    else this.problem(path, 'not-constant', params);
  }

  oneOf<T extends string | number>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if ((typeof value === 'string' || typeof value === 'number') && (allowed as readonly unknown[]).includes(value)) return value as T;
    if (value !== undefined) this.problem(path, 'not-one-of', { ...actual(value), allowed: allowed.map((a) => JSON.stringify(a)).join(', ') });
    return null;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value is, as the params of a message name it; strings quoted as the file has them. */
function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean' ? type : 'other';
}

/** A value as "found …" names it (`describeType`), as params. */
export function found(value: unknown): { found: ValueKind; value: string } {
  const kind = kindOf(value);
  return { found: kind, value: kind === 'other' ? typeof value : textOf(kind, value) };
}

/** A value as "is …" names it (`describeValue`), as params. */
export function actual(value: unknown): { actual: ValueKind; value: string } {
  const kind = kindOf(value);
  return { actual: kind, value: textOf(kind, value) };
}

function textOf(kind: ValueKind, value: unknown): string {
  return kind === 'string' ? quote(value as string) : kind === 'array' || kind === 'object' ? '' : String(value);
}

export function describeType(value: unknown): string {
  const { found: kind, value: text } = found(value);
  return foundWords(kind, text);
}

/** A value as it would appear in the file, short, and never an object's whole text. */
export function describeValue(value: unknown): string {
  const { actual: kind, value: text } = actual(value);
  return actualWords(kind, text);
}

/**
 * Quotes text from an input for a message: escaped, so that a line break or control
 * character in a hostile file cannot break the one-line-per-problem output, and short.
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/** The path of a field named in the input: `a.b` for ordinary names, `a["odd name"]` for the rest. */
function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) && key.length <= 64 ? joinPath(path, key) : `${path}[${quote(key)}]`;
}

function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character; JSON Schema's maxLength counts it once.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
