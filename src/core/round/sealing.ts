import { describeProblem, problemOf } from '../problems';
import type { Questionnaire } from '../questionnaire/types';
import { fromBase64url, toBase64url } from './base64url';
import { concatBytes, MAX_RESPONSE_CHARS, RESPONSE_PREFIX, unwrapCode, wrapCode, type CodeProblem, type CodeResult } from './code-text';
import { bindingBytes, publicKeyBytes, type RoundBinding } from './round-binding';
import { checkAgainst, parseResponse, TOKEN_PATTERN, type AnonymisedResponse } from './response';

/**
 * Sealed response codes, over the standard WebCrypto API only (Node 20 and extension
 * pages both have it). A response is sealed to the round's ECDH P-256 public key: a
 * fresh ephemeral key pair per code; HKDF-SHA-256 with the round's binding (id,
 * minimum group, questionnaire, public key) as salt and both public keys in the info;
 * AES-GCM with the binding as additional data. Teammates who see a code in a chat
 * cannot read it; only the holder of the round's private key can open it, and only for
 * the round with exactly the settings the member was shown.
 */
const HKDF_INFO = new TextEncoder().encode('shiftmeter-response-v2');
export const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
export const PUBLIC_KEY_BYTES = 65;
export const IV_BYTES = 12;

/** English wording of a problem, for tests, logs and the kit. */
export function describeCodeProblem(problem: CodeProblem): string {
  switch (problem.kind) {
    case 'not-a-code': return 'This is not a Shiftmeter response code';
    case 'too-long': return 'This code is too long to be a Shiftmeter code';
    case 'damaged': return 'This code is damaged or mistyped: check that it was copied whole';
    case 'old-format': return 'This code was made by an earlier version of Shiftmeter, which this one no longer accepts';
    case 'wrong-kind': return 'This is an invitation, not a response code';
    case 'bad-key': return 'This invitation holds a round key that Shiftmeter never makes: it was altered';
    case 'another-round': return `This code answers another round: ${problem.round}`;
    case 'cannot-open': return "This code could not be opened with this round's key and settings";
    case 'other-questionnaire': return `This code answers ${problem.id} version ${problem.version}, not this round's questionnaire`;
    case 'invalid': return `This code holds an invalid response: ${describeProblem(problem.problem)}`;
  }
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

// ---- Sealed responses ------------------------------------------------------------------

async function responseKey(shared: ArrayBuffer, binding: RoundBinding, ephemeralRaw: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = await crypto.subtle.digest('SHA-256', bindingBytes(binding));
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: concatBytes([HKDF_INFO, ephemeralRaw, publicKeyBytes(binding)]) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Seals a response to the round its invitation describes. */
export async function sealResponse(response: AnonymisedResponse, binding: RoundBinding): Promise<string> {
  if (response.round !== binding.round) throw new RangeError('the response answers another round than the invitation');
  const roundKey = await crypto.subtle.importKey('raw', publicKeyBytes(binding), CURVE, false, []);
  const ephemeral = (await crypto.subtle.generateKey(CURVE, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: roundKey }, ephemeral.privateKey, 256);
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const key = await responseKey(shared, binding, ephemeralRaw, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(JSON.stringify(response));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bindingBytes(binding) }, key, plain));
  const roundBytes = new TextEncoder().encode(response.round);
  return wrapCode(RESPONSE_PREFIX, toBase64url(concatBytes([Uint8Array.of(roundBytes.length), roundBytes, ephemeralRaw, iv, cipher])));
}

export interface SealedParts {
  round: string;
  ephemeral: Uint8Array<ArrayBuffer>;
  iv: Uint8Array<ArrayBuffer>;
  cipher: Uint8Array<ArrayBuffer>;
}

/** Reads the plain parts of a code's body (round id, ephemeral key, iv, cipher text) without any key. */
export function readSealedBody(body: string): CodeResult<SealedParts> {
  const bytes = fromBase64url(body);
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

/** Reads a code's plain parts (prefix, checksum, round id) without any key. */
export function readSealed(text: string): CodeResult<SealedParts> {
  const body = unwrapCode(text, RESPONSE_PREFIX, MAX_RESPONSE_CHARS);
  return body.ok ? readSealedBody(body.value) : body;
}

export interface OpenTarget {
  binding: RoundBinding;
  privateKey: CryptoKey;
  questionnaire: Questionnaire;
}

/**
 * Opens a sealed code, in the order that gives the clearest reason: prefix, checksum,
 * round, decryption, then the response itself against the round's questionnaire.
 */
export async function openResponse(text: string, target: OpenTarget): Promise<CodeResult<AnonymisedResponse>> {
  const parts = readSealed(text);
  if (!parts.ok) return parts;
  const { round, ephemeral, iv, cipher } = parts.value;
  const { binding } = target;
  if (round !== binding.round) return { ok: false, problem: { kind: 'another-round', round } };
  let plain: ArrayBuffer;
  try {
    const memberKey = await crypto.subtle.importKey('raw', ephemeral, CURVE, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: memberKey }, target.privateKey, 256);
    const key = await responseKey(shared, binding, ephemeral, 'decrypt');
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: bindingBytes(binding) }, key, cipher);
  } catch {
    return { ok: false, problem: { kind: 'cannot-open' } };
  }
  return checkOpened(plain, round, target.questionnaire);
}

/** The checks after decryption, shared with the reader of codes from Shiftmeter 0.1. */
export function checkOpened(plain: ArrayBuffer, round: string, questionnaire: Questionnaire): CodeResult<AnonymisedResponse> {
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return { ok: false, problem: { kind: 'invalid', problem: problemOf('', 'not-utf8', {}, () => 'not UTF-8 text') } };
  }
  const parsed = parseResponse(json);
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', problem: parsed.problems[0]! } };
  const response = parsed.value;
  // The sealed round id must agree with the one inside, or a code could be re-labelled.
  if (response.round !== round) return { ok: false, problem: { kind: 'another-round', round: response.round } };
  if (response.questionnaire.id !== questionnaire.id || response.questionnaire.version !== questionnaire.version) {
    return { ok: false, problem: { kind: 'other-questionnaire', id: response.questionnaire.id, version: response.questionnaire.version } };
  }
  const problems = checkAgainst(response, questionnaire);
  if (problems.length > 0) return { ok: false, problem: { kind: 'invalid', problem: problems[0]! } };
  return { ok: true, value: response };
}
