import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import { isScalePosition, scoreQuestionnaire, type QuestionnaireScore } from '../../core/scoring';
import { itemsOf, type Questionnaire } from '../../core/questionnaire/types';
import { draftKey, isDraft, sittingKey, type Draft, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { classifySaveError, type SaveProblem } from '../storage-errors';

export interface AssessmentDependencies {
  store: KeyValueStore;
  questionnaire: Questionnaire;
  language: string;
  now: () => Date;
  newId: () => string;
}

/**
 * One person taking one questionnaire. Every answer goes to signals at once (so the
 * page never loses it) and then to the stored draft; a failed write is reported and
 * kept for retry, never dropped.
 */
export interface AssessmentModel {
  questionnaire: Questionnaire;
  answers: ReadonlySignal<Readonly<Record<string, number>>>;
  wanted: ReadonlySignal<Readonly<Record<string, number>>>;
  /** 0 … dimensions − 1 while answering; `dimensions.length` once finished. */
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
  const key = draftKey(questionnaire.id);
  const answers = signal<Record<string, number>>({});
  const wanted = signal<Record<string, number>>({});
  const page = signal(0);
  const saveProblem = signal<SaveProblem | null>(null);
  const finished = signal<Sitting | null>(null);
  let startedAt = deps.now().toISOString();
  /** What failed to save last, so "Try again" repeats exactly that. */
  let retryAction: (() => Promise<void>) | null = null;

  const itemIds = new Set(questionnaire.items.map((item) => item.id));
  const dimensionIds = new Set(questionnaire.dimensions.map((dimension) => dimension.id));

  function unansweredOnPage(index: number): string[] {
    const dimension = questionnaire.dimensions[index];
    if (!dimension) return [];
    const open = itemsOf(questionnaire, dimension.id).filter((item) => !isScalePosition(answers.value[item.id])).map((item) => item.id);
    if (!isScalePosition(wanted.value[dimension.id])) open.push(`wanted:${dimension.id}`);
    return open;
  }

  async function attempt(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      saveProblem.value = null;
      retryAction = null;
      return true;
    } catch (error) {
      saveProblem.value = classifySaveError(error);
      retryAction = action;
      return false;
    }
  }

  /** Merges this page's answers into the stored draft under a lock, so a second page's answers survive too. */
  function saveDraft(): Promise<void> {
    return store.exclusive(key, async () => {
      const stored = (await store.get([key]))[key];
      const base = isDraft(stored) && stored.questionnaire.version === questionnaire.version ? stored : null;
      const draft: Draft = {
        schema: 1,
        questionnaire: { id: questionnaire.id, version: questionnaire.version },
        startedAt: base?.startedAt ?? startedAt,
        updatedAt: deps.now().toISOString(),
        answers: { ...base?.answers, ...answers.value },
        wanted: { ...base?.wanted, ...wanted.value },
        page: page.value,
      };
      await store.set({ [key]: draft });
    });
  }

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
      const stored = (await store.get([key]))[key];
      if (!isDraft(stored) || stored.questionnaire.version !== questionnaire.version) return;
      startedAt = stored.startedAt;
      // Keep only answers to items this version has: a hand-edited draft cannot inject others.
      answers.value = pick(stored.answers, itemIds);
      wanted.value = pick(stored.wanted, dimensionIds);
      page.value = Math.min(stored.page, questionnaire.dimensions.length - 1);
    },
    async answer(itemId, position) {
      if (!itemIds.has(itemId) || !isScalePosition(position)) return;
      answers.value = { ...answers.value, [itemId]: position };
      await attempt(saveDraft);
    },
    async want(dimensionId, position) {
      if (!dimensionIds.has(dimensionId) || !isScalePosition(position)) return;
      wanted.value = { ...wanted.value, [dimensionId]: position };
      await attempt(saveDraft);
    },
    unansweredOnPage,
    async goTo(next) {
      page.value = Math.max(0, Math.min(next, questionnaire.dimensions.length - 1));
      await attempt(saveDraft);
    },
    async finish() {
      const sitting: Sitting = {
        schema: 1,
        id: deps.newId(),
        questionnaire: { id: questionnaire.id, version: questionnaire.version },
        startedAt,
        completedAt: deps.now().toISOString(),
        language: deps.language,
        answers: { ...answers.value },
        wanted: { ...wanted.value },
        note: '',
      };
      // Retrying after a failure writes the same sitting (same id), never a second one.
      const saved = await attempt(async () => {
        await store.set({ [sittingKey(sitting.id)]: sitting });
        await store.remove([key]);
        finished.value = sitting;
      });
      return saved ? sitting : null;
    },
    async retry() {
      if (retryAction) await attempt(retryAction);
    },
  };
}

function pick(source: Readonly<Record<string, number>>, allowed: ReadonlySet<string>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [id, position] of Object.entries(source)) {
    if (allowed.has(id) && isScalePosition(position)) result[id] = position;
  }
  return result;
}
