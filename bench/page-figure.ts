import { READY, type VariantResult } from './page-timing';
import { notMeasured, summarize } from './stats';
import type { Figure, PageFigure } from './targets';

export const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * A check on the headline ratio of medians: the median over rounds of page / blank
 * within one round. Loads of one round are seconds apart, so a busy spell on the
 * machine (this one is shared) moves both sides; if the two ratios differ a lot, the
 * run was noisy.
 */
function pairedRatio(results: VariantResult[], label: string, mark: string): number | null {
  const blank = results.find((r) => r.label === 'blank')!.rounds[READY]!;
  const page = results.find((r) => r.label === label)!.rounds[mark]!;
  const ratios = page.flatMap((value, i) => (value !== null && blank[i] ? [value / blank[i]!] : []));
  return ratios.length > 0 ? round2(summarize(ratios).median) : null;
}

/** One timed page against the blank page of the same interleaved runs (labelled 'blank'). */
export function pageFigure(results: VariantResult[], label: string, mark: string, timeoutMs: number): Figure<PageFigure> {
  const blank = results.find((r) => r.label === 'blank')!.marks[READY]!;
  const page = results.find((r) => r.label === label)?.marks[mark];
  if (!blank.summary) return notMeasured(`the blank page never marked ready (${blank.missing} runs)`);
  if (!page?.summary) return notMeasured(`${label} never set '${mark}' within ${timeoutMs / 1000} s`);
  const note = page.missing > 0 ? { missingRuns: page.missing } : {};
  return { blank: blank.summary, page: page.summary, ratio: round2(page.summary.median / blank.summary.median), pairedRatio: pairedRatio(results, label, mark), ...note };
}
