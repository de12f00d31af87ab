import { action, batch, computed, createModel, signal } from '@preact/signals';
import { isScalePosition, MIN_ANSWERED_ITEMS, scoreQuestionnaire } from '../../core/scoring';
import { asksWantedPerItem, itemsOf, type Questionnaire } from '../../core/questionnaire/types';
import { draftKeys, draftScope, readDraft } from '../../core/storage/draft-keys';
import {
  draftAnswerKey, draftKey, draftWantedItemKey, draftWantedKey, isDraftMeta, NOT_APPLICABLE, type DraftMeta, type Sitting,
} from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog, CatalogEntry } from '../catalog';
import { storeSittingWithRecent } from '../history/recent-sittings';
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
  /** The questionnaire version the round runs on, which may be an earlier one than the installed. */
  version?: number;
}

export type AssessmentStage =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; detail: string }
  | { kind: 'ready'; questionnaire: Questionnaire };

/**
 * A page of the questionnaire: a dimension's items ("now"), and, for questionnaires that
 * ask "wanted" per item, a second pass over the dimensions that can still be scored (a
 * dimension answered "does not apply" on all but one item has nothing to want).
 */
export type AssessmentPage = { kind: 'now'; dimension: number } | { kind: 'wanted'; dimension: number };

export interface GivenAnswers {
  answers: Readonly<Record<string, number>>;
  wanted: Readonly<Record<string, number>>;
  wantedItems: Readonly<Record<string, number>>;
  notApplicable: readonly string[];
}

export function pagesOf(questionnaire: Questionnaire, given: GivenAnswers): AssessmentPage[] {
  const now = questionnaire.dimensions.map((_, dimension): AssessmentPage => ({ kind: 'now', dimension }));
  if (!asksWantedPerItem(questionnaire)) return now;
  // Counted by what can still be answered, so the number of pages does not grow as "now" is answered.
  const wanted = questionnaire.dimensions.flatMap((dimension, index): AssessmentPage[] => {
    const applicable = itemsOf(questionnaire, dimension.id).filter((item) => !given.notApplicable.includes(item.id));
    return applicable.length >= MIN_ANSWERED_ITEMS ? [{ kind: 'wanted', dimension: index }] : [];
  });
  return [...now, ...wanted];
}

/** The items of a dimension answered with a position (not "does not apply", not open). */
export function answeredItems(questionnaire: Questionnaire, dimensionId: string, given: Pick<GivenAnswers, 'answers' | 'notApplicable'>) {
  return itemsOf(questionnaire, dimensionId).filter((item) => !given.notApplicable.includes(item.id) && isScalePosition(given.answers[item.id]));
}

