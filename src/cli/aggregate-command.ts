import { readFile } from 'node:fs/promises';
import type { AggregateResult } from '../core/round/aggregator';
import { aggregateCsv, aggregateJson } from './aggregate-output';
import type { Output } from './output';
import { formatArgument, poolArguments, POOL_VALUED, type Checked, type PoolOptions } from './pool-arguments';
import { compareWithPrevious, parsePrevious, type Previous } from './previous-output';
import { givenQuestionnaire, NO_COLLECTOR, poolResponseFiles, reportNothingPooled, reportPooled } from './response-pool';

export const AGGREGATE_VALUED = [...POOL_VALUED, 'format', 'previous'] as const;

export interface AggregateOptions extends PoolOptions {
  format: 'json' | 'csv';
  /** The output published last time, for the batch rule across runs. */
  previous?: string;
}

/** Checks `aggregate` arguments; the message of a usage error otherwise. */
export function aggregateArguments(options: Record<string, string | true>, positional: readonly string[]): Checked<AggregateOptions> {
  const pool = poolArguments('aggregate', options, positional);
  if (!pool.ok) return pool;
  const format = formatArgument(options, ['json', 'csv']);
  if (!format.ok) return format;
  const previous = options.previous;
  if (previous === true) return { ok: false, message: '--previous needs the file of an earlier aggregate output (JSON)' };
  return { ok: true, options: { ...pool.options, format: format.options, ...(typeof previous === 'string' ? { previous } : {}) } };
}

/**
 * `aggregate PATH...`: the team's figures from response files pooled in one pass
 * (response-pool.ts), under the disclosure rule, and with --previous the batch rule
 * across runs.
 */
export async function aggregateCommand(options: AggregateOptions, out: Output): Promise<number> {
  let previous: Previous | null = null;
  if (options.previous !== undefined) {
    let text: string;
    try {
      text = await readFile(options.previous, 'utf8');
    } catch {
      out.error(`${options.previous}: cannot be read`);
      return 1;
    }
    previous = parsePrevious(text);
    if (!previous) {
      out.error(`${options.previous}: is not the JSON output of shiftmeter aggregate`);
      return 1;
    }
  }
  const fixed = await givenQuestionnaire(options, out);
  if (fixed === undefined) return 1;
  const pooled = await poolResponseFiles(options, fixed, () => NO_COLLECTOR);
  if (pooled.kind !== 'pooled') return reportNothingPooled(pooled, 'aggregate', out);
  let result: AggregateResult = pooled.aggregator.result();
  result.rejected = pooled.rejected.map(({ source, reason }) => ({ source, reason }));
  if (previous) {
    const batch = compareWithPrevious(previous, result);
    if (batch.kind === 'not-a-continuation') {
      out.error(`shiftmeter: --previous ${options.previous}: ${batch.reason}; nothing printed`);
      return 1;
    }
    if (batch.kind === 'held') {
      result = { ...result, n: previous.n, suppressed: previous.suppressed, dimensions: previous.dimensions, overall: previous.overall };
      out.error(`shiftmeter: ${batch.newAnswers} new response${batch.newAnswers === 1 ? '' : 's'} since ${options.previous}, and a figure would change by fewer than the minimum group of ${result.minGroup}: the previous figures are printed again`);
    }
  }
  out.print(options.format === 'csv' ? aggregateCsv(result) : aggregateJson(result));
  return reportPooled(pooled, result, 'aggregated', out);
}
