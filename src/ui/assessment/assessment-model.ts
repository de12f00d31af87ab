import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { isScalePosition, scoreQuestionnaire, type QuestionnaireScore } from '../../core/scoring';
import { itemsOf, type Questionnaire } from '../../core/questionnaire/types';
import { draftKeys, draftScope, readDraft } from '../../core/storage/draft-keys';
import { draftAnswerKey, draftKey, draftWantedKey, lastTakenKey, sittingKey, type DraftMeta, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { classifySaveError, type SaveProblem } from '../storage-errors';

export interface AssessmentDependencies {
  store: KeyValueStore;
  questionnaire: Questionnaire;
  language: string;
  now: () => Date;
  newId: () => string;
  /** Set when answering a team round: the finished sitting is marked with it. */
  round?: { id: string; name: string };
}

/**
 * One person taking one questionnaire. Every answer goes to signals at once (so the
 * page never loses it) and to storage in the same moment; a failed write is
 * reported and kept for "Try again", never dropped.
 */
export interface AssessmentModel {
  questionnaire: Questionnaire;
  answers: ReadonlySignal<Readonly<Record<string, number>>>;
  wanted: ReadonlySignal<Readonly<Record<string, number>>>;
  /** The dimension shown, 0 … dimensions − 1. */
  page: Signal<number>;
  pageCount: number;
  saveProblem: ReadonlySignal<SaveProblem | null>;
  score: ReadonlySignal<QuestionnaireScore>;
  finished: ReadonlySignal<Sitting | null>;
  /** Loads the stored draft, if any, and returns to the page where it was left. */
  resume(): Promise<void>;
  answer(itemId: string, position: number): Promise<void>;
  want(dimensionId: string, position: number): Promise<void>;
  unansweredOnPage(page: number): string[];
  goTo(page: number): Promise<void>;
  finish(): Promise<Sitting | null>;
  retry(): Promise<void>;
}

export function createAssessmentModel(deps: AssessmentDependencies): AssessmentModel {
  const { store, questionnaire } = deps;
  const scope = draftScope(questionnaire.id, deps.round?.id);
  const answers = signal<Record<string, number>>({});
  const wanted = signal<Record<string, number>>({});
  const page = signal(0);
  const saveProblem = signal<SaveProblem | null>(null);
  const finished = signal<Sitting | null>(null);
  let startedAt = deps.now().toISOString();
  /** Keys whose last write failed: "Try again" writes them again with their current values. */
  const unsaved: Record<string, unknown> = {};
  const inFlight = new Set<Promise<void>>();
  let finishing = false;

  const itemIds = new Set(questionnaire.items.map((item) => item.id));
  const dimensionIds = new Set(questionnaire.dimensions.map((dimension) => dimension.id));

  function meta(): DraftMeta {
    return {
      schema: 1,
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt,
      updatedAt: deps.now().toISOString(),
      page: page.value,
      answered: Object.keys(answers.value).length + Object.keys(wanted.value).length,
    };
  }

  /** One atomic `set` of the changed keys plus the draft's meta record. */
  function write(items: Record<string, unknown>): Promise<void> {
    if (finishing) return Promise.resolve();
    const metaKey = draftKey(scope);
    const batch = { ...unsaved, ...items, [metaKey]: meta() };
    const writing = store.set(batch).then(
      () => {
        // Keys changed again by a later failed write keep their newer unsaved value.
        for (const key of Object.keys(batch)) if (key === metaKey || unsaved[key] === batch[key]) delete unsaved[key];
        if (Object.keys(unsaved).length === 0) saveProblem.value = null;
      },
      (error: unknown) => {
        Object.assign(unsaved, batch);
        saveProblem.value = classifySaveError(error);
      },
    );
    inFlight.add(writing);
    void writing.finally(() => inFlight.delete(writing));
    return writing;
  }

  function unansweredOnPage(index: number): string[] {
    const dimension = questionnaire.dimensions[index];
    if (!dimension) return [];
    const open = itemsOf(questionnaire, dimension.id).filter((item) => !isScalePosition(answers.value[item.id])).map((item) => item.id);
    if (!isScalePosition(wanted.value[dimension.id])) open.push(`wanted:${dimension.id}`);
    return open;
  }

  async function storeSitting(sitting: Sitting): Promise<void> {
    await store.set({ [sittingKey(sitting.id)]: sitting, [lastTakenKey(questionnaire.id)]: sitting.completedAt });
    await store.remove(draftKeys(questionnaire, scope));
    finished.value = sitting;
  }

  /** One id per sitting: retrying a failed finish stores the same sitting, never a second one. */
  let sittingId: string | null = null;
  let finishFailed = false;

  return {
    questionnaire,
    answers,
    wanted,
    page,
    pageCount: questionnaire.dimensions.length,
    saveProblem,
    finished,
    score: computed(() => scoreQuestionnaire(questionnaire, { answers: answers.value, wanted: wanted.value })),
    async resume() {
      const draft = readDraft(questionnaire, await store.get(draftKeys(questionnaire, scope)), scope);
      if (!draft) return;
      startedAt = draft.startedAt;
      answers.value = draft.answers;
      wanted.value = draft.wanted;
      page.value = Math.min(draft.page, questionnaire.dimensions.length - 1);
    },
    async answer(itemId, position) {
      if (!itemIds.has(itemId) || !isScalePosition(position)) return;
      answers.value = { ...answers.value, [itemId]: position };
      await write({ [draftAnswerKey(scope, itemId)]: position });
    },
    async want(dimensionId, position) {
      if (!dimensionIds.has(dimensionId) || !isScalePosition(position)) return;
      wanted.value = { ...wanted.value, [dimensionId]: position };
      await write({ [draftWantedKey(scope, dimensionId)]: position });
    },
    unansweredOnPage,
    async goTo(next) {
      page.value = Math.max(0, Math.min(next, questionnaire.dimensions.length - 1));
      await write({});
    },
    async finish() {
      // Let answers still being written land first, so removing the draft is final.
      await Promise.allSettled([...inFlight]);
      finishing = true;
      sittingId ??= deps.newId();
      const sitting: Sitting = {
        schema: 1,
        id: sittingId,
        questionnaire: { id: questionnaire.id, version: questionnaire.version },
        startedAt,
        completedAt: deps.now().toISOString(),
        language: deps.language,
        answers: { ...answers.value },
        wanted: { ...wanted.value },
        ...(deps.round ? { round: { id: deps.round.id, name: deps.round.name } } : {}),
      };
      try {
        await storeSitting(sitting);
        saveProblem.value = null;
        finishFailed = false;
        return sitting;
      } catch (error) {
        // Nothing half-written stays behind: the draft is intact, and "Try again" stores the same sitting.
        saveProblem.value = classifySaveError(error);
        finishing = false;
        finishFailed = true;
        return null;
      }
    },
    async retry() {
      if (finishFailed) await this.finish();
      else await write({});
    },
  };
}