/** What is still unanswered on a page: item ids, and `wanted:<dimension>` or `wanted:<item>`. */
function unansweredOn(questionnaire: Questionnaire, page: AssessmentPage | undefined, given: GivenAnswers): string[] {
  const dimension = page ? questionnaire.dimensions[page.dimension] : undefined;
  if (!page || !dimension) return [];
  if (page.kind === 'wanted') {
    return answeredItems(questionnaire, dimension.id, given).filter((item) => !isScalePosition(given.wantedItems[item.id])).map((item) => `wanted:${item.id}`);
  }
  const open = itemsOf(questionnaire, dimension.id)
    .filter((item) => !isScalePosition(given.answers[item.id]) && !given.notApplicable.includes(item.id))
    .map((item) => item.id);
  if (!asksWantedPerItem(questionnaire) && !isScalePosition(given.wanted[dimension.id])) open.push(`wanted:${dimension.id}`);
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
  const wantedItems = signal<Readonly<Record<string, number>>>({});
  const notApplicable = signal<readonly string[]>([]);
  /** The page shown: an index into `pages`. */
  const page = signal(0);
  const saveProblem = signal<SaveProblem | null>(null);
  const finished = signal<Sitting | null>(null);
  const given = computed((): GivenAnswers => ({ answers: answers.value, wanted: wanted.value, wantedItems: wantedItems.value, notApplicable: notApplicable.value }));
  const score = computed(() => {
    const current = stage.value;
    if (current.kind !== 'ready') return null;
    const perItem = asksWantedPerItem(current.questionnaire);
    return scoreQuestionnaire(current.questionnaire, { ...given.value, wantedItems: perItem ? given.value.wantedItems : undefined });
  });
  /** The pages in order; the wanted pass follows what was answered "now". */
  const pages = computed(() => {
    const current = stage.value;
    return current.kind === 'ready' ? pagesOf(current.questionnaire, given.value) : [];
  });
  /** What is unanswered on the page shown. */
  const unanswered = computed(() => {
    const current = stage.value;
    return current.kind === 'ready' ? unansweredOn(current.questionnaire, pages.value[page.value], given.value) : [];
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
    const listed = round?.version === undefined ? services.catalog.find(questionnaireId) : services.catalog.findVersion(questionnaireId, round.version);
    if (!listed) return void (stage.value = { kind: 'missing' });
    try {
      let loaded = await listed.load();
      // The draft's meta record comes in the same read as its answers: resuming waits for one
      // storage call, not two (each is a round trip to the browser before the first page shows).
      let stored = await store.get(draftKeys(loaded, scope));
      const own = round?.version === undefined ? draftVersion(listed, stored[draftKey(scope)]) : null;
      if (own) {
        loaded = await own.load();
        stored = await store.get(draftKeys(loaded, scope));
      }
      const draft = readDraft(loaded, stored, scope);
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
          wantedItems.value = draft.wantedItems;
          notApplicable.value = draft.notApplicable;
        }
        stage.value = { kind: 'ready', questionnaire: loaded };
        if (draft) page.value = Math.max(0, Math.min(draft.page, pages.value.length - 1));
      });
    } catch (error) {
      // A questionnaire chunk or the saved answers could not be read: say so, never load for ever.
      if (attempt === loads) stage.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  /**
   * The version a draft in progress was begun on, when it is not the one listed. An update
   * that ships the next version of a questionnaire leaves a draft of the earlier one, which
   * resumes on its own version (kept in the catalog for the sittings taken on it) rather
   * than being ignored; null when the draft is on the listed version, or there is none.
   */
  function draftVersion(listed: CatalogEntry, meta: unknown): CatalogEntry | null {
    if (!isDraftMeta(meta) || meta.questionnaire.version === listed.version) return null;
    return services.catalog.findVersion(questionnaireId, meta.questionnaire.version) ?? null;
  }

  function meta(current: Questionnaire): DraftMeta {
    return {
      schema: 1,
      questionnaire: { id: current.id, version: current.version },
      startedAt,
      updatedAt: services.now().toISOString(),
      page: page.value,
      answered: Object.keys(answers.value).length + notApplicable.value.length + Object.keys(wanted.value).length + Object.keys(wantedItems.value).length,
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

  /** An item's "now": a position, or "does not apply to my unit" (questionnaires of format 2). */
  const answer = action(async (itemId: string, position: number | typeof NOT_APPLICABLE) => {
    if (!itemIds.has(itemId)) return;
    if (position === NOT_APPLICABLE) {
      if (!questionnaire || !asksWantedPerItem(questionnaire)) return;
      const { [itemId]: _dropped, ...rest } = answers.value;
      batch(() => {
        answers.value = rest;
        if (!notApplicable.value.includes(itemId)) notApplicable.value = [...notApplicable.value, itemId];
      });
    } else {
      if (!isScalePosition(position)) return;
      batch(() => {
        answers.value = { ...answers.value, [itemId]: position };
        if (notApplicable.value.includes(itemId)) notApplicable.value = notApplicable.value.filter((id) => id !== itemId);
      });
    }
    await write({ [draftAnswerKey(scope, itemId)]: position });
  });

  /** An item's "wanted", on its own scale (questionnaires of format 2). */
  const wantItem = action(async (itemId: string, position: number) => {
    if (!itemIds.has(itemId) || !isScalePosition(position)) return;
    wantedItems.value = { ...wantedItems.value, [itemId]: position };
    await write({ [draftWantedItemKey(scope, itemId)]: position });
  });

  /** "Same as now" for a whole dimension: every answered item's wanted set to its now, in one write. */
  const wantSameAsNow = action(async (dimensionId: string) => {
    if (!questionnaire || !dimensionIds.has(dimensionId)) return;
    const items = answeredItems(questionnaire, dimensionId, given.value);
    const positions = Object.fromEntries(items.map((item) => [item.id, answers.value[item.id]!]));
    wantedItems.value = { ...wantedItems.value, ...positions };
    await write(Object.fromEntries(items.map((item) => [draftWantedItemKey(scope, item.id), positions[item.id]])));
  });

  const want = action(async (dimensionId: string, position: number) => {
    if (!dimensionIds.has(dimensionId) || !isScalePosition(position)) return;
    wanted.value = { ...wanted.value, [dimensionId]: position };
    await write({ [draftWantedKey(scope, dimensionId)]: position });
  });

  const goTo = action(async (next: number) => {
    if (!questionnaire) return;
    page.value = Math.max(0, Math.min(next, pages.value.length - 1));
    await write({});
  });

  /** Wanted only for items still answered now (an item changed to "does not apply" drops its wanted). */
  function keptWanted(current: Questionnaire): Record<string, number> {
    const kept = current.dimensions.flatMap((dimension) => answeredItems(current, dimension.id, given.value)).filter((item) => isScalePosition(wantedItems.value[item.id]));
    return Object.fromEntries(kept.map((item) => [item.id, wantedItems.value[item.id]!]));
  }

  async function storeSitting(current: Questionnaire, sitting: Sitting): Promise<void> {
    await storeSittingWithRecent(store, services.catalog, current, sitting);
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
      ...(asksWantedPerItem(current) ? { wantedItems: keptWanted(current), notApplicable: [...notApplicable.value] } : {}),
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
  return {
    stage, answers, wanted, wantedItems, notApplicable, page, pages, saveProblem, finished, score, unanswered,
    load, answer, want, wantItem, wantSameAsNow, goTo, finish, retry,
  };
});

export type AssessmentModelInstance = InstanceType<typeof AssessmentModel>;
