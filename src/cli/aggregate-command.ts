import { readFile } from 'node:fs/promises';
import { describeProblem } from '../core/problems';
import type { Questionnaire } from '../core/questionnaire/types';
import { createAggregator, type Aggregator, type AggregateResult } from '../core/round/aggregator';
import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP } from '../core/round/disclosure';
import { mismatchReason } from '../core/round/mismatch';
import { parseResponse, RESPONSE_LIMITS, TOKEN_PATTERN, type AnonymisedResponse } from '../core/round/response';
import { aggregateCsv, aggregateJson } from './aggregate-output';
import type { Output } from './output';
import { lookUpQuestionnaire, shippedQuestionnaire } from './questionnaire-lookup';
import { compareWithPrevious, parsePrevious, type Previous } from './previous-output';
import { findResponseFiles, readInOrder } from './response-files';

export const AGGREGATE_VALUED = ['min-group', 'format', 'questionnaire', 'round', 'previous'] as const;
/** On slow storage: enough reads in flight to keep the I/O threads busy, few enough to bound memory. */
const READING_AT_ONCE = 32;
/**
 * Each set pools in an aggregator of its own (a few KB before any response). Files
 * naming thousands of rounds are not a team's; past this many sets, a new set is only
 * counted, and if it were the largest the kit asks for --round instead of guessing.
 */
const MAX_POOLED_SETS = 1000;

export interface AggregateOptions {
  paths: string[];
  minGroup: number;
  format: 'json' | 'csv';
  questionnaire?: string;
  round?: string;
  /** The output published last time, for the batch rule across runs. */
  previous?: string;
}

type Arguments = { ok: true; options: AggregateOptions } | { ok: false; message: string };

/** Checks `aggregate` arguments; the message of a usage error otherwise. */
export function aggregateArguments(options: Record<string, string | true>, positional: readonly string[]): Arguments {
  if (positional.length === 0) return { ok: false, message: 'aggregate needs at least one PATH (a response file or a folder of them)' };
  const minGroup = options['min-group'] ?? String(DEFAULT_MIN_GROUP);
  if (typeof minGroup !== 'string' || !/^\d{1,9}$/.test(minGroup)) {
    return { ok: false, message: `--min-group "${String(minGroup)}" is not a whole number` };
  }
  if (Number(minGroup) < LOWEST_MIN_GROUP) {
    return { ok: false, message: `--min-group ${Number(minGroup)} is too small; it is at least ${LOWEST_MIN_GROUP}, so that no one's answers can be worked out` };
  }
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') return { ok: false, message: `--format "${String(format)}" is not json or csv` };
  const round = options.round;
  if (typeof round === 'string' && !TOKEN_PATTERN.regex.test(round)) return { ok: false, message: `--round "${round}" is not ${TOKEN_PATTERN.description}` };
  const questionnaire = options.questionnaire;
  const previous = options.previous;
  if (previous === true) return { ok: false, message: '--previous needs the file of an earlier aggregate output (JSON)' };
  return {
    ok: true,
    options: {
      paths: [...positional],
      minGroup: Number(minGroup),
      format,
      ...(typeof questionnaire === 'string' ? { questionnaire } : {}),
      ...(typeof round === 'string' ? { round } : {}),
      ...(typeof previous === 'string' ? { previous } : {}),
    },
  };
}

interface Rejected {
  seq: number;
  source: string;
  reason: string;
}

/** The valid files that name one questionnaire version and round. */
interface Group {
  id: string;
  version: number;
  round: string;
  files: { seq: number; source: string }[];
  aggregator: Aggregator | null;
  /** Why there is no aggregator: the questionnaire cannot be found. */
  missing: string | null;
  rejected: Rejected[];
}

