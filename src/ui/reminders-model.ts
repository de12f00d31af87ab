import { action, computed, createModel, signal } from '@preact/signals';
import { isDue, nextDue } from '../core/history/reminders';
import { isIsoDate, isReminder, lastTakenKey, reminderKey, type Cadence, type Reminder } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';
import { describeStorageError, storageFailure, type StorageFailure } from './storage-errors';

export interface ReminderState {
  reminder: Reminder | null;
  lastTaken: string | null;
}

export type RemindersRead = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; detail: string };
export type CadenceSave = { kind: 'none' } | { kind: 'saved' } | ({ kind: 'failed' } & StorageFailure);

export interface RemindersServices {
  store: KeyValueStore;
  catalog: Catalog;
  now: () => Date;
}

/** The keys the reminders are read from, for a page that reads them with others in one call. */
export function reminderKeysOf(catalog: Catalog): string[] {
  return catalog.entries.flatMap((entry) => [reminderKey(entry.id), lastTakenKey(entry.id)]);
}

/**
 * Reminder cadences and what is due, read by key (never a scan of every sitting), and
 * choosing a cadence. The popup hands in what it read with its settings (`prefetched`), so
 * its first view needs no read of its own; without it the model reads storage itself (the
 * settings page). Owned by the page that shows them (useModel).
 */
export const RemindersModel = createModel((services: RemindersServices, prefetched?: Readonly<Record<string, unknown>>) => {
  const { store, catalog } = services;
  const states = signal<Readonly<Record<string, ReminderState>>>({});
  const read = signal<RemindersRead>({ kind: 'loading' });
  const lastSave = signal<CadenceSave>({ kind: 'none' });

  // Computed, not functions: a model's functions run as untracked actions, so a view that
  // called one would not render again when the reminders change. The clock is read when
  // the reminders are (re)read, which is when the popup's list is shown.
  const due = computed(() => {
    const now = services.now();
    return new Set(Object.entries(states.value).filter(([, state]) => isDue(state.reminder, state.lastTaken, now)).map(([id]) => id));
  });
  const nextDueDates = computed(() => {
    const dates: Record<string, Date | null> = {};
    for (const [id, state] of Object.entries(states.value)) dates[id] = nextDue(state.reminder, state.lastTaken);
    return dates;
  });

  const loadFrom = action((stored: Readonly<Record<string, unknown>>) => {
    const next: Record<string, ReminderState> = {};
    for (const entry of catalog.entries) {
      const reminder = stored[reminderKey(entry.id)];
      const lastTaken = stored[lastTakenKey(entry.id)];
      next[entry.id] = { reminder: isReminder(reminder) ? reminder : null, lastTaken: isIsoDate(lastTaken) ? lastTaken : null };
    }
    states.value = next;
    read.value = { kind: 'ready' };
  });

  const load = action(async () => {
    try {
      loadFrom(await store.get(reminderKeysOf(catalog)));
    } catch (error) {
      read.value = { kind: 'failed', detail: describeStorageError(error) };
    }
  });

  const setCadence = action(async (questionnaireId: string, cadence: Cadence) => {
    const reminder: Reminder = { schema: 1, questionnaireId, cadence, since: services.now().toISOString() };
    try {
      await store.set({ [reminderKey(questionnaireId)]: reminder });
    } catch (error) {
      // The choice shown goes back to the stored one, and the page says why.
      lastSave.value = { kind: 'failed', ...storageFailure(error) };
      return;
    }
    states.value = { ...states.value, [questionnaireId]: { reminder, lastTaken: states.value[questionnaireId]?.lastTaken ?? null } };
    lastSave.value = { kind: 'saved' };
  });

  if (prefetched) loadFrom(prefetched);
  else void load();
  return { states, read, lastSave, due, nextDue: nextDueDates, load, setCadence };
});

export type RemindersModelInstance = InstanceType<typeof RemindersModel>;
