import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Hex } from '../../src/core/round/crc32';
import { splitCodes, type CodeKind } from '../../src/core/round/split-codes';

/**
 * The rule as first written (and as the sealing module's unwrap checks a code): join a
 * piece that starts no code to the code before it while that code is not whole. It
 * re-reads the whole growing code for every piece, so it serves only as the reference.
 */
function referenceSplit(text: string, kinds: readonly CodeKind[]): string[] {
  const isWhole = (code: string) => kinds.some(({ prefix, maxChars }) => {
    if (!code.startsWith(prefix) || code.length > maxChars) return false;
    const dot = code.lastIndexOf('.');
    if (dot <= prefix.length - 1 || code.length - dot - 1 !== 8) return false;
    return crc32Hex(code.slice(0, dot)) === code.slice(dot + 1).toLowerCase();
  });
  const codes: string[] = [];
  for (const piece of text.split(/\s+/).filter(Boolean)) {
    const last = codes.length - 1;
    const startsCode = kinds.some((kind) => piece.startsWith(kind.prefix));
    if (last >= 0 && !startsCode && !isWhole(codes[last]!)) codes[last] += piece;
    else codes.push(piece);
  }
  return codes;
}

const KINDS: CodeKind[] = [{ prefix: 'SMR1.', maxChars: 16_384 }, { prefix: 'SMI1.', maxChars: 2_048 }];
const MB2 = 2 * 1024 * 1024;

/** Characters that make the checksum and the prefix test work: dots, hex in both cases, multi-byte UTF-8, lone and paired surrogates. */
const char = fc.constantFrom('A', 'b', 'F', 'f', '0', '9', '-', '_', '.', 'S', 'M', 'R', '1', 'é', '€', '😀', '\uD83D', '\uDE00');
const whitespace = fc.constantFrom(' ', '\n', '\r\n', '\t', '\n  ', '\u00a0', '\u2028');
const shortText = (maxLength: number) => fc.array(char, { maxLength }).map((chars) => chars.join(''));

/** Kinds with short prefixes and small limits, so prefixes collide and limits are reached. */
const kinds = fc.array(
  fc.record({ prefix: fc.constantFrom('', 'S', 'SM', 'SMR1.', 'SMI1.', '.', '😀'), maxChars: fc.integer({ min: 0, max: 60 }) }),
  { maxLength: 3 },
);

/**
 * A code with a real checksum, sometimes upper-case, sometimes wrong. Its checksummed
 * part may start with only part of a prefix, so the dot can be the prefix's own.
 */
function code(prefixes: readonly string[]) {
  const prefix = fc.constantFrom('', ...prefixes).chain((p) => fc.oneof(fc.constant(p), fc.nat(p.length).map((n) => p.slice(0, n))));
  return fc.record({
    prefix,
    body: shortText(40),
    upper: fc.boolean(),
    wrong: fc.option(fc.integer({ min: 0, max: 0xffffffff }).map((n) => n.toString(16).padStart(8, '0'))),
  }).map(({ prefix, body, upper, wrong }) => {
    const crc = wrong ?? crc32Hex(prefix + body);
    return `${prefix + body}.${upper ? crc.toUpperCase() : crc}`;
  });
}

/** Breaks a text with whitespace at random places, as a mail program does (even inside a surrogate pair). */
const broken = (text: string) =>
  fc.array(fc.tuple(fc.nat(text.length), whitespace), { maxLength: 6 }).map((breaks) => {
    let out = text;
    for (const [at, space] of breaks.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + space + out.slice(at);
    return out;
  });

const paste = kinds.chain((ks) =>
  fc.tuple(
    fc.constant(ks),
    fc.array(fc.oneof(code(ks.map((k) => k.prefix)), shortText(12)).chain(broken), { maxLength: 12 })
      .chain((items) => fc.array(whitespace, { minLength: items.length, maxLength: items.length }).map((spaces) => items.map((item, i) => item + spaces[i]).join(''))),
  ),
);

describe('splitCodes', () => {
  it('splits a paste as the reference does: codes with real checksums, broken anywhere, mixed with junk', () => {
    fc.assert(
      fc.property(paste, ([ks, text]) => {
        expect(splitCodes(text, ks)).toEqual(referenceSplit(text, ks));
      }),
      { numRuns: 2_000 },
    );
  });

  it('joins a real code broken over lines and keeps the codes around it apart', () => {
    const make = (prefix: string, body: string) => `${prefix}${body}.${crc32Hex(prefix + body)}`;
    const first = make('SMR1.', 'abc-DEF_123😀é');
    const second = make('SMI1.', 'x'.repeat(100));
    const text = `junk ${first.slice(0, 7)}\n  ${first.slice(7, 12)}\r\n${first.slice(12)} ${second.slice(0, 50)}\n${second.slice(50)}\ttrailing words`;
    expect(splitCodes(text, KINDS)).toEqual(['junk', first, second, 'trailingwords']);
    expect(splitCodes(text, KINDS)).toEqual(referenceSplit(text, KINDS));
  });

  it('counts a code exactly as long as its kind allows as whole, and one a character longer as never whole', () => {
    const ofLength = (prefix: string, chars: number) => {
      const body = 'x'.repeat(chars - prefix.length - 9);
      return `${prefix}${body}.${crc32Hex(prefix + body)}`;
    };
    for (const [prefix, maxChars] of KINDS.map((kind) => [kind.prefix, kind.maxChars] as const)) {
      for (const chars of [maxChars, maxChars + 1]) {
        const code = ofLength(prefix, chars);
        const text = `${code.slice(0, 100)}\n${code.slice(100, -4)}\n${code.slice(-4)}\nnext`;
        expect(splitCodes(text, KINDS)).toEqual(referenceSplit(text, KINDS));
        expect(splitCodes(text, KINDS)).toEqual(chars === maxChars ? [code, 'next'] : [`${code}next`]);
      }
    }
  });

  it('agrees with the reference on the adversarial shapes, at a size the reference can take', () => {
    for (const text of [oneCharacterFragments(20_000), checksumLikeFragments(20_000), `x\n${oneCharacterFragments(20_000)}`]) {
      expect(splitCodes(text, KINDS)).toEqual(referenceSplit(text, KINDS));
    }
  });

  it('takes 2 MB of one-character fragments as one code', () => {
    const text = oneCharacterFragments(MB2);
    expect(splitCodes(text, KINDS)).toEqual([text.replace(/\s+/g, '')]);
    const junk = 'x\n'.repeat(MB2 / 2);
    expect(splitCodes(junk, KINDS)).toEqual(['x'.repeat(MB2 / 2)]);
  });

  it('takes 2 MB of fragments that each end in "." and 8 hex digits, and still finds the whole code after them', () => {
    const whole = `SMR1.last.${crc32Hex('SMR1.last')}`;
    const text = `${checksumLikeFragments(MB2)}\n${whole}`;
    const codes = splitCodes(text, KINDS);
    expect(codes).toHaveLength(2);
    expect(codes[0]).toBe(checksumLikeFragments(MB2).replace(/\s+/g, ''));
    expect(codes[1]).toBe(whole);
  });
});

/** A code's prefix, then one character per line up to `chars` characters. */
function oneCharacterFragments(chars: number): string {
  return `SMR1.${'\nA'.repeat((chars - 5) / 2)}`;
}

/** A code's prefix, then pieces that each look like the end of a code (".0123abcd"): every join calls for a checksum. */
function checksumLikeFragments(chars: number): string {
  return `SMR1.${'\nQ.0123abcd'.repeat(Math.floor((chars - 5) / 11))}`;
}
