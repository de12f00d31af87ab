import type { Static } from 'typebox';
import { conforms } from '../formats/conforms';
import type { QuestionnaireScore } from '../scoring';
import { gapWorthSuggesting } from '../suggested-gap';
import { ACTION_STATUSES, ActionsFormat, MAX_ACTIONS_PER_SITTING, MAX_ACTION_TEXT, type ActionFormat } from '../storage/record-formats';

/**
 * What a unit will try after a result, one dimension each, and how it went: asked at the
 * next sitting of the same questionnaire. All actions of one questionnaire are one record
 * (`actions:<questionnaire>`), so the popup reads them by key with the rest of its first
 * view; pages change it under a Web Lock.
 */
export const ACTIONS_PREFIX = 'actions:';
export const actionsKey = (questionnaireId: string) => `${ACTIONS_PREFIX}${questionnaireId}`;

export type UnitAction = Static<typeof ActionFormat>;
export type ActionsRecord = Static<typeof ActionsFormat>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export { ACTION_STATUSES, MAX_ACTIONS_PER_SITTING, MAX_ACTION_TEXT };

export function isActionsRecord(value: unknown): value is ActionsRecord {
  return conforms(ActionsFormat, value);
}

export function readActions(value: unknown): ActionsRecord | null {
  return isActionsRecord(value) ? value : null;
}

/** Actions not yet reviewed: what the next sitting asks about. */
export function openActions(record: ActionsRecord | null): UnitAction[] {
  return (record?.actions ?? []).filter((action) => !action.review);
}

/** The id of the action a sitting's result chose for a dimension: one per dimension and sitting. */
export const actionId = (sittingId: string, dimension: string) => `${sittingId}-${dimension}`.slice(0, 64);

/** The record with an action added or replaced (same id), keeping every other one. */
export function withAction(record: ActionsRecord | null, questionnaireId: string, action: UnitAction): ActionsRecord {
  const actions = (record?.actions ?? []).filter((a) => a.id !== action.id);
  return { schema: 1, questionnaireId, actions: [...actions, action] };
}

export function withoutAction(record: ActionsRecord | null, questionnaireId: string, id: string): ActionsRecord {
  return { schema: 1, questionnaireId, actions: (record?.actions ?? []).filter((a) => a.id !== id) };
}

/**
 * The dimensions a result suggests working on: those with the largest gap between now and
 * wanted, either way (wanting to move towards either pole is a reason to act), at most three,
 * and only where the gap is at least MIN_GAP_TO_SUGGEST points (a smaller one is mostly rounding).
 */
export function suggestedDimensions(score: QuestionnaireScore, count = MAX_ACTIONS_PER_SITTING): string[] {
  return score.dimensions
    .filter((d) => gapWorthSuggesting(d.gap))
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!) || a.dimension.localeCompare(b.dimension))
    .slice(0, count)
    .map((d) => d.dimension);
}

/** Whether an open action's day has passed: it is due for review. */
export function isActionDue(action: UnitAction, now: Date): boolean {
  return !action.review && action.by !== undefined && Date.parse(action.by) <= now.getTime();
}

/** The day an `<input type="date">` gives, as stored: noon UTC (the same day in every European time zone). */
export function dayToStored(day: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const time = Date.parse(`${day}T12:00:00.000Z`);
  if (Number.isNaN(time)) return undefined;
  const iso = new Date(time).toISOString();
  // A day that does not exist (30 February) would roll over into the next month.
  return iso.slice(0, 10) === day ? iso : undefined;
}

/** A stored day as the date input shows it. */
export function storedToDay(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
