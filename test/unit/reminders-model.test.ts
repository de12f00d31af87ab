import { describe, expect, it } from 'vitest';
import { lastTakenKey, reminderKey, type Reminder } from '../../src/core/storage/records';
import { reminderKeysOf, RemindersModel } from '../../src/ui/reminders-model';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const first = makeQuestionnaire(2, 3);
const second = { ...makeQuestionnaire(2, 3), id: 'second-questionnaire' };
const catalog = catalogOf(first, second);
const now = () => new Date('2027-03-01T09:00:00.000Z');
const monthly = (questionnaireId: string, since: string): Reminder => ({ schema: 1, questionnaireId, cadence: 'monthly', since });

describe('the reminders model', () => {
  it('takes what the popup read with its settings, reading nothing itself, and says what is due and when', () => {
    const store = new MemoryStore();
    let reads = 0;
    store.get = async () => (reads++, {});
    const model = new RemindersModel({ store, catalog, now }, {
      [reminderKey(first.id)]: monthly(first.id, '2027-01-01T00:00:00.000Z'),
      [lastTakenKey(first.id)]: '2027-01-20T00:00:00.000Z',
      [reminderKey(second.id)]: monthly(second.id, '2027-02-15T00:00:00.000Z'),
      [lastTakenKey(second.id)]: 'not a date',
    });
    expect(model.read.value).toEqual({ kind: 'ready' });
    expect(reads).toBe(0);
    // Due a month after the latest sitting (20 February), and not yet a month after the second was chosen.
    expect([...model.due.value]).toEqual([first.id]);
    expect(model.nextDue.value[first.id]?.toISOString()).toBe('2027-02-20T00:00:00.000Z');
    expect(model.nextDue.value[second.id]?.toISOString()).toBe('2027-03-15T00:00:00.000Z');
    expect(model.states.value[second.id]?.lastTaken).toBeNull();
    model[Symbol.dispose]();
  });

  it('reads its own keys without anything handed in, and shows a failed read as such', async () => {
    const store = new MemoryStore({ [reminderKey(first.id)]: monthly(first.id, '2027-01-01T00:00:00.000Z'), 'sitting:x': { not: 'read' } });
    const asked: string[][] = [];
    const read = store.get.bind(store);
    store.get = (keys) => (asked.push([...keys]), read(keys));
    const model = new RemindersModel({ store, catalog, now });
    expect(model.read.value).toEqual({ kind: 'loading' });
    await until(() => model.read.value.kind !== 'loading');
    expect(model.read.value).toEqual({ kind: 'ready' });
    expect(asked).toEqual([reminderKeysOf(catalog)]);
    expect(model.states.value[first.id]?.reminder?.cadence).toBe('monthly');

    store.get = () => Promise.reject(new Error('disk gone'));
    const failing = new RemindersModel({ store, catalog, now });
    await until(() => failing.read.value.kind !== 'loading');
    expect(failing.read.value).toEqual({ kind: 'failed', detail: 'disk gone' });
  });

  it('saves a chosen cadence and says so; a failed save changes nothing and says why', async () => {
    const store = new MemoryStore();
    const model = new RemindersModel({ store, catalog, now }, {});
    await model.setCadence(first.id, 'quarterly');
    expect(store.snapshot()[reminderKey(first.id)]).toEqual({ schema: 1, questionnaireId: first.id, cadence: 'quarterly', since: now().toISOString() });
    expect(model.states.value[first.id]?.reminder?.cadence).toBe('quarterly');
    expect(model.lastSave.value).toEqual({ kind: 'saved' });
    expect(model.nextDue.value[first.id]?.toISOString()).toBe('2027-06-01T09:00:00.000Z');

    store.quotaBytes = 0;
    await model.setCadence(first.id, 'monthly');
    expect(model.lastSave.value.kind).toBe('failed');
    expect(model.states.value[first.id]?.reminder?.cadence).toBe('quarterly');
    expect((store.snapshot()[reminderKey(first.id)] as Reminder).cadence).toBe('quarterly');
  });
});
