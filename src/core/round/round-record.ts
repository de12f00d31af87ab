import { ID_PATTERN } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { isIsoDate, type QuestionnaireRef } from '../storage/records';
import { LOWEST_MIN_GROUP, MAX_MIN_GROUP } from './disclosure';
import { MAX_ROUND_NAME, type Invitation } from './invitation';
import { TOKEN_PATTERN } from './response';

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
export interface Round {
  schema: 1;
  id: string;
  name: string;
  questionnaire: QuestionnaireRef;
  minGroup: number;
  createdAt: string;
  /** The raw P-256 public key, base64url, for the invitation. */
  publicKey: string;
  /** How many people the lead invited, if they said: more responses than this are flagged. */
  teamSize?: number;
}

export function isRound(value: unknown): value is Round {
  return isPlainObject(value) && value.schema === 1
    && typeof value.id === 'string' && TOKEN_PATTERN.regex.test(value.id)
    && typeof value.name === 'string' && value.name.trim().length > 0 && value.name.length <= MAX_ROUND_NAME
    && isPlainObject(value.questionnaire) && typeof value.questionnaire.id === 'string' && ID_PATTERN.regex.test(value.questionnaire.id)
    && Number.isSafeInteger(value.questionnaire.version) && (value.questionnaire.version as number) >= 1
    && Number.isSafeInteger(value.minGroup) && (value.minGroup as number) >= LOWEST_MIN_GROUP && (value.minGroup as number) <= MAX_MIN_GROUP
    && isIsoDate(value.createdAt) && typeof value.publicKey === 'string' && /^[A-Za-z0-9_-]{87}$/.test(value.publicKey)
    && (value.teamSize === undefined || (Number.isSafeInteger(value.teamSize) && (value.teamSize as number) >= 1 && (value.teamSize as number) <= MAX_TEAM_SIZE));
}

/** The parts of two round records that the sealing binds: equal, or one is not the other. */
export function sameBinding(a: Round, b: Round): boolean {
  return a.id === b.id && a.minGroup === b.minGroup && a.publicKey === b.publicKey
    && a.questionnaire.id === b.questionnaire.id && a.questionnaire.version === b.questionnaire.version;
}

export function invitationOf(round: Round): Invitation {
  return { round: round.id, name: round.name, questionnaire: { ...round.questionnaire }, minGroup: round.minGroup, publicKey: round.publicKey };
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
