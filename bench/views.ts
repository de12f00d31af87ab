import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { READY, timePage, type BenchDriver } from './page-timing';

export const CHARTS_DRAWN = 'shiftmeter:charts-drawn';
export const TEAM_IMPORTED = 'shiftmeter:team-imported';
export const TEAM_AGGREGATED = 'shiftmeter:team-aggregated';
export const PROBE_TIMEOUT_MS = 20_000;

/** Which of the build's files mention `text`: tells "never set" apart from "set too late". */
export async function builtFilesMentioning(extensionDir: string, text: string): Promise<string[]> {
  const names = (await readdir(extensionDir, { recursive: true })).map(String).filter((name) => name.endsWith('.js'));
  const hits: string[] = [];
  for (const name of names) if ((await readFile(path.join(extensionDir, name), 'utf8')).includes(text)) hits.push(name);
  return hits;
}

export interface ViewProbe {
  /** The route rendered its own view rather than the dashboard's fallback (the welcome view). */
  shown: boolean;
  /** Each mark's time in this one load, or null if it did not come within the probe's timeout. */
  marks: Record<string, number | null>;
}

/**
 * Opens dashboard.html#/<route> once and waits up to 20 s for each mark. The dashboard
 * shows its welcome view for a route it does not know, and that view marks ready too,
 * so "ready" alone would time the wrong view: the nav's current link says which view it is.
 */
export async function probeView(driver: BenchDriver, route: string, marks: readonly string[]): Promise<ViewProbe> {
  const load = await timePage(driver, `dashboard.html#/${route}`, [READY, ...marks], PROBE_TIMEOUT_MS, (page) =>
    page.evaluate((hash: string) => {
      const current = document.querySelector('nav a[aria-current="page"]')?.getAttribute('href');
      return current ? current === hash : document.querySelector('article.welcome') === null;
    }, `#/${route}`),
  );
  return { shown: load.inspected === true && load.marks[READY] !== null, marks: load.marks };
}

/** Why a mark could not be measured, with what the build says about it. */
export async function missingMarkReason(extensionDir: string, mark: string, where: string): Promise<string> {
  const files = await builtFilesMentioning(extensionDir, mark);
  return files.length === 0
    ? `the build never sets '${mark}' (no built file mentions it), so ${where} cannot be timed yet`
    : `'${mark}' did not appear within ${PROBE_TIMEOUT_MS / 1000} s of opening ${where} (the build mentions it in ${files.join(', ')})`;
}
