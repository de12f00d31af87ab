import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/core/json-syntax';
import { parseJsonSafely } from '../../src/core/safe-json';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON text damaged at one place: a character deleted, inserted or replaced. */
const damagedJson = fc
  .record({
    text: fc.jsonValue({ maxDepth: 3 }).chain((value) => fc.constantFrom(JSON.stringify(value), JSON.stringify(value, null, 2))),
    at: fc.nat(),
    edit: fc.constantFrom('delete', 'insert', 'replace'),
    ch: fc.oneof(fc.constantFrom(...'{}[]:,"\\ \n\t-+.0123456789eEtrufalsn\'/x\u0000\ufeff'), fc.string({ minLength: 1, maxLength: 1 })),
  })
  .map(({ text, at, edit, ch }) => {
    const i = at % (text.length + 1);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'insert') return text.slice(0, i) + ch + text.slice(i);
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

describe('findJsonSyntaxError', () => {
  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(fc.oneof(damagedJson, fc.string({ maxLength: 12 })), (text) => {
        expect(findJsonSyntaxError(text) === null, JSON.stringify(text)).toBe(parses(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['{\n  "a": 1,\n}', 3, 1, '"}"', /no comma before a closing bracket/],
    ['[1, 2,]', 1, 7, '"]"', /no comma before a closing bracket/],
    ["{'a': 1}", 1, 2, `"'" (JSON needs double quotes)`, /property name in double quotes/],
    ['{"a": 1 // note\n}', 1, 9, '"/" (JSON allows no comments)', /"," or "}"/],
    ['{"a": True}', 1, 7, '"True"', /a value/],
    ['{"a": "two\nlines"}', 1, 11, 'the invisible character U+000A', /no line breaks/],
    ['{"a": 1} {}', 1, 10, '"{"', /the end of the file/],
    ['{"a": [1, 2}', 1, 12, '"}"', /"," or "]"/],
    ['{"a": "\\x"}', 1, 9, '"x"', /an escape/],
    ['{"a": 1', 1, 8, 'the end of the file', /"," or "}"/],
  ])('places and explains the error in %j', (text, line, column, found, expected) => {
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column, found });
    expect(error!.expected).toMatch(expected);
  });
});

describe('parseJsonSafely on text that is not JSON', () => {
  it('says where and what was expected, on one line', () => {
    const result = parseJsonSafely('{\n  "kind": "questionnaire",\n  "id": "x"\n  "version": 1\n}');
    expect(result).toEqual({ ok: false, problems: [{ path: '', message: 'is not valid JSON: line 4, column 3: found a double quote ("); expected "," or "}" (is a comma missing before it?)' }] });
  });

  it('strips one byte order mark and no more', () => {
    expect(parseJsonSafely('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonSafely('\ufeff\ufeff{"a": 1}').ok).toBe(false);
  });

  it('calls an empty file empty', () => {
    expect(parseJsonSafely(' \n')).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^is empty/) }] });
  });
});
