import type { Cadence, Reminder } from '../storage/records';

const MONTHS: Readonly<Record<Exclude<Cadence, 'off'>, number>> = { monthly: 1, quarterly: 3, 'half-yearly': 6 };

/** Adds calendar months, keeping the day where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/**
 * When the next self-assessment is due: a cadence after the latest sitting, or after
 * the cadence was chosen when there is none yet. Null when reminders are off.
 */
export function nextDue(reminder: Reminder | null, lastTaken: string | null): Date | null {
  if (!reminder || reminder.cadence === 'off') return null;
  const from = lastTaken && lastTaken > reminder.since ? lastTaken : reminder.since;
  return addMonths(new Date(from), MONTHS[reminder.cadence]);
}

export function isDue(reminder: Reminder | null, lastTaken: string | null, now: Date): boolean {
  const due = nextDue(reminder, lastTaken);
  return due !== null && due.getTime() <= now.getTime();
}
