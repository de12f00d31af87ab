import { signal, type ReadonlySignal } from '@preact/signals';
import { isDue, nextDue } from '../core/history/reminders';
import { isIsoDate, isReminder, lastTakenKey, reminderKey, type Cadence, type Reminder } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';

export interface ReminderState {
  reminder: Reminder | null;
  lastTaken: string | null;
}

/** Reminder cadences and what is due, read by key (never a scan of every sitting). */
export interface RemindersModel {
  states: ReadonlySignal<Readonly<Record<string, ReminderState>>>;
  load(): Promise<void>;
  /** The keys `loadFrom` needs, for a page that reads them with others in one call. */
  keys(): string[];
  loadFrom(stored: Readonly<Record<string, unknown>>): void;
  setCadence(questionnaireId: string, cadence: Cadence): Promise<void>;
  due(questionnaireId: string): boolean;
  nextDue(questionnaireId: string): Date | null;
}

export function reminderKeysOf(catalog: Catalog): string[] {
  return catalog.entries.flatMap((entry) => [reminderKey(entry.id), lastTakenKey(entry.id)]);
}

export function createRemindersModel(store: KeyValueStore, catalog: Catalog, now: () => Date): RemindersModel {
  const states = signal<Record<string, ReminderState>>({});
  const keys = () => reminderKeysOf(catalog);
  return {
    states,
    keys,
    async load() {
      this.loadFrom(await store.get(keys()));
    },
    loadFrom(stored) {
      const next: Record<string, ReminderState> = {};
      for (const entry of catalog.entries) {
        const reminder = stored[reminderKey(entry.id)];
        const lastTaken = stored[lastTakenKey(entry.id)];
        next[entry.id] = { reminder: isReminder(reminder) ? reminder : null, lastTaken: isIsoDate(lastTaken) ? lastTaken : null };
      }
      states.value = next;
    },
    async setCadence(questionnaireId, cadence) {
      const reminder: Reminder = { schema: 1, questionnaireId, cadence, since: now().toISOString() };
      await store.set({ [reminderKey(questionnaireId)]: reminder });
      states.value = { ...states.value, [questionnaireId]: { reminder, lastTaken: states.value[questionnaireId]?.lastTaken ?? null } };
    },
    due(questionnaireId) {
      const state = states.value[questionnaireId];
      return state ? isDue(state.reminder, state.lastTaken, now()) : false;
    },
    nextDue(questionnaireId) {
      const state = states.value[questionnaireId];
      return state ? nextDue(state.reminder, state.lastTaken) : null;
    },
  };
}
