import { CRC32_START, crc32Add, crc32Final } from './crc32';

/** A kind of code: `prefix + body + "." + 8 hex digits of the CRC-32 of prefix + body`. */
export interface CodeKind {
  prefix: string;
  maxChars: number;
}

/**
 * Splits a paste of many codes. Codes are separated by whitespace, but a mail program
 * may also have broken one code over lines: a piece that does not start a new code is
 * joined to the code before it while that one is not yet whole (a kind's prefix, at
 * most that kind's length, and a checksum that fits).
 *
 * Time is linear in the text: checking a growing code for wholeness never reads it
 * again from the start (see GrowingCode), so however a paste is broken, a 2 MB paste
 * is split in about a tenth of a second (`npm run bench`).
 */
export function splitCodes(text: string, kinds: readonly CodeKind[]): string[] {
  const codes: string[] = [];
  let current: GrowingCode | null = null;
  for (const piece of text.split(/\s+/)) {
    if (piece === '') continue;
    const startsCode = kinds.some((kind) => piece.startsWith(kind.prefix));
    if (current && !startsCode && !current.isWhole(kinds)) {
      current.append(piece);
      continue;
    }
    if (current) codes.push(current.text());
    current = new GrowingCode(piece, kinds);
  }
  if (current) codes.push(current.text());
  return codes;
}

/** "." and 8 hex digits: the characters after the checksummed part of a whole code. */
const CHECK_CHARS = 9;
const DOT = 0x2e;
const NO_SURROGATE = -1;

/**
 * A code as its pieces are joined. The CRC-32 is kept running over all but the last 9
 * characters (UTF-16 units, as `slice` counts them); those 9 wait in a ring, and each
 * character the ring pushes out is added to the checksum once. A whole code has "."
 * first in the ring and the running checksum in the 8 after it.
 */
class GrowingCode {
  private readonly parts: string[] = [];
  private length = 0;
  /** The first characters, as many as the longest prefix has: enough to tell the kind. */
  private head = '';
  private readonly headChars: number;
  /** Longer than every kind allows, a code can never become whole: its checksum is not kept. */
  private readonly longest: number;
  private running = CRC32_START;
  /** A high surrogate already out of the ring, whose UTF-8 depends on what follows it. */
  private pendingHigh = NO_SURROGATE;
  private readonly ring = new Uint16Array(CHECK_CHARS);
  private ringStart = 0;
  private ringLength = 0;

  constructor(first: string, kinds: readonly CodeKind[]) {
    this.headChars = kinds.reduce((most, kind) => Math.max(most, kind.prefix.length), 0);
    this.longest = kinds.reduce((most, kind) => Math.max(most, kind.maxChars), 0);
    this.append(first);
  }

  append(piece: string): void {
    this.parts.push(piece);
    if (this.head.length < this.headChars) this.head = (this.head + piece).slice(0, this.headChars);
    const kept = Math.min(piece.length, this.longest - this.length);
    for (let i = 0; i < kept; i++) this.push(piece.charCodeAt(i));
    this.length += piece.length;
  }

  text(): string {
    return this.parts.join('');
  }

  /** The test that unwrapping the joined text makes (prefix, length, dot, checksum in either case), without reading it again. */
  isWhole(kinds: readonly CodeKind[]): boolean {
    if (this.length > this.longest || this.ringLength < CHECK_CHARS || this.unitFromEnd(CHECK_CHARS) !== DOT) return false;
    const fits = kinds.some((kind) =>
      this.head.startsWith(kind.prefix) && this.length >= kind.prefix.length + CHECK_CHARS && this.length <= kind.maxChars);
    return fits && this.writtenChecksum() === this.checksum();
  }

  /** The 8 hex digits after the dot as a number, either case (as unwrap lower-cases them); -1 if not hex. */
  private writtenChecksum(): number {
    let value = 0;
    for (let back = CHECK_CHARS - 1; back >= 1; back--) {
      const digit = hexDigit(this.unitFromEnd(back));
      if (digit < 0) return -1;
      value = value * 16 + digit;
    }
    return value;
  }

  /** The CRC-32 of everything before the ring. A high surrogate still waiting is followed by the dot, so it stands alone. */
  private checksum(): number {
    return crc32Final(this.pendingHigh === NO_SURROGATE ? this.running : addUtf8(this.running, REPLACEMENT));
  }

  private unitFromEnd(back: number): number {
    return this.ring[(this.ringStart + this.ringLength - back) % CHECK_CHARS]!;
  }

  private push(unit: number): void {
    if (this.ringLength < CHECK_CHARS) {
      this.ring[(this.ringStart + this.ringLength++) % CHECK_CHARS] = unit;
      return;
    }
    const out = this.ring[this.ringStart]!;
    this.ring[this.ringStart] = unit;
    this.ringStart = (this.ringStart + 1) % CHECK_CHARS;
    this.addUnit(out);
  }

  /** Adds one UTF-16 unit as TextEncoder would encode it: a pair as one code point, a lone surrogate as U+FFFD. */
  private addUnit(unit: number): void {
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (this.pendingHigh !== NO_SURROGATE) {
      const high = this.pendingHigh;
      this.pendingHigh = NO_SURROGATE;
      if (isLow) {
        this.running = addUtf8(this.running, 0x10000 + ((high - 0xd800) << 10) + (unit - 0xdc00));
        return;
      }
      this.running = addUtf8(this.running, REPLACEMENT);
    }
    if (unit >= 0xd800 && unit <= 0xdbff) this.pendingHigh = unit;
    else this.running = addUtf8(this.running, isLow ? REPLACEMENT : unit);
  }
}

const REPLACEMENT = 0xfffd;

function addUtf8(running: number, codePoint: number): number {
  if (codePoint < 0x80) return crc32Add(running, codePoint);
  if (codePoint < 0x800) return crc32Add(crc32Add(running, 0xc0 | (codePoint >> 6)), 0x80 | (codePoint & 0x3f));
  if (codePoint < 0x10000) {
    return crc32Add(crc32Add(crc32Add(running, 0xe0 | (codePoint >> 12)), 0x80 | ((codePoint >> 6) & 0x3f)), 0x80 | (codePoint & 0x3f));
  }
  const first = crc32Add(crc32Add(running, 0xf0 | (codePoint >> 18)), 0x80 | ((codePoint >> 12) & 0x3f));
  return crc32Add(crc32Add(first, 0x80 | ((codePoint >> 6) & 0x3f)), 0x80 | (codePoint & 0x3f));
}

/** A hex digit's value, or -1. Only A-F need folding: no other character lower-cases to a hex digit (checked over all of Unicode). */
function hexDigit(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return unit - 0x30;
  const lower = unit | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
