import { action, batch, computed, createModel, signal } from '@preact/signals';
import { isScalePosition, scoreQuestionnaire } from '../../core/scoring';
import { itemsOf, type Questionnaire } from '../../core/questionnaire/types';
import { draftKeys, draftScope, readDraft } from '../../core/storage/draft-keys';
import { draftAnswerKey, draftKey, draftWantedKey, lastTakenKey, sittingKey, type DraftMeta, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { classifySaveError, describeStorageError, type SaveProblem } from '../storage-errors';

export interface AssessmentServices {
  store: KeyValueStore;
  catalog: Catalog;
  now: () => Date;
  newId: () => string;
  /** The interface language; the sitting records the one in use when the questionnaire was opened. */
  language: () => string;
}

/** Set when answering a team round: the draft is kept apart and the finished sitting is marked with it. */
export interface RoundMark {
  id: string;
  name: string;
}

export type AssessmentStage =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; detail: string }
  | { kind: 'ready'; questionnaire: Questionnaire };

/** What is still unanswered on a page of the questionnaire: item ids, and `wanted:<dimension>`. */
function unansweredOn(questionnaire: Questionnaire, index: number, answers: Readonly<Record<string, number>>, wanted: Readonly<Record<string, number>>): string[] {
  const dimension = questionnaire.dimensions[index];
  if (!dimension) return [];
  const open = itemsOf(questionnaire, dimension.id).filter((item) => !isScalePosition(answers[item.id])).map((item) => item.id);
  if (!isScalePosition(wanted[dimension.id])) open.push(`wanted:${dimension.id}`);
  return open;
}

/**
 * One person taking one questionnaire: loading it with any saved draft, then every
 * answer, which goes to signals at once (so the page never loses it) and to storage in
 * the same moment; a failed write is reported and kept for "Try again", never dropped.
 * Owned by the assessment screen (useModel), one per questionnaire and round.
 */
