import { use, withHint } from '../formats/annotations';
import { conforms } from '../formats/conforms';
import { Id, IsoDate } from '../formats/common';
import { Type, type Static } from '../formats/type';
import { isPlainObject } from '../shape';
import { RECORD_ID_PATTERN } from '../storage/record-formats';
import { isSitting, type Sitting } from '../storage/records';
import type { CoursePack } from './types';

/**
 * Which self-assessment a course shows: the latest sitting of the pack's questionnaire
 * that was taken from this course (its "Take …" link, which carries the pack in the
 * route). Not simply the latest sitting of that questionnaire: a public servant who is
 * also a student takes the same questionnaire about work every quarter, and a sitting
 * from the popup says nothing about the course and does not belong in what they hand
 * in. Not "since the course was opened" either: a student who opens the course, leaves
 * it for a month and takes the questionnaire at work meanwhile would see that sitting.
 *
 * A link is one key per pack, written when such a sitting is finished and overwritten
 * by the next, so it always names the latest. It holds only the sitting's id: the
 * sitting itself stays the one record of the answers, and deleting it from the history
 * takes it out of the course too (a link to a sitting that is gone is ignored).
 */
export const PACK_SITTING_PREFIX = 'pack-sitting:';
export const packSittingKey = (packId: string) => `${PACK_SITTING_PREFIX}${packId}`;

export const PackSittingLinkFormat = Type.Object({
  schema: Type.Literal(1),
  packId: use(Id, { title: 'Pack id' }),
  sittingId: withHint(Type.String({ title: 'Sitting id', pattern: RECORD_ID_PATTERN.regex.source }), { pattern: RECORD_ID_PATTERN.name }),
  questionnaireId: use(Id, { title: 'Questionnaire id' }),
  completedAt: IsoDate,
}, { title: 'Course self-assessment', description: 'Which sitting a course shows: the latest taken from it.' });
export type PackSittingLink = Static<typeof PackSittingLinkFormat>;

export function packSittingLink(packId: string, sitting: Pick<Sitting, 'id' | 'questionnaire' | 'completedAt'>): PackSittingLink {
  return { schema: 1, packId, sittingId: sitting.id, questionnaireId: sitting.questionnaire.id, completedAt: sitting.completedAt };
}

export function isPackSittingLink(value: unknown): value is PackSittingLink {
  return conforms(PackSittingLinkFormat, value);
}

/** The id of the questionnaire a pack asks the student to take. */
export function packQuestionnaireId(pack: Pick<CoursePack, 'questionnaire'>): string {
  return typeof pack.questionnaire === 'string' ? pack.questionnaire : pack.questionnaire.id;
}

/**
 * The sitting a course shows, given its stored link and the sitting the link names: only
 * when both are there and agree with each other and with the pack's questionnaire.
 */
export function courseSitting(pack: Pick<CoursePack, 'id' | 'questionnaire'>, link: unknown, sitting: unknown): Sitting | null {
  if (!isPackSittingLink(link) || link.packId !== pack.id || link.questionnaireId !== packQuestionnaireId(pack)) return null;
  if (!isPlainObject(sitting) || !isSitting(sitting) || sitting.id !== link.sittingId || sitting.questionnaire.id !== link.questionnaireId) return null;
  return sitting;
}
