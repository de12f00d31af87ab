import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/core/round/base64url';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Every text of `length` characters over the alphabet. */
function* allTexts(length: number): Generator<string> {
  if (length === 0) {
    yield '';
    return;
  }
  for (const rest of allTexts(length - 1)) for (const char of ALPHABET) yield rest + char;
}

describe('base64url', () => {
  it('round-trips any bytes, in the same text as Node writes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64url(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every variant of the last character that differs only in its unused bits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }).filter((bytes) => bytes.length % 3 !== 0), (bytes) => {
        const text = toBase64url(bytes);
        // One byte over leaves 4 unused bits in the last character, two bytes over leave 2.
        const unused = bytes.length % 3 === 1 ? 4 : 2;
        const last = ALPHABET.indexOf(text.at(-1)!);
        for (let low = 1; low < 1 << unused; low++) {
          expect(fromBase64url(text.slice(0, -1) + ALPHABET[last | low]!)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly one text for any bytes: every text of 2 and 3 characters it decodes encodes back to itself', () => {
    let accepted = 0;
    for (const length of [2, 3]) {
      for (const text of allTexts(length)) {
        const bytes = fromBase64url(text);
        if (bytes === null) continue;
        accepted++;
        expect(toBase64url(bytes)).toBe(text);
      }
    }
    // All 256 one-byte values and all 65,536 two-byte values, and nothing else.
    expect(accepted).toBe(256 + 65_536);
  });

  it('refuses text that is not base64url', () => {
    for (const text of ['A', 'AAAAA', 'AA==', 'AB+/', 'AB CD', 'ABC.', 'ABCé']) expect(fromBase64url(text)).toBeNull();
    expect(fromBase64url('')).toEqual(new Uint8Array());
  });
});
