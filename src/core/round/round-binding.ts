import { fromBase64url } from './base64url';

/**
 * What a round is bound to: its id, its minimum group size, its questionnaire and its
 * public key. The same bytes are the associated data of every sealed response and the
 * input of the fingerprint, so a code sealed for a round with minimum 10 never opens
 * in a round with minimum 3, and a member can check, by comparing a few digits with
 * the team, that their invitation carries the lead's key and settings.
 */
export interface RoundBinding {
  round: string;
  minGroup: number;
  /**
   * The questionnaire, and the SHA-256 of its content (core/library/content-hash.ts):
   * lead and members answer and count the very same text, whoever's Shiftmeter holds
   * it under that id and version. Rounds started before the hash was bound have none.
   */
  questionnaire: { id: string; version: number; hash?: string };
  /** The round's raw P-256 public key, base64url. */
  publicKey: string;
}

export function bindingBytes(binding: RoundBinding): Uint8Array<ArrayBuffer> {
  const { round, minGroup, questionnaire, publicKey } = binding;
  const parts = questionnaire.hash === undefined
    ? ['shiftmeter-round-v2', round, String(minGroup), questionnaire.id, String(questionnaire.version), publicKey]
    : ['shiftmeter-round-v3', round, String(minGroup), questionnaire.id, String(questionnaire.version), questionnaire.hash, publicKey];
  return new TextEncoder().encode(parts.join('\n'));
}

export function publicKeyBytes(binding: RoundBinding): Uint8Array<ArrayBuffer> {
  const raw = fromBase64url(binding.publicKey);
  if (!raw || raw.length !== 65) throw new RangeError('the round public key is not a raw P-256 key');
  return raw;
}

/** Digits in a fingerprint: 16 (about 53 bits), read aloud or compared in a chat in groups of four. */
const FINGERPRINT_DIGITS = 16;

/**
 * A short fingerprint of the round that people can compare: 16 digits in four groups,
 * from SHA-256 of the binding. Digits read the same in every language and to a screen
 * reader; a substituted invitation would need a key whose fingerprint matches, about
 * 2^53 tries.
 */
export async function roundFingerprint(binding: RoundBinding): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bindingBytes(binding)));
  let value = 0n;
  for (const byte of digest.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  const digits = (value % 10n ** BigInt(FINGERPRINT_DIGITS)).toString().padStart(FINGERPRINT_DIGITS, '0');
  return digits.match(/.{4}/g)!.join(' ');
}
