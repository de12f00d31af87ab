import type { JsonExpected, JsonFound } from './problems';

/**
 * Finds the first place where text is not JSON (RFC 8259) and says what was expected
 * there. JSON.parse's own messages differ between engines and quote raw input (line
 * breaks, control characters) that would garble a one-line report, so the kit
 * explains syntax errors itself. Iterative, so deep nesting cannot blow the stack.
 */
export interface JsonSyntaxError {
  line: number;
  column: number;
  /** What stands there, in English ("the end of the file"); `foundKind` and `foundText` say the same as data. */
  found: string;
  /** What JSON allows there, in English; `expectedKind` and `close` say the same as data. */
  expected: string;
  foundKind: JsonFound;
  /** The character or word found, quoted, or the code point (U+0009) of an invisible one; empty when the kind says it all. */
  foundText: string;
  expectedKind: JsonExpected;
  /** The bracket that would close the open object or array, for "comma-or-close"; empty otherwise. */
  close: string;
}

/** What stands there, in English. */
export function jsonFoundWords(kind: JsonFound, text: string): string {
  switch (kind) {
    case 'end': return 'the end of the file';
    case 'invisible': return `the invisible character ${text}`;
    case 'slash': return '"/" (JSON allows no comments)';
    case 'single-quote': return `"'" (JSON needs double quotes)`;
    case 'double-quote': return 'a double quote (")';
    default: return text;
  }
}

/** What JSON allows there, in English. */
export function jsonExpectedWords(kind: JsonExpected, close: string): string {
  switch (kind) {
    case 'value': return 'a value (an object, array, string in double quotes, number, true, false or null)';
    case 'property-name': return 'a property name in double quotes';
    case 'colon': return '":" after the property name';
    case 'comma-or-close': return `"," or "${close}"`;
    case 'comma-missing': return `"," or "${close}" (is a comma missing before it?)`;
    case 'another-entry': return 'another entry after the comma (JSON allows no comma before a closing bracket)';
    case 'end-of-file': return 'the end of the file (a file holds one JSON value)';
    case 'digit': return 'a digit';
    case 'no-control-character': return 'no line breaks or control characters inside a string (write \\n for a line break)';
    case 'escape': return 'an escape such as \\n, \\" or \\u00e5 after the backslash';
    case 'hex-digits': return 'four hexadecimal digits after \\u';
    case 'closing-quote': return 'a closing double quote (")';
  }
}

type State = 'value' | 'value-or-]' | 'key-or-}' | 'key' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrtu';

export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: string[] = [];
  let state: State = 'value';
  let i = 0;
  const fail = (at: number, expectedKind: JsonExpected, close = ''): JsonSyntaxError => {
    const [foundKind, foundText] = describeAt(text, at);
    return { ...lineAndColumn(text, at), found: jsonFoundWords(foundKind, foundText), expected: jsonExpectedWords(expectedKind, close), foundKind, foundText, expectedKind, close };
  };
  const afterValue = (): State => (stack.length > 0 ? 'comma-or-close' : 'end');

  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) return state === 'end' ? null : fail(i, ...expectedIn(state, stack));
    const ch = text[i]!;
    if (state === 'value-or-]') {
      if (ch === ']') {
        stack.pop();
        i++;
        state = afterValue();
        continue;
      }
      state = 'value';
    }
    switch (state) {
      case 'value': {
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          state = ch === '{' ? 'key-or-}' : 'value-or-]';
          break;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return end ?? fail(i, ch === ']' && stack[stack.length - 1] === '[' ? 'another-entry' : 'value');
        i = end;
        state = afterValue();
        break;
      }
      case 'key-or-}':
      case 'key':
        if (ch === '}' && state === 'key-or-}') {
          stack.pop();
          i++;
          state = afterValue();
          break;
        }
        if (ch !== '"') return fail(i, ch === '}' ? 'another-entry' : 'property-name');
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        state = 'colon';
        break;
      case 'colon':
        if (ch !== ':') return fail(i, 'colon');
        i++;
        state = 'value';
        break;
      case 'comma-or-close': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (ch === ',') state = close === '}' ? 'key' : 'value';
        else if (ch === close) {
          stack.pop();
          state = afterValue();
        } else return fail(i, ch === '"' ? 'comma-missing' : 'comma-or-close', close);
        i++;
        break;
      }
      case 'end':
        return fail(i, 'end-of-file');
    }
  }

  /** A string, number or literal starting at `at`: its end, an error inside it, or null if none starts there. */
  function scanScalar(source: string, at: number): number | JsonSyntaxError | null {
    const ch = source[at]!;
    if (ch === '"') return scanString(source, at);
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = at;
      const match = NUMBER.exec(source);
      if (match === null) return fail(at + 1, 'digit');
      return at + match[0].length;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (source.startsWith(literal, at)) return at + literal.length;
    }
    return null;
  }

  function scanString(source: string, at: number): number | JsonSyntaxError {
    for (let j = at + 1; j < source.length; j++) {
      const code = source.charCodeAt(j);
      if (code === 34) return j + 1;
      if (code < 0x20) return fail(j, 'no-control-character');
      if (code === 92) {
        const escape = source[j + 1] ?? '';
        if (!ESCAPES.includes(escape) || escape === '') return fail(j + 1, 'escape');
        if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(source.slice(j + 2, j + 6))) return fail(j + 2, 'hex-digits');
        j += escape === 'u' ? 5 : 1;
      }
    }
    return fail(source.length, 'closing-quote');
  }
}

function expectedIn(state: State, stack: readonly string[]): [JsonExpected, string?] {
  switch (state) {
    case 'colon': return ['colon'];
    case 'key': case 'key-or-}': return ['property-name'];
    case 'comma-or-close': return ['comma-or-close', stack[stack.length - 1] === '{' ? '}' : ']'];
    default: return ['value'];
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What stands at `at`, and its text quoted so that it cannot break a one-line message. */
function describeAt(text: string, at: number): [JsonFound, string] {
  if (at >= text.length) return ['end', ''];
  const code = text.codePointAt(at)!;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0xfeff || code === 0x2028 || code === 0x2029) {
    return ['invisible', `U+${code.toString(16).toUpperCase().padStart(4, '0')}`];
  }
  const word = /^[A-Za-z_$][\w$]{0,19}/.exec(text.slice(at, at + 20));
  if (word) return ['word', `"${word[0]}"`];
  if (text[at] === '/') return ['slash', ''];
  if (text[at] === "'") return ['single-quote', ''];
  if (text[at] === '"') return ['double-quote', ''];
  return ['character', JSON.stringify(String.fromCodePoint(code))];
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: at - lineStart + 1 };
}
