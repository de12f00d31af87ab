import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, timeAxis } from '../../src/core/history/time-axis';

const at = (iso: string) => Date.parse(iso);
const iso = (time: number) => new Date(time).toISOString();
const tickDates = (times: number[]) => timeAxis(times)!.ticks.map((tick) => iso(tick.time).slice(0, 10));

describe('the history’s time axis', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('has nothing to span without sittings', () => {
    expect(timeAxis([])).toBeNull();
    expect(timeAxis([Number.NaN])).toBeNull();
  });

  it('spans two weeks either side of one sitting’s day, with a tick on that day, and no empty years', () => {
    const sitting = at('2026-03-10T09:15:00.000Z');
    const axis = timeAxis([sitting])!;
    expect(iso(axis.min)).toBe('2026-02-24T00:00:00.000Z');
    expect(iso(axis.max)).toBe('2026-03-25T00:00:00.000Z');
    expect(axis.max - axis.min).toBe(29 * DAY);
    expect([axis.unit, axis.step]).toEqual(['day', 7]);
    expect(tickDates([sitting])).toEqual(['2026-02-24', '2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24']);
    expect(axis.ticks.map((tick) => tick.withYear)).toEqual([true, false, false, false, false]);
  });

  it('gives two sittings on the same day the same span as one', () => {
    const morning = at('2026-03-10T00:05:00.000Z');
    const evening = at('2026-03-10T23:55:00.000Z');
    const axis = timeAxis([evening, morning])!;
    expect(axis).toEqual(timeAxis([at('2026-03-10T12:00:00.000Z')]));
    expect(axis.min).toBeLessThan(morning);
    expect(axis.max).toBeGreaterThan(evening);
  });

  it('says the year again where a short span crosses New Year', () => {
    const axis = timeAxis([at('2025-12-30T10:00:00.000Z')])!;
    expect(axis.ticks.map((tick) => [iso(tick.time).slice(0, 10), tick.withYear])).toEqual([
      ['2025-12-16', true], ['2025-12-23', false], ['2025-12-30', false], ['2026-01-06', true], ['2026-01-13', false],
    ]);
  });

  it('runs from the first sitting to the last with a small margin when they are years apart, ticking whole years', () => {
    const first = at('2021-03-10T09:00:00.000Z');
    const last = at('2025-11-02T15:00:00.000Z');
    const axis = timeAxis([last, at('2023-06-01T08:00:00.000Z'), first])!;
    const range = last - first;
    expect(axis.min).toBeCloseTo(first - 0.05 * range, -1);
    expect(axis.max).toBeCloseTo(last + 0.05 * range, -1);
    expect([axis.unit, axis.step]).toEqual(['year', 1]);
    // The margin (a twentieth of the span at each end) takes in 1 January 2021 and 2026.
    expect(tickDates([first, last])).toEqual(['2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01']);
    expect(axis.ticks.every((tick) => tick.withYear)).toBe(true);
  });

  it('ticks months for a span of months, starting quarters in January, April, July and October', () => {
    expect(tickDates([at('2026-01-20T10:00:00.000Z'), at('2026-05-05T10:00:00.000Z')])).toEqual(['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01']);
    const axis = timeAxis([at('2025-01-20T10:00:00.000Z'), at('2026-05-05T10:00:00.000Z')])!;
    expect([axis.unit, axis.step]).toEqual(['month', 3]);
    expect(axis.ticks.map((tick) => [iso(tick.time).slice(0, 7), tick.withYear])).toEqual([
      ['2025-01', true], ['2025-04', false], ['2025-07', false], ['2025-10', false], ['2026-01', true], ['2026-04', false],
    ]);
  });

  it('is the same in every time zone: it works in UTC', () => {
    const times = [at('2026-03-10T23:30:00.000Z'), at('2026-03-11T00:30:00.000Z'), at('2026-07-01T00:00:00.000Z')];
    const results = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'].map((zone) => {
      process.env.TZ = zone;
      return [timeAxis(times), timeAxis(times.slice(0, 1)), timeAxis(times.slice(0, 2))];
    });
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it('always holds every sitting, a few readable ticks inside it, and never much more than the sittings span', () => {
    const time = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });
    // Sittings anywhere in a century, and sittings within a year of each other (hours, days, weeks apart).
    const near = fc.tuple(time, fc.array(fc.integer({ min: 0, max: 400 * DAY }), { maxLength: 10 })).map(([start, offsets]) => [start, ...offsets.map((offset) => start + offset)]);
    fc.assert(
      fc.property(fc.oneof(fc.array(time, { minLength: 1, maxLength: 40 }), near), (times) => {
        const axis = timeAxis(times)!;
        const first = Math.min(...times);
        const last = Math.max(...times);
        expect(axis.min).toBeLessThan(first);
        expect(axis.max).toBeGreaterThan(last);
        // At least the sittings' days and two weeks either side; at most a tenth more than the sittings span.
        expect(axis.max - axis.min).toBeGreaterThanOrEqual(29 * DAY);
        expect(axis.max - axis.min).toBeLessThanOrEqual(Math.max(31 * DAY + (last - first), (last - first) * 1.1 + 2 * DAY));
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(axis.ticks.length).toBeLessThanOrEqual(6);
        axis.ticks.forEach((tick, i) => {
          expect(tick.time).toBeGreaterThanOrEqual(axis.min);
          expect(tick.time).toBeLessThanOrEqual(axis.max);
          if (i > 0) expect(tick.time).toBeGreaterThan(axis.ticks[i - 1]!.time);
          expect(tick.time % DAY).toBe(0);
        });
        expect(axis.ticks[0]!.withYear).toBe(true);
      }),
    );
  });
});
