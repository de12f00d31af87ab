import { action, computed, createModel, effect, signal } from '@preact/signals';
import { isAnswerFor, isPackNote, packAnswerKey, packNoteKey, packProgressKeys, type ExerciseAnswer, type StoredExerciseAnswer } from '../../core/pack/pack-records';
import { courseSitting, isPackSittingLink, packQuestionnaireId, packSittingKey } from '../../core/pack/pack-sitting';
import { MAX_SUMMARY_NAME } from '../../core/pack/pack-summary';
import { isPackOrder, PACK_ORDER_KEY, shownPack, type PackOrder } from '../../core/pack/shown-order';
import type { CoursePack } from '../../core/pack/types';
import type { Questionnaire } from '../../core/questionnaire/types';
import { sittingKey, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { contentHash } from '../../core/library/content-hash';
import { addToLibrary, type AdditionOutcome } from '../library/library-model';
import { classifySaveError, describeStorageError, type SaveProblem } from '../storage-errors';

export interface PackServices {
  store: KeyValueStore;
  catalog: Catalog;
  now: () => Date;
  /** A new random id: the seed of this browser's course order, made once. crypto.randomUUID when not given. */
  newId?: () => string;
}

export type PackProgress = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; detail: string };

/** The self-assessment as the course shows it (see pack-sitting.ts for which sitting that is). */
export type CourseSelfAssessment =
  | { kind: 'loading' }
  /** The pack brings a questionnaire of its own that is not yet added to this browser (`addOwnQuestionnaire`). */
  | { kind: 'own-questionnaire' }
  | { kind: 'not-taken' }
  | { kind: 'taken'; sitting: Sitting; questionnaire: Questionnaire }
  | { kind: 'failed'; detail: string };

/**
 * A student working through one pack: answers, feedback asked for, notes, the
 * self-assessment taken from the course and the name for the summary. Answers and
 * notes are saved as they are given; a failed write is kept for "Try again". Owned by
 * the pack's page (useModel), one per pack, shared by the course and its summary.
 */
