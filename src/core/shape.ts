import { joinPath, type Problem } from './problems';

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

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** An object with exactly the named fields (required and optional); reports the rest, saying why when `unknownField` does. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = [], unknownField = 'is not a known field'): Record<string, unknown> | null {
    if (value === undefined) return null;
    if (!isPlainObject(value)) {
      this.report(path, `expected an object, found ${describeType(value)}`);
      return null;
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key)) this.report(joinPath(path, key), 'is missing; this field is required');
    }
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.report(keyPath(path, key), `${unknownField}; expected only ${[...required, ...optional].join(', ')}`);
      }
    }
    return value;
  }

  array(value: unknown, path: string, minItems: number, maxItems: number): unknown[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      this.report(path, `expected an array, found ${describeType(value)}`);
      return null;
    }
    if (value.length < minItems) this.report(path, `has ${value.length} entries; expected at least ${minItems}`);
    if (value.length > maxItems) this.report(path, `has ${value.length} entries; expected at most ${maxItems}`);
    return value;
  }

  /** A non-blank string (unless `allowBlank`) of at most `maxLength` characters (Unicode code points, as JSON Schema counts). */
  string(value: unknown, path: string, maxLength: number, pattern?: { regex: RegExp; description: string }, allowBlank = false): string | null {
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      this.report(path, `expected a string, found ${describeType(value)}`);
      return null;
    }
    const length = codePointLength(value);
    if (value.trim() === '' && !allowBlank) this.report(path, 'is empty; expected some text');
    else if (length > maxLength) this.report(path, `is ${length} characters long; expected at most ${maxLength}`);
    else if (pattern && !pattern.regex.test(value)) this.report(path, `${quote(value)} is not valid; expected ${pattern.description}`);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | null {
    if (value === undefined) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.report(path, `expected a whole number, found ${describeType(value)}`);
      return null;
    }
    if (value < min || value > max) {
      this.report(path, `is ${value}; expected a whole number from ${min} to ${max}`);
      return null;
    }
    return value;
  }

  /** Exactly `expected`; `why` tells the author the reason when it is not obvious. */
  constant<T extends string | number>(value: unknown, path: string, expected: T, why?: string): void {
    if (value === undefined || value === expected) return;
    this.report(path, `is ${describeValue(value)}; expected ${JSON.stringify(expected)}${why ? ` (${why})` : ''}`);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    if (value !== undefined) this.report(path, `is ${describeValue(value)}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    return null;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

/** A value as it would appear in the file, short, and never an object's whole text. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'object' && value !== null) return describeType(value);
  return String(value);
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
