import { describe, expect, it } from 'vitest';
import { isAlarmPlanKey, planAlarms } from '../../src/core/history/alarm-plan';
import { addMonths, isDue, nextDue } from '../../src/core/history/reminders';
import { compareScores, scoreSittings } from '../../src/core/history/series';
import { readStoredHistory } from '../../src/core/history/stored-records';
import type { Reminder, Sitting } from '../../src/core/storage/records';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
function sitting(id: string, completedAt: string, position: number): Sitting {
  return {
    schema: 1, id, questionnaire: { id: questionnaire.id, version: 1 }, startedAt: completedAt, completedAt, language: 'en',
    answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, position])),
    wanted: Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, 7])),
  };
}

describe('reading stored history', () => {
  it('sorts sittings by time and sets corrupt records aside without hiding the rest', () => {
    const history = readStoredHistory({
      'sitting:b': sitting('b', '2025-03-01T10:00:00.000Z', 4),
      'sitting:a': sitting('a', '2024-03-01T10:00:00.000Z', 2),
      'sitting:broken': { schema: 1, id: 'broken', answers: 'nope' },
      'sitting:mismatch': sitting('other-id', '2024-05-01T10:00:00.000Z', 4),
      'note:a': { schema: 1, sittingId: 'a', text: 'hello', updatedAt: '2025-01-01T00:00:00.000Z' },
      'note:x': { schema: 1, sittingId: 'x', text: 5, updatedAt: 'then' },
      settings: { theme: 'dark' },
    });
    expect(history.sittings.map((s) => s.id)).toEqual(['a', 'b']);
    expect(history.notes.a?.text).toBe('hello');
    expect(history.setAside.map((s) => s.key)).toEqual(['note:x', 'sitting:broken', 'sitting:mismatch']);
  });

  it('refuses answers with prototype-polluting keys', () => {
    const bad = JSON.parse(JSON.stringify(sitting('p', '2024-03-01T10:00:00.000Z', 3)).replace('"answers":{', '"answers":{"__proto__":3,'));
    expect(readStoredHistory({ 'sitting:p': bad }).setAside).toHaveLength(1);
    expect(({} as Record<string, unknown>)[3]).toBeUndefined();
  });
});

describe('series and comparisons', () => {
  it('scores each sitting and describes the change between two', () => {
    const series = scoreSittings(questionnaire, [sitting('a', '2024-01-01T00:00:00.000Z', 4), sitting('b', '2024-06-01T00:00:00.000Z', 4)]);
    expect(series.map((p) => p.score.overall.now)).toEqual([50, 50]);
    const changes = compareScores(series[0]!.score, series[1]!.score);
    expect(changes.overall.change).toBe(0);
  });

  it('leaves out sittings of another version', () => {
    const old = { ...sitting('a', '2024-01-01T00:00:00.000Z', 4), questionnaire: { id: questionnaire.id, version: 2 } };
    expect(scoreSittings(questionnaire, [old])).toEqual([]);
  });
});

describe('reminders', () => {
  const reminder = (cadence: Reminder['cadence'], since = '2025-01-31T09:00:00.000Z'): Reminder => ({ schema: 1, questionnaireId: 'q', cadence, since });

  it('adds calendar months, keeping the end of a short month', () => {
    expect(addMonths(new Date('2025-01-31T09:00:00.000Z'), 1).toISOString()).toBe('2025-02-28T09:00:00.000Z');
    expect(addMonths(new Date('2024-11-15T09:00:00.000Z'), 3).toISOString()).toBe('2025-02-15T09:00:00.000Z');
  });

  it('counts from the latest sitting, or from when the cadence was chosen', () => {
    expect(nextDue(reminder('quarterly'), null)?.toISOString()).toBe('2025-04-30T09:00:00.000Z');
    expect(nextDue(reminder('half-yearly'), '2025-03-10T12:00:00.000Z')?.toISOString()).toBe('2025-09-10T12:00:00.000Z');
    expect(nextDue(reminder('off'), null)).toBeNull();
    expect(isDue(reminder('monthly'), '2025-03-10T12:00:00.000Z', new Date('2025-04-11T00:00:00.000Z'))).toBe(true);
    expect(isDue(reminder('monthly'), '2025-03-10T12:00:00.000Z', new Date('2025-04-09T00:00:00.000Z'))).toBe(false);
  });

  it('plans one alarm per cadence, and none for a due time already notified', () => {
    const now = new Date('2025-06-01T00:00:00.000Z');
    const stored = {
      'reminder:a': { ...reminder('monthly'), questionnaireId: 'a' },
      'reminder:b': { ...reminder('off'), questionnaireId: 'b' },
      'reminder:c': { ...reminder('monthly'), questionnaireId: 'c' },
      'last-taken:c': '2025-05-20T08:00:00.000Z',
      'reminded:a': '2025-02-28T09:00:00.000Z',
    };
    expect(planAlarms(stored, now).map((a) => [a.name, new Date(a.when).toISOString()])).toEqual([['reminder:c', '2025-06-20T08:00:00.000Z']]);
    // The background reads only the keys the plan needs, and plans the same from them.
    const withSittings = { ...stored, 'sitting:x': '{"id":"x"}', 'note:x': { text: 'n' }, settings: {} };
    const needed = Object.fromEntries(Object.entries(withSittings).filter(([key]) => isAlarmPlanKey(key)));
    expect(Object.keys(needed).sort()).toEqual(Object.keys(stored).sort());
    expect(planAlarms(needed, now)).toEqual(planAlarms(withSittings, now));
  });
});

