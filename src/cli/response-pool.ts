import { describeProblem } from '../core/problems';
import type { Questionnaire } from '../core/questionnaire/types';
import { createAggregator, type Aggregator } from '../core/round/aggregator';
import { mismatchReason } from '../core/round/mismatch';
import { parseResponse, RESPONSE_LIMITS, type AnonymisedResponse } from '../core/round/response';
import type { Output } from './output';
import type { PoolOptions } from './pool-arguments';
import { lookUpQuestionnaire, shippedQuestionnaire } from './questionnaire-lookup';
import { findResponseFiles, readInOrder } from './response-files';

/**
 * Reading response files into one pooled set, for every command that pools them
 * (aggregate, analyse, export), so that each refuses the same files for the same
 * reasons and counts the same responses.
 */

/** On slow storage: enough reads in flight to keep the I/O threads busy, few enough to bound memory. */
const READING_AT_ONCE = 32;
/**
 * Each set pools in an aggregator of its own (a few KB before any response). Files
 * naming thousands of rounds are not a team's; past this many sets, a new set is only
 * counted, and if it were the largest the kit asks for --round instead of guessing.
 */
const MAX_POOLED_SETS = 1000;

export interface Rejected {
  seq: number;
  source: string;
  reason: string;
}

/** What a command keeps of each response its set counts (an analysis, the raw answers); the aggregator decides what counts. */
export interface Collector {
  add(response: AnonymisedResponse): void;
}

export const NO_COLLECTOR: Collector = { add: () => undefined };

export type PoolOutcome<C extends Collector> =
  | { kind: 'pooled'; questionnaire: Questionnaire; aggregator: Aggregator; collector: C; rejected: Rejected[]; files: number }
  /** No valid response file, and no questionnaire given. */
  | { kind: 'nothing'; rejected: Rejected[]; files: number }
  /** The set most files name answers a questionnaire the kit cannot find. */
  | { kind: 'missing'; message: string };

/** The valid files that name one questionnaire version and round. */
interface Group<C extends Collector> {
  id: string;
  version: number;
  round: string;
  files: { seq: number; source: string }[];
  questionnaire: Questionnaire | null;
  aggregator: Aggregator | null;
  collector: C | null;
  /** Why there is no aggregator: the questionnaire cannot be found. */
  missing: string | null;
  rejected: Rejected[];
}

/** `--questionnaire FILE|ID[@VERSION]` read, or null when not given; undefined (after saying why on `out`) when it cannot be. */
export async function givenQuestionnaire(options: PoolOptions, out: Output): Promise<Questionnaire | null | undefined> {
  if (options.questionnaire === undefined) return null;
  const found = await lookUpQuestionnaire(options.questionnaire);
  if (found.ok) return found.questionnaire;
  for (const message of found.messages) out.error(message);
  return undefined;
}

/**
 * Pools response files in one pass. Without --questionnaire and --round it pools every
 * questionnaire version and round it meets in a set of its own, then keeps the set most
 * files name (ties by sorting, so file order does not matter) and rejects the rest; a
 * set holds one score per response and what its collector keeps, so this stays within
 * the memory of pooling one. With a questionnaire given and no valid file, the set is
 * that questionnaire's, empty.
 */
export async function poolResponseFiles<C extends Collector>(options: PoolOptions, fixed: Questionnaire | null, collect: (questionnaire: Questionnaire) => C): Promise<PoolOutcome<C>> {
  const { groups, rejected, files } = await readGroups(options, fixed, collect);
  const chosen = chooseGroup(groups);
  if (chosen === null) {
    if (fixed === null) return { kind: 'nothing', rejected, files };
    const aggregator = createAggregator({ questionnaire: fixed, minGroup: options.minGroup, ...(options.round ? { round: options.round } : {}) });
    return { kind: 'pooled', questionnaire: fixed, aggregator, collector: collect(fixed), rejected: sorted(rejected), files };
  }
  if (chosen.aggregator === null || chosen.questionnaire === null || chosen.collector === null) return { kind: 'missing', message: chosen.missing! };
  const target = { questionnaire: { id: chosen.id, version: chosen.version }, round: chosen.round };
  for (const group of groups.values()) {
    if (group === chosen) continue;
    const reason = mismatchReason(target, { questionnaire: { id: group.id, version: group.version }, round: group.round })!;
    for (const file of group.files) rejected.push({ ...file, reason });
  }
  rejected.push(...chosen.rejected);
  return { kind: 'pooled', questionnaire: chosen.questionnaire, aggregator: chosen.aggregator, collector: chosen.collector, rejected: sorted(rejected), files };
}

