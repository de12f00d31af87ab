import { findJsonSyntaxError, jsonExpectedWords, jsonFoundWords } from './json-syntax';
import { problemOf, type Checked, type EnglishWords, type Problem, type ProblemParamsOf } from './problems';

type JsonCode = 'too-large' | 'empty-file' | 'too-deep' | 'json-syntax' | 'json-invalid';

/** What is wrong with JSON text, in English; the dashboard words it from the same params (`problem.*`). */
const WORDS: EnglishWords<JsonCode> = {
  'too-large': ({ size }) => `is larger than ${size}; expected a file of at most that size`,
  'empty-file': () => 'is empty; expected JSON text, such as an object in { }',
  'too-deep': ({ max, line }) => `is nested more than ${max} levels deep (line ${line}); expected a flatter structure`,
  'json-syntax': ({ line, column, jsonFound, text, jsonExpected, close }) => `is not valid JSON: line ${line}, column ${column}: found ${jsonFoundWords(jsonFound, text)}; expected ${jsonExpectedWords(jsonExpected, close)}`,
  'json-invalid': ({ detail }) => `is not valid JSON (${detail}); expected JSON text`,
};

function fail<C extends JsonCode>(code: C, params: ProblemParamsOf[C]): Checked<never> {
  return { ok: false, problems: [problemOf('', code, params, WORDS[code])] };
}

/**
 * Parses untrusted JSON text with limits, so that a hostile file cannot exhaust
 * memory or blow the stack of the code that walks the result.
 */
export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxBytes: 1_000_000, maxDepth: 32 };

export function parseJsonSafely(input: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): Checked<unknown> {
  // Count UTF-8 bytes without allocating an encoded copy of a possibly huge string.
  const bytes = utf8Length(input, limits.maxBytes);
  if (bytes > limits.maxBytes) {
    return fail('too-large', { size: formatBytes(limits.maxBytes) });
  }
  // Editors on Windows often start UTF-8 files with a byte order mark; one is harmless.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return fail('empty-file', {});
  const depthLine = findExcessiveNesting(text, limits.maxDepth);
  if (depthLine !== null) return fail('too-deep', { max: limits.maxDepth, line: depthLine });
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, error)] };
  }
}

function syntaxProblem(text: string, error: unknown): Problem {
  const found = findJsonSyntaxError(text);
  if (found !== null) {
    const { line, column, foundKind, foundText, expectedKind, close } = found;
    return problemOf('', 'json-syntax', { line, column, jsonFound: foundKind, text: foundText, jsonExpected: expectedKind, close }, WORDS['json-syntax']);
  }
  // The scanner and the engine disagree (should not happen): keep the engine's words, on one line.
  const detail = error instanceof Error ? error.message : String(error);
  return problemOf('', 'json-invalid', { detail: detail.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, 200) }, WORDS['json-invalid']);
}

/** UTF-8 length of a string, stopping early once it passes `stopAfter`. */
function utf8Length(text: string, stopAfter: number): number {
  if (text.length > stopAfter) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > stopAfter) break;
  }
  return bytes;
}

/** Scans brackets outside strings; returns the line where nesting first exceeds `maxDepth`, or null. */
function findExcessiveNesting(text: string, maxDepth: number): number | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      depth++;
      if (depth > maxDepth) return line;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 100_000) / 10} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 100) / 10} KB`;
  return `${bytes} bytes`;
}
