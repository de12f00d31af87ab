import { THRESHOLDS } from '../core/analysis/flags';
import { createItemAnalyser } from '../core/analysis/item-analysis';
import { analyseCsv, analyseJson, analyseText, type AnalyseReport } from './analyse-output';
import type { Output } from './output';
import { formatArgument, poolArguments, POOL_VALUED, type Checked, type PoolOptions } from './pool-arguments';
import { givenQuestionnaire, poolResponseFiles, reportNothingPooled, reportPooled } from './response-pool';

export const ANALYSE_VALUED = [...POOL_VALUED, 'format'] as const;

export interface AnalyseOptions extends PoolOptions {
  format: 'text' | 'json' | 'csv';
}

/** Checks `analyse` arguments; the message of a usage error otherwise. */
export function analyseArguments(options: Record<string, string | true>, positional: readonly string[]): Checked<AnalyseOptions> {
  const pool = poolArguments('analyse', options, positional);
  if (!pool.ok) return pool;
  const format = formatArgument(options, ['text', 'json', 'csv']);
  if (!format.ok) return format;
  return { ok: true, options: { ...pool.options, format: format.options } };
}

/**
 * `analyse PATH...`: the item analysis of the responses `aggregate` would pool, from
 * the same files by the same rules (response-pool.ts), so that its n are aggregate's.
 * Cronbach's alpha is here only: `aggregate` publishes none (docs/privacy.md).
 */
export async function analyseCommand(options: AnalyseOptions, out: Output): Promise<number> {
  const fixed = await givenQuestionnaire(options, out);
  if (fixed === undefined) return 1;
  const pooled = await poolResponseFiles(options, fixed, createItemAnalyser);
  if (pooled.kind !== 'pooled') return reportNothingPooled(pooled, 'analyse', out);
  const team = pooled.aggregator.result();
  const report: AnalyseReport = {
    questionnaire: team.questionnaire,
    round: team.round,
    ...pooled.collector.result(options.minGroup),
    thresholds: THRESHOLDS,
    duplicates: team.duplicates,
    rejected: pooled.rejected.map(({ source, reason }) => ({ source, reason })),
  };
  const print = { text: analyseText, json: analyseJson, csv: analyseCsv }[options.format];
  out.print(print(report));
  return reportPooled(pooled, { ...report, duplicates: team.duplicates }, 'analysed', out);
}
