import { isIsoDate, isReminder, KEYS } from '../storage/records';
import { nextDue } from './reminders';

export const ALARM_PREFIX = 'reminder:';
const REMINDED_PREFIX = 'reminded:';
export const remindedKey = (questionnaireId: string) => `${REMINDED_PREFIX}${questionnaireId}`;

/** The stored keys planAlarms reads: reminders, when each questionnaire was last taken, what was notified. */
export function isAlarmPlanKey(key: string): boolean {
  return key.startsWith(KEYS.reminderPrefix) || key.startsWith(KEYS.lastTakenPrefix) || key.startsWith(REMINDED_PREFIX);
}

export interface PlannedAlarm {
  name: string;
  questionnaireId: string;
  when: number;
  due: string;
}

/**
 * The reminder alarms the background should have, from everything stored: one per
 * questionnaire with a cadence, at its next due time. A due time already notified
 * (`reminded:<id>`) is not planned again, so an ignored reminder does not repeat
 * every time the browser starts.
 */
export function planAlarms(stored: Readonly<Record<string, unknown>>, now: Date): PlannedAlarm[] {
  const plan: PlannedAlarm[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(KEYS.reminderPrefix) || !isReminder(value)) continue;
    const lastTaken = stored[`${KEYS.lastTakenPrefix}${value.questionnaireId}`];
    const due = nextDue(value, isIsoDate(lastTaken) ? lastTaken : null);
    if (!due) continue;
    const dueIso = due.toISOString();
    if (stored[remindedKey(value.questionnaireId)] === dueIso) continue;
    plan.push({ name: `${ALARM_PREFIX}${value.questionnaireId}`, questionnaireId: value.questionnaireId, when: Math.max(due.getTime(), now.getTime() + 1000), due: dueIso });
  }
  return plan.sort((a, b) => a.name.localeCompare(b.name));
}
