import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChromiumExtension } from '../test/e2e/support/chromium';
import type { Questionnaire } from '../src/core/questionnaire/types';
import { createSimulation } from '../src/core/round/simulation';
import { parseInvitation } from '../src/core/round/invitation';
import { sealResponse } from '../src/core/round/sealing';
import { asBenchPage, READY, waitForMark } from './page-timing';
import { notMeasured, summarize, type NotMeasured, type Summary } from './stats';
import { TEAM_AGGREGATED, TEAM_IMPORTED } from './views';

export const TEAM_CODES = 200;
const STEP_TIMEOUT_MS = 20_000;

export interface TeamFigures {
  imported: Summary | NotMeasured;
  aggregated: Summary | NotMeasured;
}

const questionnaire = (): Questionnaire =>
  JSON.parse(readFileSync(path.resolve('questionnaires/production-service.json'), 'utf8')) as Questionnaire;

/**
 * One lead's import, as a person does it: start a round in #/team, paste 200 sealed
 * codes (made here with the product's own simulation and sealing, to the round's
 * public key read from its invitation) and press Import. Times are ms from the form's
 * submit to the view's marks, read on the page's clock.
 */
async function importOnce(ext: ChromiumExtension, run: number): Promise<{ imported: number; aggregated: number }> {
  const page = await ext.context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/team`);
    if ((await waitForMark(asBenchPage(page), READY, STEP_TIMEOUT_MS)) === null) throw new Error('#/team never marked ready');
    await page.getByLabel('Questionnaire', { exact: true }).selectOption('production-service');
    await page.getByLabel('Name of the round').fill(`Bench round ${run}`);
    await page.getByRole('button', { name: 'Start the round' }).click();
    const invitation = parseInvitation(await page.locator('#invitation-code').inputValue());
    if (!invitation.ok) throw new Error(`the round page's invitation code did not parse (${invitation.problem.kind})`);
    const simulation = createSimulation(questionnaire(), run + 1, invitation.value.round);
    const codes = await Promise.all(Array.from({ length: TEAM_CODES }, () => sealResponse(simulation.next(), invitation.value)));
    await page.getByLabel('Paste response codes').fill(codes.join('\n\n'));
    await page.evaluate(() => {
      const form = (document.getElementById('import-codes') as HTMLTextAreaElement | null)?.form;
      form?.addEventListener('submit', () => performance.mark('bench:import-submit'), { capture: true, once: true });
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // No named inner functions here: tsx would add a helper the page does not have.
    const times = await page.waitForFunction(([imported, aggregated]) => {
      const submit = performance.getEntriesByName('bench:import-submit')[0]?.startTime;
      if (submit === undefined) return null;
      const i = performance.getEntriesByName(imported).find((e) => e.startTime >= submit)?.startTime;
      const a = performance.getEntriesByName(aggregated).find((e) => e.startTime >= submit)?.startTime;
      return i !== undefined && a !== undefined ? { imported: i - submit, aggregated: a - submit } : null;
    }, [TEAM_IMPORTED, TEAM_AGGREGATED] as const, { polling: 25, timeout: 60_000 });
    const report = await page.getByTestId('import-report').innerText();
    if (!report.includes(`Counted: ${TEAM_CODES}.`)) throw new Error(`the import did not count all ${TEAM_CODES} codes: "${report.trim()}"`);
    return (await times.jsonValue())!;
  } finally {
    await page.close();
  }
}

/** `reset` empties storage before each run, so every run imports into the only round, with no earlier rounds to compare. */
export async function benchTeam(ext: ChromiumExtension, runs: number, warmups: number, reset: () => Promise<unknown>, log: (line: string) => void): Promise<TeamFigures> {
  const imported: number[] = [];
  const aggregated: number[] = [];
  try {
    for (let run = -warmups; run < runs; run++) {
      await reset();
      const times = await importOnce(ext, run + warmups);
      if (run < 0) continue;
      imported.push(times.imported);
      aggregated.push(times.aggregated);
    }
  } catch (error) {
    const reason = `driving #/team failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    log(reason);
    return { imported: notMeasured(reason), aggregated: notMeasured(reason) };
  }
  return { imported: summarize(imported), aggregated: summarize(aggregated) };
}
