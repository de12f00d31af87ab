import { Type, type Static } from '../formats/type';
import { withHint } from '../formats/annotations';
import { conforms } from '../formats/conforms';
import { IsoDate } from '../formats/common';
import { CONTENT_HASH_PATTERN } from '../library/added-keys';
import { isPlainObject } from '../shape';
import { QuestionnaireRefFormat } from '../storage/record-formats';
import { LOWEST_MIN_GROUP, MAX_MIN_GROUP } from './disclosure';
import { MAX_ROUND_NAME, type Invitation } from './invitation';
import { TOKEN_PATTERN } from './token';

/**
 * Storage keys on the lead's side, in extension storage: the round as the lead's pages
 * list it, and the summary of its published figures. Neither is what protects the
 * members: that state lives with the round's private key (src/core/round/round-state.ts),
 * where no backup or restore reaches.
 */
export const ROUND_KEYS = {
  roundPrefix: 'round:',
  tallyPrefix: 'round-tally:',
} as const;

export const roundKey = (id: string) => `${ROUND_KEYS.roundPrefix}${id}`;
export const tallyKey = (id: string) => `${ROUND_KEYS.tallyPrefix}${id}`;

/** The most people a lead may say the team has. */
export const MAX_TEAM_SIZE = 100_000;

/** A round the lead started. Its private key lives apart, never in extension storage. */
export const RoundFormat = Type.Object({
  schema: Type.Literal(1),
  id: withHint(Type.String({ title: 'Round id', pattern: TOKEN_PATTERN.regex.source }), { pattern: TOKEN_PATTERN.name }),
  name: Type.String({ title: 'Name', minLength: 1, maxLength: MAX_ROUND_NAME, pattern: '\\S' }),
  questionnaire: QuestionnaireRefFormat,
  /** The SHA-256 of the questionnaire's content, bound into the round (absent in rounds started before it was). */
  questionnaireHash: Type.Optional(Type.String({ title: 'Questionnaire hash', description: 'sha256: and 64 hex digits of the questionnaire\'s canonical JSON; every code is sealed for it.', pattern: CONTENT_HASH_PATTERN.source })),
  minGroup: Type.Integer({ title: 'Minimum group', minimum: LOWEST_MIN_GROUP, maximum: MAX_MIN_GROUP }),
  createdAt: IsoDate,
  /** The raw P-256 public key, base64url, for the invitation. */
  publicKey: Type.String({ title: 'Public key', description: 'The raw P-256 public key, base64url.', pattern: '^[A-Za-z0-9_-]{87}$' }),
  /** How many people the lead invited, if they said: more responses than this are flagged. */
  teamSize: Type.Optional(Type.Integer({ title: 'Team size', minimum: 1, maximum: MAX_TEAM_SIZE })),
}, { title: 'Team round', description: 'A round the lead started; its private key never leaves the browser.' });

export type Round = Static<typeof RoundFormat>;

export function isRound(value: unknown): value is Round {
  return conforms(RoundFormat, value);
}

/** The parts of two round records that the sealing binds: equal, or one is not the other. */
export function sameBinding(a: Round, b: Round): boolean {
  return a.id === b.id && a.minGroup === b.minGroup && a.publicKey === b.publicKey
    && a.questionnaire.id === b.questionnaire.id && a.questionnaire.version === b.questionnaire.version
    && a.questionnaireHash === b.questionnaireHash;
}

export function invitationOf(round: Round): Invitation {
  const questionnaire = { id: round.questionnaire.id, version: round.questionnaire.version, ...(round.questionnaireHash === undefined ? {} : { hash: round.questionnaireHash }) };
  return { round: round.id, name: round.name, questionnaire, minGroup: round.minGroup, publicKey: round.publicKey };
}

/** The member's side: the round a sitting answered, so their own history can say so. */
export interface SittingRound {
  id: string;
  name: string;
}

export function isSittingRound(value: unknown): value is SittingRound {
  return isPlainObject(value) && typeof value.id === 'string' && TOKEN_PATTERN.regex.test(value.id)
    && typeof value.name === 'string' && value.name.length <= MAX_ROUND_NAME;
}
