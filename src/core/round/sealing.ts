import { ID_PATTERN } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { fromBase64url, toBase64url } from './base64url';
import { crc32Hex } from './crc32';
import { LOWEST_MIN_GROUP } from './aggregator';
import { checkAgainst, parseResponse, TOKEN_PATTERN, type AnonymisedResponse } from './response';
import { describeProblem } from '../problems';

/**
 * Invitations and sealed response codes, over the standard WebCrypto API only (Node 20
 * and extension pages both have it). A response is sealed to the round's ECDH P-256
 * public key: a fresh ephemeral key pair per code, HKDF-SHA-256 to an AES-GCM key, the
 * round id as additional data. Teammates who see a code in a chat cannot read it; only
 * the Shiftmeter holding the round's private key can open it.
 */
export const RESPONSE_PREFIX = 'SMR1.';
export const INVITATION_PREFIX = 'SMI1.';
export const MAX_INVITATION_CHARS = 2_048;
export const MAX_RESPONSE_CHARS = 16_384;
export const MAX_PASTE_CHARS = 2 * 1024 * 1024;
export const MAX_ROUND_NAME = 120;
export const MAX_MIN_GROUP = 1_000;

const HKDF_INFO = new TextEncoder().encode('shiftmeter-response-v1');
const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const PUBLIC_KEY_BYTES = 65;
const IV_BYTES = 12;

export interface Invitation {
  round: string;
  name: string;
  questionnaire: { id: string; version: number };
  minGroup: number;
  /** The round's raw P-256 public key, base64url. */
  publicKey: string;
}

/** Why a code was refused; the UI words each kind in the reader's language. */
export type CodeProblem =
  | { kind: 'not-a-code' }
  | { kind: 'too-long' }
  | { kind: 'damaged' }
  | { kind: 'another-round'; round: string }
  | { kind: 'cannot-open' }
  | { kind: 'other-questionnaire'; id: string; version: number }
  | { kind: 'invalid'; detail: string };

export type CodeResult<T> = { ok: true; value: T } | { ok: false; problem: CodeProblem };

/** English wording of a problem, for tests, logs and the kit. */
export function describeCodeProblem(problem: CodeProblem): string {
  switch (problem.kind) {
    case 'not-a-code': return 'This is not a Shiftmeter response code';
    case 'too-long': return 'This code is too long to be a Shiftmeter code';
    case 'damaged': return 'This code is damaged or mistyped: check that it was copied whole';
    case 'another-round': return `This code answers another round: ${problem.round}`;
    case 'cannot-open': return "This code could not be opened with this round's key";
    case 'other-questionnaire': return `This code answers ${problem.id} version ${problem.version}, not this round's questionnaire`;
    case 'invalid': return `This code holds an invalid response: ${problem.detail}`;
  }
}

/** Pasted codes may be broken over lines by mail programs: whitespace never belongs to a code. */
export function stripWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Checks the prefix and checksum of `PREFIX + body + "." + crc`; returns the body. */
function unwrap(text: string, prefix: string, maxChars: number): CodeResult<string> {
  const code = stripWhitespace(text);
  if (!code.startsWith(prefix)) return { ok: false, problem: { kind: 'not-a-code' } };
  if (code.length > maxChars) return { ok: false, problem: { kind: 'too-long' } };
  const dot = code.lastIndexOf('.');
  if (dot <= prefix.length - 1 || code.length - dot - 1 !== 8) return { ok: false, problem: { kind: 'damaged' } };
  if (crc32Hex(code.slice(0, dot)) !== code.slice(dot + 1).toLowerCase()) return { ok: false, problem: { kind: 'damaged' } };
  return { ok: true, value: code.slice(prefix.length, dot) };
}

function wrap(prefix: string, body: string): string {
  const text = prefix + body;
  return `${text}.${crc32Hex(text)}`;
}

/** True when the text is a whole code: right prefix and a checksum that fits. */
export function isWholeCode(text: string): boolean {
  return unwrap(text, RESPONSE_PREFIX, MAX_RESPONSE_CHARS).ok || unwrap(text, INVITATION_PREFIX, MAX_INVITATION_CHARS).ok;
}

/**
 * Splits a paste of many codes. Codes are separated by whitespace, but a mail program
 * may also have broken one code over lines: a piece that does not start a new code is
 * joined to the code before it while that one is not yet whole.
 */
export function splitCodes(text: string): string[] {
  const codes: string[] = [];
  for (const piece of text.split(/\s+/).filter(Boolean)) {
    const last = codes.length - 1;
    const startsCode = piece.startsWith(RESPONSE_PREFIX) || piece.startsWith(INVITATION_PREFIX);
    if (last >= 0 && !startsCode && !isWholeCode(codes[last]!)) codes[last] += piece;
    else codes.push(piece);
  }
  return codes;
}

// ---- Round keys --------------------------------------------------------------------

export interface RoundKeys {
  /** Not extractable: it can open codes but its bytes can never be read out of this profile. */
  privateKey: CryptoKey;
  publicKey: string;
}

export async function createRoundKeys(): Promise<RoundKeys> {
  const pair = (await crypto.subtle.generateKey(CURVE, false, ['deriveBits'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: toBase64url(raw) };
}

export function newToken(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(16)));
}

// ---- Invitations ---------------------------------------------------------------------

export function encodeInvitation(invitation: Invitation): string {
  const json = JSON.stringify({
    round: invitation.round,
    name: invitation.name,
    questionnaire: { id: invitation.questionnaire.id, version: invitation.questionnaire.version },
    minGroup: invitation.minGroup,
    publicKey: invitation.publicKey,
  });
  return wrap(INVITATION_PREFIX, toBase64url(new TextEncoder().encode(json)));
}

