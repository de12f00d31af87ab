import { ACTIONS_PREFIX, openActions, readActions } from '../actions/actions';
import { isIsoDate, isReminder, KEYS } from '../storage/records';
import { nextDue } from './reminders';

export const ALARM_PREFIX = 'reminder:';
const REMINDED_PREFIX = 'reminded:';
export const remindedKey = (questionnaireId: string) => `${REMINDED_PREFIX}${questionnaireId}`;

/** The stored keys planAlarms reads: reminders, when each questionnaire was last taken, actions, what was notified. */
export function isAlarmPlanKey(key: string): boolean {
  return key.startsWith(KEYS.reminderPrefix) || key.startsWith(KEYS.lastTakenPrefix) || key.startsWith(REMINDED_PREFIX) || key.startsWith(ACTIONS_PREFIX);
}

export interface PlannedAlarm {
  name: string;
  questionnaireId: string;
  when: number;
  due: string;
}

/**
 * The reminder alarms the background should have, from everything stored: one per
 * questionnaire, at the earlier of its cadence's next due time and the day its earliest
 * open action is due (the next sitting is where the person says how the action went).
 * A due time already notified (`reminded:<id>`) is not planned again, so an ignored
 * reminder does not repeat every time the browser starts.
 */
export function planAlarms(stored: Readonly<Record<string, unknown>>, now: Date): PlannedAlarm[] {
  const dueTimes = new Map<string, number>();
  const sooner = (questionnaireId: string, time: number) => {
    const known = dueTimes.get(questionnaireId);
    if (known === undefined || time < known) dueTimes.set(questionnaireId, time);
  };
  for (const [key, value] of Object.entries(stored)) {
    if (key.startsWith(KEYS.reminderPrefix) && isReminder(value)) {
      const lastTaken = stored[`${KEYS.lastTakenPrefix}${value.questionnaireId}`];
      const due = nextDue(value, isIsoDate(lastTaken) ? lastTaken : null);
      if (due) sooner(value.questionnaireId, due.getTime());
    } else if (key.startsWith(ACTIONS_PREFIX)) {
      const record = readActions(value);
      if (!record || key !== `${ACTIONS_PREFIX}${record.questionnaireId}`) continue;
      for (const action of openActions(record)) if (action.by) sooner(record.questionnaireId, Date.parse(action.by));
    }
  }
  const plan: PlannedAlarm[] = [];
  for (const [questionnaireId, time] of dueTimes) {
    const dueIso = new Date(time).toISOString();
    if (stored[remindedKey(questionnaireId)] === dueIso) continue;
    plan.push({ name: `${ALARM_PREFIX}${questionnaireId}`, questionnaireId, when: Math.max(time, now.getTime() + 1000), due: dueIso });
  }
  return plan.sort((a, b) => a.name.localeCompare(b.name));
}
