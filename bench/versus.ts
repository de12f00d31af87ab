import { shippedQuestionnaire } from '../test/e2e/support/answers';
import { addSurveyJsBaseline, BASELINE_PAGE, draftInProgress } from './baseline';
import { pageFigure, round2 } from './page-figure';
import { measureInterleaved, READY, timePage, type BenchDriver, type Variant, type VariantResult } from './page-timing';
import { profileLoad, type LoadProfile } from './profile';
import { sizesOf, type PageSizes } from './sizes';
import type { Figure, VersusFigure } from './targets';

const QUESTIONNAIRE = 'production-service';

/**
 * Shiftmeter's popup and SurveyJS, each showing the first page of the same
 * questionnaire, timed in the same interleaved runs as the blank page. The popup opens
 * on the questionnaire because one is in progress (a person coming back to it).
 * In either browser; the traces and file sizes only in Chromium.
 */
export async function benchAgainstSurveyJs(
  driver: BenchDriver,
  extensionDir: string,
  store: (items: Record<string, unknown>) => Promise<void>,
  options: { runs: number; warmups: number; timeoutMs: number },
  log: (line: string) => void,
): Promise<{ figure: Figure<VersusFigure>; profiles: LoadProfile[]; sizes: Record<string, Figure<PageSizes>> }> {
  const questionnaire = shippedQuestionnaire(QUESTIONNAIRE);
  await addSurveyJsBaseline(extensionDir, questionnaire);
  await store(draftInProgress(questionnaire));
  // One probe load first: a baseline that never renders must not cost 28 timeouts.
  const probe = await timePage(driver, BASELINE_PAGE, [READY], options.timeoutMs);
  if (probe.marks[READY] === null) {
    return { figure: { notMeasured: `SurveyJS never marked ready within ${options.timeoutMs / 1000} s` }, profiles: [], sizes: {} };
  }
  const blank: Variant = { label: 'blank', path: 'blank.html', marks: [READY] };
  const popup: Variant = { label: 'shiftmeter', path: 'popup.html', marks: [READY] };
  const surveyjs: Variant = { label: 'surveyjs', path: BASELINE_PAGE, marks: [READY] };
  log(`${driver.browser}: timing blank, the popup and SurveyJS on ${QUESTIONNAIRE}'s first page (${options.warmups} warm-ups + ${options.runs} runs each, interleaved)`);
  const results = await measureInterleaved(driver, [blank, popup, surveyjs], options);
  const profiles: LoadProfile[] = [];
  const sizes: Record<string, Figure<PageSizes>> = {};
  // Traces (and the file list the sizes come from) are Chromium's: see profile.ts.
  const ext = driver.chromium;
  if (ext) for (const [page, name] of [['popup.html', 'popup.html, questionnaire open'], [BASELINE_PAGE, BASELINE_PAGE]] as const) {
    const profile = await profileLoad(ext, page, READY);
    if (profile) profiles.push({ ...profile, page: `${name} (the same questionnaire)` });
    sizes[name] = profile ? await sizesOf(extensionDir, { ...profile, page: name }) : { notMeasured: `no trace of ${name}` };
  }
  return { figure: versusFigure(results, options.timeoutMs), profiles, sizes };
}

function versusFigure(results: VariantResult[], timeoutMs: number): Figure<VersusFigure> {
  const shiftmeter = pageFigure(results, 'shiftmeter', READY, timeoutMs);
  const surveyjs = pageFigure(results, 'surveyjs', READY, timeoutMs);
  if ('notMeasured' in shiftmeter) return shiftmeter;
  if ('notMeasured' in surveyjs) return surveyjs;
  return { questionnaire: QUESTIONNAIRE, shiftmeter, surveyjs, surveyjsOverShiftmeter: round2(surveyjs.page.median / shiftmeter.page.median) };
}
