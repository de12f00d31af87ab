// Generated at build time by build.mjs from questionnaires/*.json: the summaries are
// inlined, and each questionnaire's full text is a separate chunk loaded on demand.
declare module 'shiftmeter:catalog' {
  import type { QuestionnaireSummary } from '../core/questionnaire/summary';
  import type { Questionnaire } from '../core/questionnaire/types';
  export const shippedQuestionnaires: ReadonlyArray<QuestionnaireSummary & { load(): Promise<Questionnaire> }>;
  /** Earlier versions, kept for the sittings and rounds answered on them (questionnaires/earlier/). */
  export const earlierQuestionnaires: ReadonlyArray<QuestionnaireSummary & { load(): Promise<Questionnaire> }>;
  /** The same earlier versions without their texts, for the popup: what finds and loads each. */
  export const earlierVersions: ReadonlyArray<Pick<QuestionnaireSummary, 'id' | 'version' | 'dimensionCount' | 'itemCount' | 'questionCount'> & { load(): Promise<Questionnaire> }>;
}

declare module 'shiftmeter:packs' {
  export const shippedPacks: ReadonlyArray<import('../ui/courses/pack-catalog').PackEntry>;
}

declare module 'shiftmeter:shipped-ids' {
  /** The id of every questionnaire that ships, in any version. */
  export const shippedQuestionnaireIds: readonly string[];
}
