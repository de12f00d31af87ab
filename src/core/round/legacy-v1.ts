import type { Questionnaire } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { MAX_RESPONSE_CHARS, OLD_RESPONSE_PREFIX, unwrapCode } from './code-text';
import { isFigureSums } from './figure-sums';
import { invitationOf, type Round } from './round-record';
import { newRoundState, type RoundState } from './round-state';
import { CURVE, checkOpened, readSealedBody, sealResponse } from './sealing';
import { v1Sums } from './tally-summary';

/**
 * Rounds started by Shiftmeter 0.1 kept their whole tally in extension storage and
 * sealed codes without binding the round's settings (prefix SMR1). This file is the
 * only place that still reads either: it moves such a tally, once, into a round state
 * beside the private key, re-sealing its waiting codes the current way, so that the
 * rest of Shiftmeter knows one format.
 */
async function openV1(code: string, round: Round, privateKey: CryptoKey, questionnaire: Questionnaire) {
  const body = unwrapCode(code, OLD_RESPONSE_PREFIX, MAX_RESPONSE_CHARS);
  if (!body.ok) return null;
  const parts = readSealedBody(body.value);
  if (!parts.ok || parts.value.round !== round.id) return null;
  try {
    const roundBytes = new TextEncoder().encode(round.id);
    const memberKey = await crypto.subtle.importKey('raw', parts.value.ephemeral, CURVE, false, []);
    const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: memberKey }, privateKey, 256);
    const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: roundBytes, info: new TextEncoder().encode('shiftmeter-response-v1') },
      material, { name: 'AES-GCM', length: 256 }, false, ['decrypt'],
    );
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: parts.value.iv, additionalData: roundBytes }, key, parts.value.cipher);
    const opened = checkOpened(plain, round.id, questionnaire);
    return opened.ok ? opened.value : null;
  } catch {
    return null;
  }
}

/**
 * The round state of a schema-1 tally, or null when the tally is not one for this
 * round (then the round cannot import: nothing is guessed). Everything the old tally
 * had in its figures counts as let into every figure, as it was shown.
 */
export async function adoptV1Tally(value: unknown, round: Round, questionnaire: Questionnaire, privateKey: CryptoKey): Promise<RoundState | null> {
  if (!isPlainObject(value) || value.schema !== 1 || value.round !== round.id || value.minGroup !== round.minGroup) return null;
  if (!isPlainObject(value.questionnaire) || value.questionnaire.id !== questionnaire.id || value.questionnaire.version !== questionnaire.version) return null;
  const sums = v1Sums(value.main);
  const { seen, pendingCodes } = value;
  if (!sums || !isFigureSums(sums, questionnaire)) return null;
  if (!Array.isArray(seen) || !seen.every((h) => typeof h === 'string') || !Array.isArray(pendingCodes)) return null;
  const state = newRoundState(round, questionnaire);
  const pending = [];
  for (const code of pendingCodes) {
    const response = typeof code === 'string' ? await openV1(code, round, privateKey, questionnaire) : null;
    if (!response) return null;
    pending.push({ code: await sealResponse(response, invitationOf(round)), released: [] });
  }
  pending.sort((a, b) => (a.code < b.code ? -1 : 1));
  return { ...state, sequence: 1, seen: [...seen].sort(), sums, pending };
}
