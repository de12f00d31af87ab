import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readRecent, recentFrom, RECENT_LENGTH, viewRecent, withSitting, type RecentSitting } from '../../src/core/history/recent';

const at = (day: number) => new Date(Date.UTC(2026, 0, 1 + day)).toISOString();
const sitting = (id: string, day: number, now: number | null, version = 2, wanted: number | null = 50): RecentSitting => ({ id, completedAt: at(day), version, now, wanted });

describe('recent sittings (the popup\'s summary of a questionnaire)', () => {
  it('keeps the latest eight, oldest first, and a sitting stored twice once', () => {
    let record = null;
    for (let day = 0; day < 12; day++) record = withSitting(record, sitting(`s${day}`, day, day * 5));
    record = withSitting(record, sitting('s11', 11, 55));
    expect(record!.sittings.map((s) => s.id)).toEqual(['s4', 's5', 's6', 's7', 's8', 's9', 's10', 's11']);
    expect(record!.sittings).toHaveLength(RECENT_LENGTH);
  });

  it('tells the change from the sitting before, and the trend, only within one version', () => {
    const view = viewRecent(recentFrom([sitting('a', 1, 40, 1), sitting('b', 2, 42.5), sitting('c', 3, 48)]));
    expect(view?.latest.id).toBe('c');
    expect(view?.previous?.id).toBe('b');
    expect(view?.change).toBe(5.5);
    expect(view?.trend).toEqual([42.5, 48]);
    const acrossVersions = viewRecent(recentFrom([sitting('a', 1, 40, 1), sitting('b', 2, 60, 2)]));
    expect(acrossVersions?.previous).toBeNull();
    expect(acrossVersions?.change).toBeNull();
  });

  it('has no change where a sitting has no overall score (a profile), and no view without sittings', () => {
    expect(viewRecent(recentFrom([sitting('a', 1, null), sitting('b', 2, null)]))?.change).toBeNull();
    expect(viewRecent(null)).toBeNull();
    expect(viewRecent({ schema: 1, sittings: [] })).toBeNull();
  });

  it('reads back what it writes, and refuses what it did not write', () => {
    const record = recentFrom([sitting('a', 1, 40), sitting('b', 2, 42)]);
    expect(readRecent(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(readRecent({ schema: 2, sittings: [] })).toBeNull();
    expect(readRecent({ schema: 1, sittings: [{ ...sitting('a', 1, 40), now: 140 }] })).toBeNull();
    expect(readRecent({ schema: 1, sittings: [{ ...sitting('a', 1, 40), completedAt: 'yesterday' }] })).toBeNull();
    expect(readRecent({ schema: 1, sittings: Array.from({ length: 9 }, (_, i) => sitting(`s${i}`, i, 1)) })).toBeNull();
    expect(readRecent('{"schema":1}')).toBeNull();
  });

  it('whatever order sittings are added in, the record is the latest eight in time order (property)', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }), (days) => {
      let record = null;
      for (const day of days) record = withSitting(record, sitting(`d${day}`, day, day % 101));
      const expected = [...days].sort((a, b) => a - b).slice(-RECENT_LENGTH).map((day) => `d${day}`);
      expect(record!.sittings.map((s) => s.id)).toEqual(expected);
    }));
  });
});
