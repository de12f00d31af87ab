/**
 * The time axis of the history's chart: it spans the sittings shown, and nothing else.
 *
 * Left to itself, a chart library widens an axis whose one point has no width by a
 * share of the value itself, which for a date is years (one sitting drew 2023–2030).
 * Here the axis runs from the first sitting to the last with a small margin; when the
 * sittings lie closer than a few weeks (one sitting, or two on the same day), it spans
 * their days and two weeks either side. The ticks fall on calendar boundaries in UTC
 * (days, weeks counted from the first sitting's day, months, years), few enough to read.
 * Pure: times in, numbers out; the view formats the labels (in UTC, as the ticks are).
 */

export const DAY = 86_400_000;
/** Two weeks either side of the sittings' days, when they lie closer than that. */
export const SHORT_PADDING_DAYS = 14;
/** The share of the span added at each end, so the first and last points are not cut. */
const MARGIN_SHARE = 0.05;
const DEFAULT_MAX_TICKS = 6;

export type AxisUnit = 'day' | 'month' | 'year';

export interface AxisTick {
  /** Midnight UTC of the day, month or year the tick marks. */
  time: number;
  /** Whether its label says the year: on the first tick and wherever the year changes. */
  withYear: boolean;
}

export interface TimeAxis {
  min: number;
  max: number;
  /** What one tick marks: a day (also every week), the first of a month, or 1 January. */
  unit: AxisUnit;
  /** The calendar step between ticks, in days, months or years. */
  step: number;
  ticks: AxisTick[];
}

/** Calendar steps from fine to coarse: the first that gives at most `maxTicks` ticks is used. */
const STEPS: ReadonlyArray<{ unit: AxisUnit; step: number }> = [
  ...[1, 2, 7, 14].map((step) => ({ unit: 'day' as const, step })),
  ...[1, 2, 3, 6].map((step) => ({ unit: 'month' as const, step })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((step) => ({ unit: 'year' as const, step })),
];

/** Midnight UTC of the day `time` falls on. */
export function utcDay(time: number): number {
  return Math.floor(time / DAY) * DAY;
}

/**
 * The axis for sittings at `times` (milliseconds since the epoch, in any order; ones
 * that are not finite are left out), or null when there are none.
 */
export function timeAxis(times: readonly number[], maxTicks = DEFAULT_MAX_TICKS): TimeAxis | null {
  const shown = times.filter(Number.isFinite);
  if (shown.length === 0) return null;
  // Not Math.min(...shown): years of sittings would be as many arguments.
  const first = shown.reduce((a, b) => Math.min(a, b));
  const last = shown.reduce((a, b) => Math.max(a, b));
  const margin = Math.max((last - first) * MARGIN_SHARE, DAY);
  let min = first - margin;
  let max = last + margin;
  const padding = SHORT_PADDING_DAYS * DAY;
  if (max - min < 2 * padding + DAY) {
    min = utcDay(first) - padding;
    max = utcDay(last) + DAY + padding;
  }
  const anchor = utcDay(first);
  let chosen: { unit: AxisUnit; step: number; times: number[] } | null = null;
  for (const { unit, step } of STEPS) {
    const found = tickTimes(unit, step, min, max, anchor, maxTicks + 1);
    chosen = { unit, step, times: found };
    if (found.length <= maxTicks) break;
  }
  const { unit, step, times: tickAt } = chosen!;
  const ticks = tickAt.map((time, i) => ({
    time,
    withYear: unit === 'year' || i === 0 || new Date(time).getUTCFullYear() !== new Date(tickAt[i - 1]!).getUTCFullYear(),
  }));
  return { min, max, unit, step, ticks };
}

/** The tick times of one step within [min, max]; stops after `limit` (the step is then too fine). */
function tickTimes(unit: AxisUnit, step: number, min: number, max: number, anchor: number, limit: number): number[] {
  const found: number[] = [];
  if (unit === 'day') {
    // Counted from the first sitting's day, so that day has a tick of its own.
    const size = step * DAY;
    for (let time = anchor + Math.ceil((min - anchor) / size) * size; time <= max && found.length < limit; time += size) found.push(time);
    return found;
  }
  const start = new Date(min);
  if (unit === 'month') {
    // Months counted from year 0, so quarters start in January, April, July and October.
    let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
    index = Math.ceil(index / step) * step;
    for (;; index += step) {
      const time = utcDate(Math.floor(index / 12), index % 12);
      if (time < min) continue;
      if (time > max || found.length >= limit) break;
      found.push(time);
    }
    return found;
  }
  for (let year = Math.ceil(start.getUTCFullYear() / step) * step; ; year += step) {
    const time = utcDate(year, 0);
    if (time < min) continue;
    if (time > max || found.length >= limit) break;
    found.push(time);
  }
  return found;
}

/** The first of a month, midnight UTC (Date.UTC alone would read years 0–99 as 1900–1999). */
function utcDate(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 1));
  date.setUTCFullYear(year);
  return date.getTime();
}
