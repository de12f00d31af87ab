import { CONTENT_HASH_PATTERN } from '../library/added-keys';
import { ID_PATTERN } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { fromBase64url, toBase64url } from './base64url';
import { INVITATION_PREFIX, MAX_INVITATION_CHARS, unwrapCode, wrapCode, type CodeResult } from './code-text';
import { LOWEST_MIN_GROUP, MAX_MIN_GROUP } from './disclosure';
import { isP256Point } from './p256-point';
import type { RoundBinding } from './round-binding';
import { TOKEN_PATTERN } from './response';
import { MAX_ROUND_NAME } from '../storage/record-formats';

export { MAX_ROUND_NAME } from '../storage/record-formats';

/** What a member receives: the round's binding and its name. Nothing in it is secret. */
export interface Invitation extends RoundBinding {
  name: string;
}

export function encodeInvitation(invitation: Invitation): string {
  const json = JSON.stringify({
    round: invitation.round,
    name: invitation.name,
    questionnaire: { id: invitation.questionnaire.id, version: invitation.questionnaire.version, ...(invitation.questionnaire.hash === undefined ? {} : { hash: invitation.questionnaire.hash }) },
    minGroup: invitation.minGroup,
    publicKey: invitation.publicKey,
  });
  return wrapCode(INVITATION_PREFIX, toBase64url(new TextEncoder().encode(json)));
}

export function parseInvitation(text: string): CodeResult<Invitation> {
  const body = unwrapCode(text, INVITATION_PREFIX, MAX_INVITATION_CHARS);
  if (!body.ok) return body;
  const bytes = fromBase64url(body.value);
  let value: unknown;
  try {
    value = bytes ? JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) : null;
  } catch {
    value = null;
  }
  return validateInvitation(value);
}

function validateInvitation(value: unknown): CodeResult<Invitation> {
  const damaged = { ok: false, problem: { kind: 'damaged' } } as const;
  if (!isPlainObject(value) || !isPlainObject(value.questionnaire)) return damaged;
  const { round, name, questionnaire, minGroup, publicKey } = value;
  const valid = typeof round === 'string' && TOKEN_PATTERN.regex.test(round)
    && typeof name === 'string' && name.trim().length > 0 && name.length <= MAX_ROUND_NAME
    && typeof questionnaire.id === 'string' && ID_PATTERN.regex.test(questionnaire.id)
    && Number.isSafeInteger(questionnaire.version) && (questionnaire.version as number) >= 1
    && (questionnaire.hash === undefined || (typeof questionnaire.hash === 'string' && CONTENT_HASH_PATTERN.test(questionnaire.hash)))
    && Number.isSafeInteger(minGroup) && (minGroup as number) >= LOWEST_MIN_GROUP && (minGroup as number) <= MAX_MIN_GROUP
    && typeof publicKey === 'string';
  if (!valid) return damaged;
  // The checksum fits, so this is no typo: a key off the curve was made up by hand.
  const key = fromBase64url(publicKey as string);
  if (!key || !isP256Point(key)) return { ok: false, problem: { kind: 'bad-key' } };
  return {
    ok: true,
    value: {
      round: round as string,
      name: name as string,
      questionnaire: {
        id: questionnaire.id as string,
        version: questionnaire.version as number,
        ...(questionnaire.hash === undefined ? {} : { hash: questionnaire.hash as string }),
      },
      minGroup: minGroup as number,
      publicKey: publicKey as string,
    },
  };
}
