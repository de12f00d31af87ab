import type { ChromiumExtension } from '../test/e2e/support/chromium';
import { summarize, type Summary } from './stats';

export const READY = 'shiftmeter:ready';

/**
 * What the bench needs of an open page, whichever browser drives it: one call into the
 * page with one serialisable argument. Playwright's and puppeteer's pages both give it
 * (bench/driver.ts wraps them), so seeding and timing are written once.
 */
export interface BenchPage {
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** Wraps a playwright or puppeteer page, whose evaluate takes the function and one argument alike. */
export const asBenchPage = (page: { evaluate(fn: never, arg: never): Promise<unknown> }): BenchPage => ({
  evaluate: <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => (page.evaluate as unknown as (f: typeof fn, a: A) => Promise<R>).call(page, fn, arg),
});

/**
 * One browser with the bench's copy of the extension (bench/driver.ts): Chromium over
 * playwright (CDP), Firefox ESR over puppeteer (WebDriver BiDi).
 */
export interface BenchDriver {
  browser: 'chromium' | 'firefox';
  /** The browser's own version string. */
  version: string | null;
  /**
   * Opens an extension page (e.g. `popup.html`) in a fresh tab and returns as soon as
   * the tab holds that page's document (committed, not yet loaded).
   */
  openPage(path: string): Promise<{ page: BenchPage; close(): Promise<void> }>;
  /** The Chromium session, for what only Chromium gives (traces, CDP, the team view's locators). */
  chromium?: ChromiumExtension;
  close(): Promise<void>;
}

/** One page to time: which extension page to open and which performance marks to read. */
export interface Variant {
  label: string;
  path: string;
  marks: readonly string[];
}

export interface PageLoad {
  /** ms from navigation start to each mark; null when the mark did not appear in time. */
  marks: Record<string, number | null>;
}

/**
 * Opens `path` in a fresh tab, like a popup that is opened anew each time, and reads
 * each mark's startTime: ms since this navigation started, measured by the page's own
 * clock, so the driver's round trips never count. `inspect` runs before the tab closes.
 */
export async function timePage<T = undefined>(
  driver: BenchDriver,
  path: string,
  marks: readonly string[],
  timeoutMs: number,
  inspect?: (page: BenchPage) => Promise<T>,
): Promise<PageLoad & { inspected?: T }> {
  const tab = await driver.openPage(path);
  try {
    const found: Record<string, number | null> = {};
    for (const mark of marks) found[mark] = await waitForMark(tab.page, mark, timeoutMs);
    const inspected = inspect ? await inspect(tab.page) : undefined;
    return { marks: found, inspected };
  } finally {
    await tab.close();
  }
}

/**
 * Waits inside the page for the mark with a PerformanceObserver: one call into the page
 * as it starts, instead of a poll every few ms that would take turns on the page's main
 * thread while it loads. A call made before the new document exists (right after the
 * commit) is retried once the page has a context.
 */
export async function waitForMark(page: BenchPage, mark: string, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      return await page.evaluate(
        ([name, timeout]: readonly [string, number]) =>
          new Promise<number | null>((resolve) => {
            const existing = performance.getEntriesByName(name, 'mark')[0];
            if (existing) return resolve(existing.startTime);
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntriesByName(name, 'mark')[0];
              if (!entry) return;
              observer.disconnect();
              resolve(entry.startTime);
            });
            observer.observe({ type: 'mark', buffered: true });
            setTimeout(() => {
              observer.disconnect();
              resolve(null);
            }, timeout);
          }),
        [mark, Math.max(0, deadline - Date.now())] as const,
      );
    } catch (error) {
      // The context was replaced (the page navigated) before the answer came: ask the new one.
      if (!/context|navigat|destroyed|discarded|no such frame/i.test(String(error))) throw error;
    }
  }
  return null;
}

export interface VariantResult {
  label: string;
  path: string;
  /** Per mark: the spread over the counted runs, or how many runs it was missing from. */
  marks: Record<string, { summary: Summary | null; missing: number }>;
  /** Per mark, each counted round's time (null if missing), in round order: lets callers pair the runs of one round. */
  rounds: Record<string, (number | null)[]>;
}

/** Lets the closed tab's teardown (in the extension's shared renderer) finish before the next load. */
const SETTLE_MS = 100;

/**
 * Times every variant `runs` times after `warmups` uncounted rounds. The order rotates
 * each round, so a drift in the machine (a background task, a warming cache) lands on
 * the blank page and the measured pages alike instead of on one of them.
 */
export async function measureInterleaved(
  driver: BenchDriver,
  variants: readonly Variant[],
  options: { runs: number; warmups: number; timeoutMs: number },
): Promise<VariantResult[]> {
  const samples = variants.map((variant) => Object.fromEntries(variant.marks.map((mark) => [mark, [] as number[]])));
  const missing = variants.map((variant) => Object.fromEntries(variant.marks.map((mark) => [mark, 0])));
  const rounds = variants.map((variant) => Object.fromEntries(variant.marks.map((mark) => [mark, [] as (number | null)[]])));
  for (let round = -options.warmups; round < options.runs; round++) {
    const offset = (round + options.warmups) % variants.length;
    for (let k = 0; k < variants.length; k++) {
      const index = (k + offset) % variants.length;
      const variant = variants[index]!;
      const load = await timePage(driver, variant.path, variant.marks, options.timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      if (round < 0) continue;
      for (const mark of variant.marks) {
        const value = load.marks[mark];
        rounds[index]![mark]!.push(value ?? null);
        if (value === null || value === undefined) missing[index]![mark]!++;
        else samples[index]![mark]!.push(value);
      }
    }
  }
  return variants.map((variant, index) => ({
    label: variant.label,
    path: variant.path,
    marks: Object.fromEntries(variant.marks.map((mark) => {
      const runs = samples[index]![mark]!;
      return [mark, { summary: runs.length > 0 ? summarize(runs) : null, missing: missing[index]![mark]! }];
    })),
    rounds: rounds[index]!,
  }));
}