export function parseInvitation(text: string): CodeResult<Invitation> {
  const body = unwrap(text, INVITATION_PREFIX, MAX_INVITATION_CHARS);
  if (!body.ok) return body;
  const bytes = fromBase64url(body.value);
  let value: unknown;
  try {
    value = bytes ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : null;
  } catch {
    value = null;
  }
  const invitation = validateInvitation(value);
  return invitation ? { ok: true, value: invitation } : { ok: false, problem: { kind: 'damaged' } };
}

function validateInvitation(value: unknown): Invitation | null {
  if (!isPlainObject(value) || !isPlainObject(value.questionnaire)) return null;
  const { round, name, questionnaire, minGroup, publicKey } = value;
  const key = typeof publicKey === 'string' ? fromBase64url(publicKey) : null;
  const valid = typeof round === 'string' && TOKEN_PATTERN.regex.test(round)
    && typeof name === 'string' && name.trim().length > 0 && name.length <= MAX_ROUND_NAME
    && typeof questionnaire.id === 'string' && ID_PATTERN.regex.test(questionnaire.id)
    && Number.isSafeInteger(questionnaire.version) && (questionnaire.version as number) >= 1
    && Number.isSafeInteger(minGroup) && (minGroup as number) >= LOWEST_MIN_GROUP && (minGroup as number) <= MAX_MIN_GROUP
    && key !== null && key.length === PUBLIC_KEY_BYTES && key[0] === 4;
  if (!valid) return null;
  return {
    round: round as string,
    name: name as string,
    questionnaire: { id: questionnaire.id as string, version: questionnaire.version as number },
    minGroup: minGroup as number,
    publicKey: publicKey as string,
  };
}

// ---- Sealed responses ------------------------------------------------------------------

async function responseKey(shared: ArrayBuffer, round: string, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode(round), info: HKDF_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Seals a response to the round's public key (from its invitation). */
export async function sealResponse(response: AnonymisedResponse, publicKey: string): Promise<string> {
  const raw = fromBase64url(publicKey);
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) throw new RangeError('the round public key is not a raw P-256 key');
  const roundKey = await crypto.subtle.importKey('raw', raw, CURVE, false, []);
  const ephemeral = (await crypto.subtle.generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: roundKey }, ephemeral.privateKey, 256);
  const roundBytes = new TextEncoder().encode(response.round);
  const key = await responseKey(shared, response.round, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(response));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: roundBytes }, key, plain));
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const body = concat([Uint8Array.of(roundBytes.length), roundBytes, ephemeralRaw, iv, cipher]);
  return wrap(RESPONSE_PREFIX, toBase64url(body));
}

interface SealedParts {
  round: string;
  ephemeral: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  cipher: Uint8Array<ArrayBuffer>;
}

/** Reads a code's plain parts (prefix, checksum, round id) without any key. */
export function readSealed(text: string): CodeResult<SealedParts> {
  const body = unwrap(text, RESPONSE_PREFIX, MAX_RESPONSE_CHARS);
  if (!body.ok) return body;
  const bytes = fromBase64url(body.value);
  const damaged = { ok: false, problem: { kind: 'damaged' } } as const;
  if (!bytes || bytes.length < 1) return damaged;
  const roundLength = bytes[0]!;
  const cipherStart = 1 + roundLength + PUBLIC_KEY_BYTES + IV_BYTES;
  if (roundLength === 0 || bytes.length < cipherStart + 16) return damaged;
  let round: string;
  try {
    round = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(1, 1 + roundLength));
  } catch {
    return damaged;
  }
  if (!TOKEN_PATTERN.regex.test(round)) return damaged;
  return {
    ok: true,
    value: {
      round,
      ephemeral: bytes.slice(1 + roundLength, 1 + roundLength + PUBLIC_KEY_BYTES),
      iv: bytes.slice(1 + roundLength + PUBLIC_KEY_BYTES, cipherStart),
      cipher: bytes.slice(cipherStart),
    },
  };
}

export interface OpenTarget {
  round: string;
  privateKey: CryptoKey;
  questionnaire: import('../questionnaire/types').Questionnaire;
}

/**
 * Opens a sealed code, in the order that gives the clearest reason: prefix, checksum,
 * round, decryption, then the response itself against the round's questionnaire.
 */
export async function openResponse(text: string, target: OpenTarget): Promise<CodeResult<AnonymisedResponse>> {
  const parts = readSealed(text);
  if (!parts.ok) return parts;
  const { round, ephemeral, iv, cipher } = parts.value;
  if (round !== target.round) return { ok: false, problem: { kind: 'another-round', round } };
  let plain: ArrayBuffer;
  try {
    const memberKey = await crypto.subtle.importKey('raw', ephemeral, CURVE, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: memberKey }, target.privateKey, 256);
    const key = await responseKey(shared, round, 'decrypt');
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(round) }, key, cipher);
  } catch {
    return { ok: false, problem: { kind: 'cannot-open' } };
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return { ok: false, problem: { kind: 'invalid', detail: 'not UTF-8 text' } };
  }
  const parsed = parseResponse(json);
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', detail: describeProblem(parsed.problems[0]!) } };
  const response = parsed.value;
  // The sealed round id must agree with the one inside, or a code could be re-labelled.
  if (response.round !== round) return { ok: false, problem: { kind: 'another-round', round: response.round } };
  const { questionnaire } = target;
  if (response.questionnaire.id !== questionnaire.id || response.questionnaire.version !== questionnaire.version) {
    return { ok: false, problem: { kind: 'other-questionnaire', id: response.questionnaire.id, version: response.questionnaire.version } };
  }
  const problems = checkAgainst(response, questionnaire);
  if (problems.length > 0) return { ok: false, problem: { kind: 'invalid', detail: describeProblem(problems[0]!) } };
  return { ok: true, value: response };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