/**
 * `aggregate PATH...`: pools response files in one pass. Without --questionnaire and
 * --round it pools every questionnaire version and round it meets in a set of its own,
 * then reports the set most files name (ties by sorting, so file order does not
 * matter) and rejects the rest; a set holds one score per response, so this stays
 * within the memory of pooling one.
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
  let fixed: Questionnaire | null = null;
  if (options.questionnaire !== undefined) {
    const found = await lookUpQuestionnaire(options.questionnaire);
    if (!found.ok) {
      for (const message of found.messages) out.error(message);
      return 1;
    }
    fixed = found.questionnaire;
  }
  const { groups, rejected, files } = await poolFiles(options, fixed);
  const chosen = chooseGroup(groups);
  let result: AggregateResult;
  if (chosen === null) {
    if (fixed === null) {
      reportRejected(rejected, out);
      out.error(`shiftmeter: found no valid response file${files === 0 ? ' (no *.json files)' : ''}; nothing to aggregate`);
      return 1;
    }
    result = createAggregator({ questionnaire: fixed, minGroup: options.minGroup, ...(options.round ? { round: options.round } : {}) }).result();
  } else {
    if (chosen.aggregator === null) {
      out.error(`shiftmeter: ${chosen.missing}`);
      return 1;
    }
    const target = { questionnaire: { id: chosen.id, version: chosen.version }, round: chosen.round };
    for (const group of groups.values()) {
      if (group === chosen) continue;
      const reason = mismatchReason(target, { questionnaire: { id: group.id, version: group.version }, round: group.round })!;
      for (const file of group.files) rejected.push({ ...file, reason });
    }
    rejected.push(...chosen.rejected);
    result = chosen.aggregator.result();
  }
  rejected.sort((a, b) => a.seq - b.seq);
  result.rejected = rejected.map(({ source, reason }) => ({ source, reason }));
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
  reportRejected(rejected, out);
  if (rejected.length > 0) out.error(`shiftmeter: ${rejected.length} of ${files} file${files === 1 ? '' : 's'} rejected; the rest are aggregated`);
  if (result.suppressed) out.error(`shiftmeter: ${result.n} response${result.n === 1 ? '' : 's'}, fewer than the minimum group of ${result.minGroup}: no figures are shown`);
  if (result.duplicates > 0) out.error(`shiftmeter: ${result.duplicates} duplicate response${result.duplicates === 1 ? '' : 's'} counted once`);
  return rejected.length > 0 ? 1 : 0;
}

/** Reads every file once, in order, sorting each into its set or into `rejected`. */
async function poolFiles(options: AggregateOptions, fixed: Questionnaire | null) {
  const resolve = questionnaireResolver(fixed);
  const groups = new Map<string, Group>();
  const rejected: Rejected[] = [];
  let seq = 0;
  for await (const read of readInOrder(findResponseFiles(options.paths), { maxBytes: RESPONSE_LIMITS.maxBytes, atOnce: READING_AT_ONCE })) {
    seq++;
    const { source } = read;
    if ('problem' in read) {
      rejected.push({ seq, source, reason: read.problem });
      continue;
    }
    const parsed = parseResponse(read.text);
    if (!parsed.ok) {
      rejected.push({ seq, source, reason: summarizeProblems(parsed.problems) });
      continue;
    }
    const response = parsed.value;
    const outside = fixedMismatch(fixed, options.round, response);
    if (outside !== null) {
      rejected.push({ seq, source, reason: outside });
      continue;
    }
    const group = await groupFor(groups, response, resolve, options.minGroup);
    group.files.push({ seq, source });
    const outcome = group.aggregator?.add(source, response);
    if (outcome?.status === 'rejected') group.rejected.push({ seq, source, reason: outcome.reason });
  }
  return { groups, rejected, files: seq };
}

/** With --questionnaire or --round given, a response outside them is rejected at once. */
function fixedMismatch(fixed: Questionnaire | null, round: string | undefined, response: AnonymisedResponse): string | null {
  const questionnaire = fixed ? { id: fixed.id, version: fixed.version } : response.questionnaire;
  return mismatchReason({ questionnaire, round }, response);
}

type Resolver = (id: string, version: number) => Promise<{ questionnaire: Questionnaire } | { missing: string }>;

/** Finds a set's questionnaire: the one given, or the shipped version the responses name (an earlier one included), looked up once. */
function questionnaireResolver(fixed: Questionnaire | null): Resolver {
  const shipped = new Map<string, Promise<Questionnaire | null>>();
  return async (id, version) => {
    if (fixed) return { questionnaire: fixed };
    const key = `${id}@${version}`;
    if (!shipped.has(key)) shipped.set(key, shippedQuestionnaire(id, version));
    const found = await shipped.get(key)!;
    if (found) return { questionnaire: found };
    const current = await shippedQuestionnaire(id);
    const has = current ? `the kit ships version ${current.version}` : 'the kit ships no questionnaire with this id';
    return { missing: `most responses answer ${id} version ${version}, and ${has}; pass that version's file with --questionnaire FILE` };
  };
}

async function groupFor(groups: Map<string, Group>, response: AnonymisedResponse, resolve: Resolver, minGroup: number): Promise<Group> {
  const { id, version } = response.questionnaire;
  const key = JSON.stringify([id, version, response.round]);
  let group = groups.get(key);
  if (!group) {
    const found = groups.size < MAX_POOLED_SETS ? await resolve(id, version) : { missing: `the files name more than ${MAX_POOLED_SETS} different rounds or questionnaire versions; choose one with --round R (and --questionnaire FILE|ID)` };
    const aggregator = 'questionnaire' in found ? createAggregator({ questionnaire: found.questionnaire, minGroup, round: response.round }) : null;
    group = { id, version, round: response.round, files: [], aggregator, missing: 'missing' in found ? found.missing : null, rejected: [] };
    groups.set(key, group);
  }
  return group;
}

/** The set most files name; ties go to the first by id, version and round. */
function chooseGroup(groups: Map<string, Group>): Group | null {
  let best: Group | null = null;
  for (const group of groups.values()) {
    if (best === null || compareGroups(group, best) < 0) best = group;
  }
  return best;
}

function compareGroups(a: Group, b: Group): number {
  if (a.files.length !== b.files.length) return b.files.length - a.files.length;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.version !== b.version) return a.version - b.version;
  return a.round < b.round ? -1 : a.round > b.round ? 1 : 0;
}

/** One line per file, however many problems it has: the first says what is wrong. */
function summarizeProblems(problems: readonly { path: string; message: string }[]): string {
  const first = describeProblem(problems[0]!);
  return problems.length > 1 ? `${first} (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'})` : first;
}

function reportRejected(rejected: readonly Rejected[], out: Output): void {
  for (const { source, reason } of rejected) out.error(`${source}: ${reason}`);
}
