import { signal, type ReadonlySignal } from '@preact/signals';
import { isAnswerFor, isPackNote, packAnswerKey, packNoteKey, packProgressKeys, type ExerciseAnswer, type StoredExerciseAnswer } from '../../core/pack/pack-records';
import type { CoursePack } from '../../core/pack/types';
import type { KeyValueStore } from '../../core/storage/store';
import { classifySaveError, type SaveProblem } from '../storage-errors';

/** A student working through one pack: answers and notes saved as they are given. */
export interface PackModel {
  pack: CoursePack;
  answers: ReadonlySignal<Readonly<Record<string, StoredExerciseAnswer>>>;
  notes: ReadonlySignal<Readonly<Record<string, string>>>;
  saveProblem: ReadonlySignal<SaveProblem | null>;
  load(): Promise<void>;
  answer(exerciseId: string, answer: ExerciseAnswer): Promise<void>;
  check(exerciseId: string): Promise<void>;
  note(reflectionId: string, text: string): Promise<void>;
}

export function createPackModel(store: KeyValueStore, pack: CoursePack, now: () => Date): PackModel {
  const answers = signal<Record<string, StoredExerciseAnswer>>({});
  const notes = signal<Record<string, string>>({});
  const saveProblem = signal<SaveProblem | null>(null);

  async function write(items: Record<string, unknown>) {
    try {
      await store.set(items);
      saveProblem.value = null;
    } catch (error) {
      saveProblem.value = classifySaveError(error);
    }
  }

  function put(exerciseId: string, record: StoredExerciseAnswer) {
    answers.value = { ...answers.value, [exerciseId]: record };
    return write({ [packAnswerKey(pack.id, exerciseId)]: record });
  }

  return {
    pack,
    answers,
    notes,
    saveProblem,
    async load() {
      const stored = await store.get(packProgressKeys(pack));
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
    },
    answer(exerciseId, answer) {
      return put(exerciseId, { schema: 1, answer, checked: false, updatedAt: now().toISOString() });
    },
    async check(exerciseId) {
      const current = answers.value[exerciseId];
      if (current) await put(exerciseId, { ...current, checked: true, updatedAt: now().toISOString() });
    },
    note(reflectionId, text) {
      notes.value = { ...notes.value, [reflectionId]: text };
      return write({ [packNoteKey(pack.id, reflectionId)]: { schema: 1, text, updatedAt: now().toISOString() } });
    },
  };
}
