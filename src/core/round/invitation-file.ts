import { contentHash } from '../library/content-hash';
import type { Problem } from '../problems';
import type { Questionnaire } from '../questionnaire/types';
import { validateQuestionnaire } from '../questionnaire/validate';
import { parseJsonSafely } from '../safe-json';
import { isPlainObject } from '../shape';
import type { CodeProblem } from './code-text';
import { encodeInvitation, parseInvitation, type Invitation } from './invitation';

/**
 * An invitation with the questionnaire it uses, as one file: for a round on a
 * questionnaire that members may not have (one the lead added, or an organisation's
 * they do not get). The code alone still works for the shipped questionnaires and for
 * members who already have that very text; the file brings the text to the others.
 * Nothing in it is secret, as in the code.
 */
export const INVITATION_FILE_FORMAT = 'shiftmeter-invitation';
/** A questionnaire file's own limit, and room for the code. */
export const MAX_INVITATION_FILE_BYTES = 1_100_000;

export interface InvitationFile {
  format: typeof INVITATION_FILE_FORMAT;
  formatVersion: 1;
  invitation: string;
  questionnaire: Questionnaire;
}

export function makeInvitationFile(invitation: Invitation, questionnaire: Questionnaire): InvitationFile {
  return { format: INVITATION_FILE_FORMAT, formatVersion: 1, invitation: encodeInvitation(invitation), questionnaire };
}

export type InvitationFileResult =
  | { ok: true; invitation: Invitation; questionnaire: Questionnaire }
  /** The code inside is refused, as a pasted one would be. */
  | { ok: false; code: CodeProblem }
  /** The questionnaire inside is not valid: the validator's problems. */
  | { ok: false; problems: readonly Problem[] }
  /** Not an invitation file, or its questionnaire is not the one its code binds (edited, or swapped). */
  | { ok: false; mismatch: true };

/**
 * Reads an invitation file: its code as a pasted code is read, its questionnaire with
 * the one validator, and then whether the questionnaire is exactly the one the code
 * binds (its id, version and content hash). A file whose questionnaire was edited is
 * refused: the lead's Shiftmeter would refuse every code answered on it.
 */
export async function readInvitationFile(text: string): Promise<InvitationFileResult> {
  const parsed = parseJsonSafely(text, { maxBytes: MAX_INVITATION_FILE_BYTES, maxDepth: 32 });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const value = parsed.value;
  if (!isPlainObject(value) || value.format !== INVITATION_FILE_FORMAT || value.formatVersion !== 1 || typeof value.invitation !== 'string') return { ok: false, mismatch: true };
  const invitation = parseInvitation(value.invitation);
  if (!invitation.ok) return { ok: false, code: invitation.problem };
  const checked = validateQuestionnaire(value.questionnaire);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const bound = invitation.value.questionnaire;
  const questionnaire = checked.value;
  if (bound.hash === undefined || questionnaire.id !== bound.id || questionnaire.version !== bound.version || (await contentHash(questionnaire)) !== bound.hash) {
    return { ok: false, mismatch: true };
  }
  return { ok: true, invitation: invitation.value, questionnaire };
}