export const PackModel = createModel((services: PackServices, pack: CoursePack) => {
  const { store } = services;
  const progress = signal<PackProgress>({ kind: 'loading' });
  const answers = signal<Readonly<Record<string, StoredExerciseAnswer>>>({});
  const notes = signal<Readonly<Record<string, string>>>({});
  const saveProblem = signal<SaveProblem | null>(null);
  const selfAssessment = signal<CourseSelfAssessment>({ kind: 'loading' });
  /**
   * The exercise checked last on this page, and how many checks so far: the view
   * announces that check in one short sentence and moves the focus to its feedback.
   * Feedback shown again after a reload is not announced.
   */
  const lastCheck = signal<{ exerciseId: string; count: number } | null>(null);
  /** The exercise whose checked answer was just changed, taking its feedback away. */
  const feedbackWithdrawn = signal<string | null>(null);
  /** The summary's name: kept on this page only, never stored. */
  const includeName = signal(false);
  const name = signal('');
  /** This browser's seed for the order of statements and options (shown-order.ts); read with the progress. */
  const orderSeed = signal('');
  /**
   * The pack as this student sees it: each sort exercise's statements and each choose
   * exercise's options in this browser's order. The course, its feedback and the summary
   * all show this, so "statement 3" is the third the student sees, everywhere.
   */
  const shown = computed(() => (orderSeed.value ? shownPack(pack, orderSeed.value) : pack));
  const unsaved: Record<string, unknown> = {};
  const questionnaireId = packQuestionnaireId(pack);
  const linkKey = packSittingKey(pack.id);
  let linkedSitting: string | null = null;

  async function write(items: Record<string, unknown>): Promise<void> {
    const batch = { ...unsaved, ...items };
    try {
      await store.set(batch);
      // A key changed again by a later failed write keeps its newer unsaved value.
      for (const key of Object.keys(batch)) if (unsaved[key] === batch[key]) delete unsaved[key];
      if (Object.keys(unsaved).length === 0) saveProblem.value = null;
    } catch (error) {
      Object.assign(unsaved, batch);
      saveProblem.value = classifySaveError(error);
    }
  }

  function put(exerciseId: string, record: StoredExerciseAnswer): Promise<void> {
    answers.value = { ...answers.value, [exerciseId]: record };
    return write({ [packAnswerKey(pack.id, exerciseId)]: record });
  }

  /** Reads which sitting the course shows, given the link as stored (read with the progress, or on its own). */
  async function readSelfAssessment(link: unknown): Promise<void> {
    // A pack's own questionnaire is taken once it is in this browser's library, in the very version the pack brings.
    const own = typeof pack.questionnaire === 'string' ? null : pack.questionnaire;
    const entry = own ? services.catalog.findVersion(questionnaireId, own.version) : services.catalog.find(questionnaireId);
    // The same id and version with other content is not the pack's questionnaire (identity by content).
    if (own && (!entry || entry.hash !== (await contentHash(own)))) return void (selfAssessment.value = { kind: 'own-questionnaire' });
    try {
      linkedSitting = isPackSittingLink(link) ? link.sittingId : null;
      if (!linkedSitting || !entry) return void (selfAssessment.value = { kind: 'not-taken' });
      const key = sittingKey(linkedSitting);
      const stored = await store.get([key]);
      const sitting = courseSitting(pack, link, stored[key]);
      if (!sitting) return void (selfAssessment.value = { kind: 'not-taken' });
      selfAssessment.value = { kind: 'taken', sitting, questionnaire: await entry.load() };
    } catch (error) {
      selfAssessment.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  }

  /**
   * The stored seed, or a new one, made once for this browser and stored. Should storing
   * it fail, this page still shows one order throughout; the next page makes a new one
   * (and says nothing: the order is not the student's work).
   */
  async function readOrderSeed(value: unknown): Promise<string> {
    if (isPackOrder(value)) return value.seed;
    const record: PackOrder = { schema: 1, seed: (services.newId ?? (() => crypto.randomUUID()))() };
    try {
      await store.set({ [PACK_ORDER_KEY]: record });
    } catch {
      // Kept for this page only.
    }
    return record.seed;
  }

  const load = action(async () => {
    try {
      const stored = await store.get([...packProgressKeys(pack), linkKey, PACK_ORDER_KEY]);
      const loadedAnswers: Record<string, StoredExerciseAnswer> = {};
      for (const exercise of pack.exercises) {
        const value = stored[packAnswerKey(pack.id, exercise.id)];
        if (isAnswerFor(exercise, value)) loadedAnswers[exercise.id] = value;
      }
      const loadedNotes: Record<string, string> = {};
      for (const reflection of pack.reflections) {
        const value = stored[packNoteKey(pack.id, reflection.id)];
        if (isPackNote(value)) loadedNotes[reflection.id] = value.text;
      }
      answers.value = loadedAnswers;
      notes.value = loadedNotes;
      orderSeed.value = await readOrderSeed(stored[PACK_ORDER_KEY]);
      await readSelfAssessment(stored[linkKey]);
      progress.value = { kind: 'ready' };
    } catch (error) {
      progress.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  /** What adding the pack's own questionnaire came to, for the view to say. */
  const ownAddition = signal<AdditionOutcome | null>(null);
  const addOwnQuestionnaire = action(async () => {
    if (typeof pack.questionnaire === 'string') return;
    ownAddition.value = await addToLibrary(services, pack.questionnaire, 'course-pack');
    await refreshSelfAssessment();
  });

  const refreshSelfAssessment = action(async () => {
    try {
      const stored = await store.get([linkKey]);
      await readSelfAssessment(stored[linkKey]);
    } catch (error) {
      selfAssessment.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const refreshOrderSeed = action(async () => {
    try {
      const value = (await store.get([PACK_ORDER_KEY]))[PACK_ORDER_KEY];
      if (isPackOrder(value)) orderSeed.value = value.seed;
    } catch {
      // The order shown stays as it is.
    }
  });

  const answer = action((exerciseId: string, given: ExerciseAnswer) => {
    // A changed answer takes back the feedback, and with it the announcement of the check;
    // the page says why the feedback went, so it does not just vanish.
    if (lastCheck.value?.exerciseId === exerciseId) lastCheck.value = null;
    if (answers.value[exerciseId]?.checked) feedbackWithdrawn.value = exerciseId;
    return put(exerciseId, { schema: 1, answer: given, checked: false, updatedAt: services.now().toISOString() });
  });

  const check = action(async (exerciseId: string) => {
    const current = answers.value[exerciseId];
    if (!current) return;
    lastCheck.value = { exerciseId, count: (lastCheck.value?.count ?? 0) + 1 };
    if (feedbackWithdrawn.value === exerciseId) feedbackWithdrawn.value = null;
    await put(exerciseId, { ...current, checked: true, updatedAt: services.now().toISOString() });
  });

  const note = action((reflectionId: string, text: string) => {
    notes.value = { ...notes.value, [reflectionId]: text };
    return write({ [packNoteKey(pack.id, reflectionId)]: { schema: 1, text, updatedAt: services.now().toISOString() } });
  });

  const retry = action(() => write({}));
  const setIncludeName = action((include: boolean) => void (includeName.value = include));
  const setName = action((text: string) => void (name.value = text.slice(0, MAX_SUMMARY_NAME)));

  // The self-assessment is often taken in another tab, or deleted from the history:
  // the course follows its link and the sitting it names.
  effect(() => store.onChanged((keys) => {
    if (keys.includes(linkKey) || (linkedSitting !== null && keys.includes(sittingKey(linkedSitting)))) void refreshSelfAssessment();
    // Two course pages opened at once in a new browser may each make a seed: the one stored last is the one kept, here too.
    if (keys.includes(PACK_ORDER_KEY)) void refreshOrderSeed();
  }));

  void load();
  return { progress, answers, notes, saveProblem, selfAssessment, lastCheck, feedbackWithdrawn, includeName, name, orderSeed, shown, load, refreshSelfAssessment, ownAddition, addOwnQuestionnaire, answer, check, note, retry, setIncludeName, setName };
});

export type PackModel = InstanceType<typeof PackModel>;