export const AssessmentModel = createModel((services: AssessmentServices, questionnaireId: string, round?: RoundMark) => {
  const { store } = services;
  const stage = signal<AssessmentStage>({ kind: 'loading' });
  const answers = signal<Readonly<Record<string, number>>>({});
  const wanted = signal<Readonly<Record<string, number>>>({});
  /** The dimension shown, 0 … dimensions − 1. */
  const page = signal(0);
  const saveProblem = signal<SaveProblem | null>(null);
  const finished = signal<Sitting | null>(null);
  const score = computed(() => {
    const current = stage.value;
    return current.kind === 'ready' ? scoreQuestionnaire(current.questionnaire, { answers: answers.value, wanted: wanted.value }) : null;
  });
  /** What is unanswered on the page shown. */
  const unanswered = computed(() => {
    const current = stage.value;
    return current.kind === 'ready' ? unansweredOn(current.questionnaire, page.value, answers.value, wanted.value) : [];
  });

  const scope = draftScope(questionnaireId, round?.id);
  // Set once the questionnaire is loaded; until then every answer is ignored.
  let questionnaire: Questionnaire | null = null;
  let itemIds = new Set<string>();
  let dimensionIds = new Set<string>();
  let language = '';
  let startedAt = '';
  /** Keys whose last write failed: "Try again" writes them again with their current values. */
  const unsaved: Record<string, unknown> = {};
  const inFlight = new Set<Promise<void>>();
  let finishing = false;
  /** One id per sitting: retrying a failed finish stores the same sitting, never a second one. */
  let sittingId: string | null = null;
  let finishFailed = false;
  /** Counts loads, so that only the latest one (after "Try again") lands. */
  let loads = 0;

  /** Loads the questionnaire and the stored draft, if any, returning to the page where it was left. */
  const load = action(async () => {
    const attempt = ++loads;
    stage.value = { kind: 'loading' };
    const entry = services.catalog.find(questionnaireId);
    if (!entry) return void (stage.value = { kind: 'missing' });
    try {
      const loaded = await entry.load();
      const draft = readDraft(loaded, await store.get(draftKeys(loaded, scope)), scope);
      if (attempt !== loads) return;
      questionnaire = loaded;
      itemIds = new Set(loaded.items.map((item) => item.id));
      dimensionIds = new Set(loaded.dimensions.map((dimension) => dimension.id));
      language = services.language();
      startedAt = draft?.startedAt ?? services.now().toISOString();
      batch(() => {
        if (draft) {
          answers.value = draft.answers;
          wanted.value = draft.wanted;
          page.value = Math.min(draft.page, loaded.dimensions.length - 1);
        }
        stage.value = { kind: 'ready', questionnaire: loaded };
      });
    } catch (error) {
      // A questionnaire chunk or the saved answers could not be read: say so, never load for ever.
      if (attempt === loads) stage.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  function meta(current: Questionnaire): DraftMeta {
    return {
      schema: 1,
      questionnaire: { id: current.id, version: current.version },
      startedAt,
      updatedAt: services.now().toISOString(),
      page: page.value,
      answered: Object.keys(answers.value).length + Object.keys(wanted.value).length,
    };
  }

  /** One atomic `set` of the changed keys plus the draft's meta record. */
  function write(items: Record<string, unknown>): Promise<void> {
    if (finishing || !questionnaire) return Promise.resolve();
    const metaKey = draftKey(scope);
    const changes = { ...unsaved, ...items, [metaKey]: meta(questionnaire) };
    const writing = store.set(changes).then(
      () => {
        // Keys changed again by a later failed write keep their newer unsaved value.
        for (const key of Object.keys(changes)) if (key === metaKey || unsaved[key] === changes[key]) delete unsaved[key];
        if (Object.keys(unsaved).length === 0) saveProblem.value = null;
      },
      (error: unknown) => {
        Object.assign(unsaved, changes);
        saveProblem.value = classifySaveError(error);
      },
    );
    inFlight.add(writing);
    void writing.finally(() => inFlight.delete(writing));
    return writing;
  }

  const answer = action(async (itemId: string, position: number) => {
    if (!itemIds.has(itemId) || !isScalePosition(position)) return;
    answers.value = { ...answers.value, [itemId]: position };
    await write({ [draftAnswerKey(scope, itemId)]: position });
  });

  const want = action(async (dimensionId: string, position: number) => {
    if (!dimensionIds.has(dimensionId) || !isScalePosition(position)) return;
    wanted.value = { ...wanted.value, [dimensionId]: position };
    await write({ [draftWantedKey(scope, dimensionId)]: position });
  });

  const goTo = action(async (next: number) => {
    if (!questionnaire) return;
    page.value = Math.max(0, Math.min(next, questionnaire.dimensions.length - 1));
    await write({});
  });

  async function storeSitting(current: Questionnaire, sitting: Sitting): Promise<void> {
    await store.set({ [sittingKey(sitting.id)]: sitting, [lastTakenKey(current.id)]: sitting.completedAt });
    await store.remove(draftKeys(current, scope));
    finished.value = sitting;
  }

  const finish = action(async (): Promise<Sitting | null> => {
    const current = questionnaire;
    if (!current) return null;
    // Let answers still being written land first, so removing the draft is final.
    await Promise.allSettled([...inFlight]);
    finishing = true;
    sittingId ??= services.newId();
    const sitting: Sitting = {
      schema: 1,
      id: sittingId,
      questionnaire: { id: current.id, version: current.version },
      startedAt,
      completedAt: services.now().toISOString(),
      language,
      answers: { ...answers.value },
      wanted: { ...wanted.value },
      ...(round ? { round: { id: round.id, name: round.name } } : {}),
    };
    try {
      await storeSitting(current, sitting);
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
  });

  const retry = action(async () => {
    if (finishFailed) await finish();
    else await write({});
  });

  void load();
  return { stage, answers, wanted, page, saveProblem, finished, score, unanswered, load, answer, want, goTo, finish, retry };
});

export type AssessmentModelInstance = InstanceType<typeof AssessmentModel>;
