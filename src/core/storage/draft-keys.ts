import type { Questionnaire } from '../questionnaire/types';
import { isScalePosition } from '../scoring';
import { draftAnswerKey, draftKey, draftWantedKey, isDraftMeta, type Draft } from './records';

/** Every storage key a draft of this questionnaire can have: its meta record and one per question. */
export function draftKeys(questionnaire: Pick<Questionnaire, 'id' | 'items' | 'dimensions'>): string[] {
  return [
    draftKey(questionnaire.id),
    ...questionnaire.items.map((item) => draftAnswerKey(questionnaire.id, item.id)),
    ...questionnaire.dimensions.map((dimension) => draftWantedKey(questionnaire.id, dimension.id)),
  ];
}

/** Assembles a draft from its keys; answers to questions this version lacks are left out. */
export function readDraft(questionnaire: Questionnaire, stored: Readonly<Record<string, unknown>>): Draft | null {
  const meta = stored[draftKey(questionnaire.id)];
  if (!isDraftMeta(meta) || meta.questionnaire.version !== questionnaire.version) return null;
  const answers: Record<string, number> = {};
  for (const item of questionnaire.items) {
    const position = stored[draftAnswerKey(questionnaire.id, item.id)];
    if (isScalePosition(position)) answers[item.id] = position;
  }
  const wanted: Record<string, number> = {};
  for (const dimension of questionnaire.dimensions) {
    const position = stored[draftWantedKey(questionnaire.id, dimension.id)];
    if (isScalePosition(position)) wanted[dimension.id] = position;
  }
  return { ...meta, answers, wanted };
}
