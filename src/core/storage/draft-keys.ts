import type { Questionnaire } from '../questionnaire/types';
import { isScalePosition } from '../scoring';
import { draftAnswerKey, draftKey, draftWantedItemKey, draftWantedKey, isDraftMeta, NOT_APPLICABLE, type Draft } from './records';

/**
 * Whose draft it is: a questionnaire's own, or, for a team round, the questionnaire's
 * within that round (`<questionnaire>~<round>`), so an answer to a round is never
 * resumed as a plain self-assessment, nor a self-assessment sealed for a round.
 */
export function draftScope(questionnaireId: string, roundId?: string): string {
  return roundId ? `${questionnaireId}~${roundId}` : questionnaireId;
}

/** Every storage key a draft of this questionnaire can have: its meta record and one per question. */
export function draftKeys(questionnaire: Pick<Questionnaire, 'id' | 'items' | 'dimensions'>, scope = questionnaire.id): string[] {
  return [
    draftKey(scope),
    ...questionnaire.items.map((item) => draftAnswerKey(scope, item.id)),
    ...questionnaire.dimensions.map((dimension) => draftWantedKey(scope, dimension.id)),
    ...questionnaire.items.map((item) => draftWantedItemKey(scope, item.id)),
  ];
}

/** Assembles a draft from its keys; answers to questions this version lacks are left out. */
export function readDraft(questionnaire: Questionnaire, stored: Readonly<Record<string, unknown>>, scope = questionnaire.id): Draft | null {
  const meta = stored[draftKey(scope)];
  if (!isDraftMeta(meta) || meta.questionnaire.version !== questionnaire.version) return null;
  const answers: Record<string, number> = {};
  const wantedItems: Record<string, number> = {};
  const notApplicable: string[] = [];
  for (const item of questionnaire.items) {
    const position = stored[draftAnswerKey(scope, item.id)];
    if (isScalePosition(position)) answers[item.id] = position;
    else if (position === NOT_APPLICABLE) notApplicable.push(item.id);
    const wantedPosition = stored[draftWantedItemKey(scope, item.id)];
    if (isScalePosition(wantedPosition)) wantedItems[item.id] = wantedPosition;
  }
  const wanted: Record<string, number> = {};
  for (const dimension of questionnaire.dimensions) {
    const position = stored[draftWantedKey(scope, dimension.id)];
    if (isScalePosition(position)) wanted[dimension.id] = position;
  }
  return { ...meta, answers, wanted, wantedItems, notApplicable };
}
