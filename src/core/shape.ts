import { joinPath, type Problem } from './problems';

/**
 * Small helpers for checking untrusted, already-parsed JSON by hand. They collect
 * every problem rather than stopping at the first, so an author sees them all at once.
 */
export class ShapeChecker {
  readonly problems: Problem[] = [];

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** An object with exactly the named fields (required and optional); reports the rest. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> | null {
    if (!isPlainObject(value)) {
      this.report(path, `expected an object, found ${describeType(value)}`);
      return null;
    }
    for (const key of required) {
      if (!Object.hasOwn(value, key)) this.report(joinPath(path, key), 'is missing; this field is required');
    }
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.report(joinPath(path, key), `is not a known field; expected only ${[...required, ...optional].join(', ')}`);
      }
    }
    return value;
  }

  array(value: unknown, path: string, minItems: number, maxItems: number): unknown[] | null {
    if (!Array.isArray(value)) {
      this.report(path, `expected an array, found ${describeType(value)}`);
      return null;
    }
    if (value.length < minItems) this.report(path, `has ${value.length} entries; expected at least ${minItems}`);
    if (value.length > maxItems) this.report(path, `has ${value.length} entries; expected at most ${maxItems}`);
    return value;
  }

  string(value: unknown, path: string, maxLength: number, pattern?: { regex: RegExp; description: string }): string | null {
    if (typeof value !== 'string') {
      this.report(path, `expected a string, found ${describeType(value)}`);
      return null;
    }
    if (value.trim() === '') this.report(path, 'is empty; expected some text');
    else if (value.length > maxLength) this.report(path, `is ${value.length} characters long; expected at most ${maxLength}`);
    else if (pattern && !pattern.regex.test(value)) this.report(path, `"${truncate(value)}" is not valid; expected ${pattern.description}`);
    return value;
  }

  integer(value: unknown, path: string, min: number, max: number): number | null {
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

  constant<T extends string | number>(value: unknown, path: string, expected: T): void {
    if (value !== expected) this.report(path, `is ${JSON.stringify(value) ?? 'undefined'}; expected ${JSON.stringify(expected)}`);
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | null {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.report(path, `is ${JSON.stringify(value) ?? 'undefined'}; expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
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
  if (typeof value === 'string') return `the string "${truncate(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
