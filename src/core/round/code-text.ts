import type { Problem } from '../problems';
import { crc32Hex } from './crc32';

/**
 * The text form shared by invitations and sealed response codes: a fixed prefix that
 * says what the code is, a base64url body, and a CRC-32 so that a mistyped or cut
 * code is caught before anything else is tried: `PREFIX + body + "." + crc`.
 */

/** Why a code was refused; the UI words each kind in the reader's language. */
export type CodeProblem =
  | { kind: 'not-a-code' }
  | { kind: 'too-long' }
  | { kind: 'damaged' }
  /** Made by an earlier Shiftmeter whose codes this one no longer accepts. */
  | { kind: 'old-format' }
  /** An invitation where a response code was expected (or the other way round). */
  | { kind: 'wrong-kind' }
  /** An invitation whose round key is not a point of the curve: made up, not made by Shiftmeter. */
  | { kind: 'bad-key' }
  | { kind: 'another-round'; round: string }
  | { kind: 'cannot-open' }
  | { kind: 'other-questionnaire'; id: string; version: number }
  /** The first thing wrong with the response inside; the UI words it as the validators' problems. */
  | { kind: 'invalid'; problem: Problem };

export type CodeResult<T> = { ok: true; value: T } | { ok: false; problem: CodeProblem };

export const RESPONSE_PREFIX = 'SMR2.';
export const INVITATION_PREFIX = 'SMI2.';
/** Codes of Shiftmeter 0.1, before the round's settings were bound into the sealing. */
export const OLD_RESPONSE_PREFIX = 'SMR1.';
export const OLD_INVITATION_PREFIX = 'SMI1.';
export const MAX_INVITATION_CHARS = 2_048;
export const MAX_RESPONSE_CHARS = 16_384;
export const MAX_PASTE_CHARS = 2 * 1024 * 1024;

/** Pasted codes may be broken over lines by mail programs: whitespace never belongs to a code. */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Checks the prefix and checksum of `PREFIX + body + "." + crc`; returns the body. */
export function unwrapCode(text: string, prefix: string, maxChars: number): CodeResult<string> {
  const code = stripWhitespace(text);
  if (!code.startsWith(prefix)) return { ok: false, problem: { kind: kindOfOther(code, prefix) } };
  if (code.length > maxChars) return { ok: false, problem: { kind: 'too-long' } };
  const dot = code.lastIndexOf('.');
  if (dot <= prefix.length - 1 || code.length - dot - 1 !== 8) return { ok: false, problem: { kind: 'damaged' } };
  if (crc32Hex(code.slice(0, dot)) !== code.slice(dot + 1).toLowerCase()) return { ok: false, problem: { kind: 'damaged' } };
  return { ok: true, value: code.slice(prefix.length, dot) };
}

/** What a text that lacks the expected prefix is, so the refusal can say so. */
function kindOfOther(code: string, expected: string): 'not-a-code' | 'old-format' | 'wrong-kind' {
  const other = expected === RESPONSE_PREFIX ? INVITATION_PREFIX : RESPONSE_PREFIX;
  const old = expected === RESPONSE_PREFIX ? OLD_RESPONSE_PREFIX : OLD_INVITATION_PREFIX;
  if (code.startsWith(other) || code.startsWith(other === INVITATION_PREFIX ? OLD_INVITATION_PREFIX : OLD_RESPONSE_PREFIX)) return 'wrong-kind';
  if (code.startsWith(old)) return 'old-format';
  return 'not-a-code';
}

export function wrapCode(prefix: string, body: string): string {
  const text = prefix + body;
  return `${text}.${crc32Hex(text)}`;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