const sorted = (rejected: Rejected[]) => rejected.sort((a, b) => a.seq - b.seq);

/** Reads every file once, in order, sorting each into its set or into `rejected`. */
async function readGroups<C extends Collector>(options: PoolOptions, fixed: Questionnaire | null, collect: (questionnaire: Questionnaire) => C) {
  const resolve = questionnaireResolver(fixed);
  const groups = new Map<string, Group<C>>();
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
    const group = await groupFor(groups, response, resolve, options.minGroup, collect);
    group.files.push({ seq, source });
    const outcome = group.aggregator?.add(source, response);
    if (outcome?.status === 'rejected') group.rejected.push({ seq, source, reason: outcome.reason });
    if (outcome?.status === 'counted') group.collector!.add(response);
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

async function groupFor<C extends Collector>(groups: Map<string, Group<C>>, response: AnonymisedResponse, resolve: Resolver, minGroup: number, collect: (questionnaire: Questionnaire) => C): Promise<Group<C>> {
  const { id, version } = response.questionnaire;
  const key = JSON.stringify([id, version, response.round]);
  let group = groups.get(key);
  if (!group) {
    const found = groups.size < MAX_POOLED_SETS ? await resolve(id, version) : { missing: `the files name more than ${MAX_POOLED_SETS} different rounds or questionnaire versions; choose one with --round R (and --questionnaire FILE|ID)` };
    const questionnaire = 'questionnaire' in found ? found.questionnaire : null;
    group = {
      id, version, round: response.round, files: [], questionnaire,
      aggregator: questionnaire ? createAggregator({ questionnaire, minGroup, round: response.round }) : null,
      collector: questionnaire ? collect(questionnaire) : null,
      missing: 'missing' in found ? found.missing : null,
      rejected: [],
    };
    groups.set(key, group);
  }
  return group;
}

/** The set most files name; ties go to the first by id, version and round. */
function chooseGroup<C extends Collector>(groups: Map<string, Group<C>>): Group<C> | null {
  let best: Group<C> | null = null;
  for (const group of groups.values()) {
    if (best === null || compareGroups(group, best) < 0) best = group;
  }
  return best;
}

function compareGroups(a: Group<Collector>, b: Group<Collector>): number {
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

export function reportRejected(rejected: readonly Rejected[], out: Output): void {
  for (const { source, reason } of rejected) out.error(`${source}: ${reason}`);
}

/** Says why nothing was pooled; the exit status. */
export function reportNothingPooled(outcome: Exclude<PoolOutcome<Collector>, { kind: 'pooled' }>, command: string, out: Output): number {
  if (outcome.kind === 'missing') {
    out.error(`shiftmeter: ${outcome.message}`);
    return 1;
  }
  reportRejected(outcome.rejected, out);
  out.error(`shiftmeter: found no valid response file${outcome.files === 0 ? ' (no *.json files)' : ''}; nothing to ${command}`);
  return 1;
}

/**
 * After the output: the files refused and why, and what the counts mean, on stderr;
 * the exit status (1 when any file was refused).
 */
export function reportPooled(pooled: { rejected: readonly Rejected[]; files: number }, counts: { n: number; minGroup: number; suppressed: boolean; duplicates: number }, done: string, out: Output): number {
  const { rejected, files } = pooled;
  reportRejected(rejected, out);
  if (rejected.length > 0) out.error(`shiftmeter: ${rejected.length} of ${files} file${files === 1 ? '' : 's'} rejected; the rest are ${done}`);
  if (counts.suppressed) out.error(`shiftmeter: ${counts.n} response${counts.n === 1 ? '' : 's'}, fewer than the minimum group of ${counts.minGroup}: no figures are shown`);
  if (counts.duplicates > 0) out.error(`shiftmeter: ${counts.duplicates} duplicate response${counts.duplicates === 1 ? '' : 's'} counted once`);
  return rejected.length > 0 ? 1 : 0;
}
