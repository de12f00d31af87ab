import { mkdir, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { dimensionsCsv, itemsCsv } from '../core/analysis/codebook';
import { dataPackageDescriptor, RESOURCE_FILES } from '../core/analysis/data-package';
import { createResponseTable, type ResponseTable } from '../core/analysis/response-table';
import type { Questionnaire } from '../core/questionnaire/types';
import { aggregateCsv } from './aggregate-output';
import type { Output } from './output';
import { poolArguments, POOL_VALUED, type Checked, type PoolOptions } from './pool-arguments';
import { givenQuestionnaire, poolResponseFiles, reportNothingPooled, reportPooled, type Collector } from './response-pool';

export const EXPORT_VALUED = [...POOL_VALUED, 'out'] as const;
export const EXPORT_FLAGS = ['include-responses'] as const;

export interface ExportOptions extends PoolOptions {
  out: string;
  /** Also write each response's answers and scores: as identifying as the response files. */
  includeResponses: boolean;
}

/** Checks `export` arguments; the message of a usage error otherwise. */
export function exportArguments(options: Record<string, string | true>, positional: readonly string[]): Checked<ExportOptions> {
  const pool = poolArguments('export', options, positional);
  if (!pool.ok) return pool;
  if (typeof options.out !== 'string') return { ok: false, message: 'export needs --out DIR, a new or empty folder for the data package' };
  return { ok: true, options: { ...pool.options, out: options.out, includeResponses: options['include-responses'] === true } };
}

/** Lines written to a file at a time: bounded memory, few system calls. */
const LINES_AT_ONCE = 4096;

/**
 * `export PATH... --out DIR`: a Frictionless Data Package of the files aggregate would
 * pool: the team figures (aggregate's, under its disclosure rule) and the questionnaire
 * as tables; with --include-responses, each response's answers and scores too.
 * datapackage.json is written last, so a folder without it is an export that failed.
 */
export async function exportCommand(options: ExportOptions, out: Output): Promise<number> {
  const dir = options.out;
  const unusable = await unusableFolder(dir);
  if (unusable !== null) {
    out.error(`${dir}: ${unusable}`);
    return 1;
  }
  const fixed = await givenQuestionnaire(options, out);
  if (fixed === undefined) return 1;
  const pooled = await poolResponseFiles(options, fixed, (questionnaire) => rawTables(questionnaire, options.includeResponses));
  if (pooled.kind !== 'pooled') return reportNothingPooled(pooled, 'export', out);
  const team = pooled.aggregator.result();
  const { questionnaire } = pooled;
  const { table } = pooled.collector;
  const written: string[] = [];
  const write = async (name: string, lines: Iterable<string>) => {
    await writeLines(path.join(dir, name), lines);
    written.push(name);
  };
  try {
    await mkdir(dir, { recursive: true });
    await write(RESOURCE_FILES.teamFigures, [aggregateCsv(team)]);
    await write(RESOURCE_FILES.items, [itemsCsv(questionnaire)]);
    await write(RESOURCE_FILES.dimensions, [dimensionsCsv(questionnaire)]);
    if (table) {
      out.error(`shiftmeter: ${RESOURCE_FILES.responses} and ${RESOURCE_FILES.scores} hold each person's answers and scores: they identify people as much as the response files do. Keep and share them only as you keep those files; ${RESOURCE_FILES.teamFigures} is the table to publish.`);
      await write(RESOURCE_FILES.responses, table.responseLines());
      await write(RESOURCE_FILES.scores, table.scoreLines());
    }
    const descriptor = dataPackageDescriptor({ questionnaire, round: team.round, minGroup: team.minGroup, n: team.n, includesResponses: table !== null, created: new Date().toISOString() });
    await write('datapackage.json', [JSON.stringify(descriptor, null, 2)]);
  } catch (error) {
    const code = (error as { code?: string }).code;
    out.error(`${dir}: cannot write the export (${code ?? (error instanceof Error ? error.message : String(error))}); written so far: ${written.join(', ') || 'nothing'}`);
    return 1;
  }
  out.print(`wrote ${written.join(', ')} to ${dir} (${questionnaire.id} version ${questionnaire.version}${team.round === null ? '' : `, round ${team.round}`}: ${team.n} response${team.n === 1 ? '' : 's'})`);
  return reportPooled(pooled, team, 'exported', out);
}

/** Keeps each counted response for the raw tables, when they are asked for; otherwise nothing. */
function rawTables(questionnaire: Questionnaire, wanted: boolean): Collector & { table: ResponseTable | null } {
  const table = wanted ? createResponseTable(questionnaire) : null;
  return { table, add: (response) => table?.add(response) };
}

/** Why the export cannot go into `dir`; null for a new or empty folder, so no file of an earlier export is left beside this one. */
async function unusableFolder(dir: string): Promise<string | null> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' ? null : `cannot be read (${(error as { code?: string }).code ?? String(error)})`;
  }
  if (!info.isDirectory()) return 'is not a folder; --out names a new or empty folder for the data package';
  if ((await readdir(dir)).length > 0) return 'is not empty; the export writes into a new or empty folder, so that no table of an earlier export is left beside it';
  return null;
}

/** Writes lines to a new file (never over an existing one), each ended by a line feed. */
async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    let batch: string[] = [];
    for (const line of lines) {
      batch.push(line);
      if (batch.length < LINES_AT_ONCE) continue;
      await handle.write(`${batch.join('\n')}\n`);
      batch = [];
    }
    if (batch.length > 0) await handle.write(`${batch.join('\n')}\n`);
  } finally {
    await handle.close();
  }
}