describe('reminders from actions', () => {
  const now = new Date('2031-01-10T09:00:00.000Z');
  const action = (id: string, by: string | undefined, reviewed = false) => ({
    id, sittingId: 's1', dimension: 'dim-1', text: 'Try it', createdAt: '2031-01-01T09:00:00.000Z',
    ...(by ? { by } : {}), ...(reviewed ? { review: { status: 'done', note: '', at: '2031-01-05T09:00:00.000Z' } } : {}),
  });
  it('reminds on the day the earliest open action is due, sooner than the cadence, and not for a reviewed one', () => {
    const stored = {
      'reminder:q': { schema: 1, questionnaireId: 'q', cadence: 'quarterly', since: '2031-01-01T09:00:00.000Z' },
      'actions:q': { schema: 1, questionnaireId: 'q', actions: [action('a1', '2031-02-20T12:00:00.000Z'), action('a2', '2031-02-01T12:00:00.000Z', true)] },
      // No cadence: an action alone reminds too.
      'actions:r': { schema: 1, questionnaireId: 'r', actions: [action('b1', '2031-03-03T12:00:00.000Z'), action('b2', undefined)] },
    };
    expect(planAlarms(stored, now).map((a) => [a.name, a.due])).toEqual([['reminder:q', '2031-02-20T12:00:00.000Z'], ['reminder:r', '2031-03-03T12:00:00.000Z']]);
    expect(isAlarmPlanKey('actions:q')).toBe(true);
    // Once notified, that due time is not planned again.
    expect(planAlarms({ ...stored, 'reminded:r': '2031-03-03T12:00:00.000Z' }, now).map((a) => a.name)).toEqual(['reminder:q']);
    // A record under another questionnaire's key is not believed.
    expect(planAlarms({ 'actions:x': stored['actions:r'] }, now)).toEqual([]);
  });
});

describe('history across questionnaire versions', () => {
  it('joins an earlier version\'s sittings only on the dimensions declared continuous, without their overall or a wanted asked another way', async () => {
    const { makeProfileQuestionnaire } = await import('../helpers/questionnaire-fixture');
    const current = makeProfileQuestionnaire(); // version 2, format 2: dim-1 and dim-3 continue from 1
    const first = { ...makeQuestionnaire(4, 3), version: 1 };
    const all = (position: number) => Object.fromEntries(first.items.map((item) => [item.id, position]));
    const old = { ...sitting('old', '2025-01-01T00:00:00.000Z', 4), questionnaire: { id: first.id, version: 1 }, answers: all(7), wanted: { 'dim-1': 7, 'dim-2': 7, 'dim-3': 7, 'dim-4': 7 } };
    const now = { ...sitting('new', '2026-01-01T00:00:00.000Z', 4), questionnaire: { id: current.id, version: 2 }, answers: all(4), wanted: {}, wantedItems: all(4) };
    const series = scoreSittings(current, [now, old], [first]);
    expect(series.map((p) => [p.sitting.id, p.version])).toEqual([['old', 1], ['new', 2]]);
    const [earlier, later] = series;
    expect(earlier!.score.dimensions.map((d) => d.dimension)).toEqual(current.dimensions.map((d) => d.id));
    // dim-1 and dim-3 continue: their "now" joins the line; dim-2 and dim-4 start with version 2.
    expect(earlier!.score.dimensions.map((d) => d.now === null)).toEqual([false, true, false, true]);
    // Version 1 asked "wanted" once per dimension, version 2 per item: not joined.
    expect(earlier!.score.dimensions.every((d) => d.wanted === null)).toBe(true);
    expect(earlier!.score.overall.now).toBeNull();
    expect(later!.score.overall.now).toBe(50);
    // Without version 1 at hand, its sitting is left out rather than misread.
    expect(scoreSittings(current, [now, old]).map((p) => p.sitting.id)).toEqual(['new']);
  });
});
