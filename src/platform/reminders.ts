import { browser } from './browser';
import { ALARM_PREFIX, isAlarmPlanKey, planAlarms, remindedKey } from '../core/history/alarm-plan';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import { ACTIONS_PREFIX } from '../core/actions/actions';

/**
 * The records a reminder plan needs, not every sitting: where the browser can list the
 * stored keys (Chrome 130, Firefox 143), only the reminder, last-taken and notified ones
 * are read; older browsers read everything, as before.
 */
async function planRecords(): Promise<Record<string, unknown>> {
  const area = browser.storage.local as typeof browser.storage.local & { getKeys?: () => Promise<string[]> };
  if (typeof area.getKeys !== 'function') return area.get(null);
  const keys = (await area.getKeys()).filter((key) => isAlarmPlanKey(key) || key === KEYS.schemaVersion);
  return keys.length > 0 ? area.get(keys) : {};
}

/**
 * Data saved by a newer Shiftmeter is left exactly as it is: this version does not
 * know its shape, so it plans nothing from it and writes nothing into it (the pages say
 * to update). A reminder's "notified" mark is a write like any other.
 */
function isNewerData(records: Readonly<Record<string, unknown>>): boolean {
  const version = records[KEYS.schemaVersion];
  return typeof version === 'number' && version > SCHEMA_VERSION;
}

/**
 * Makes the reminder alarms the ones the stored reminders call for. Creating an alarm
 * replaces one of the same name, so planned alarms are set first and only the others
 * cleared: an alarm that stays is never missing for a moment (clearing everything first
 * left a gap that a page reading the alarms could fall into).
 */
export async function scheduleReminders(): Promise<void> {
  const records = await planRecords();
  const plan = isNewerData(records) ? [] : planAlarms(records, new Date());
  for (const alarm of plan) await browser.alarms.create(alarm.name, { when: alarm.when });
  const planned = new Set(plan.map((alarm) => alarm.name));
  const existing = await browser.alarms.getAll();
  await Promise.all(existing.filter((a) => a.name.startsWith(ALARM_PREFIX) && !planned.has(a.name)).map((a) => browser.alarms.clear(a.name)));
}

/** A change that can move a reminder: a cadence, a sitting finished (its last-taken time), an action chosen or reviewed. */
export function isReminderChange(keys: readonly string[]): boolean {
  return keys.some((key) => key.startsWith(KEYS.reminderPrefix) || key.startsWith(KEYS.lastTakenPrefix) || key.startsWith(ACTIONS_PREFIX));
}

/** Shows the reminder for a questionnaire and records that this due time was notified. */
export async function notifyReminder(alarmName: string): Promise<void> {
  const questionnaireId = alarmName.slice(ALARM_PREFIX.length);
  const records = await planRecords();
  if (isNewerData(records)) return;
  const plan = planAlarms(records, new Date()).find((a) => a.questionnaireId === questionnaireId);
  if (!plan) return;
  await browser.notifications.create(alarmName, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: browser.i18n.getMessage('reminderTitle'),
    message: browser.i18n.getMessage('reminderMessage'),
  });
  await browser.storage.local.set({ [remindedKey(questionnaireId)]: plan.due });
}
