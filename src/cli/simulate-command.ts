import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSimulation } from '../core/round/simulation';
import { ID_PATTERN } from '../core/questionnaire/types';
import { TOKEN_PATTERN } from '../core/round/response';
import type { Output } from './output';
import { lookUpQuestionnaire } from './questionnaire-lookup';

export const SIMULATE_VALUED = ['count', 'seed', 'round', 'out', 'weak-item'] as const;
export const MAX_SIMULATED = 1_000_000;
const WRITING_AT_ONCE = 32;

export interface SimulateOptions {
  target: string;
  count: number;
  seed: number;
  round: string;
  out: string;
  /** An item answered as noise unrelated to its dimension. */
  weakItem?: string;
}

type Arguments = { ok: true; options: SimulateOptions } | { ok: false; message: string };

/** Checks `simulate` arguments; the message of a usage error otherwise. */
export function simulateArguments(options: Record<string, string | true>, positional: readonly string[]): Arguments {
  if (positional.length !== 1) return { ok: false, message: 'simulate needs exactly one FILE or ID' };
  const { count, seed = '1', round, out, 'weak-item': weakItem } = options;
  if (typeof count !== 'string') return { ok: false, message: 'simulate needs --count N' };
  if (typeof out !== 'string') return { ok: false, message: 'simulate needs --out DIR' };
  if (!/^\d{1,7}$/.test(count) || Number(count) < 1 || Number(count) > MAX_SIMULATED) {
    return { ok: false, message: `--count "${count}" is not a whole number from 1 to ${MAX_SIMULATED.toLocaleString('en')}` };
  }
  if (typeof seed !== 'string' || !/^\d{1,10}$/.test(seed) || Number(seed) > 0xffffffff) {
    return { ok: false, message: `--seed "${String(seed)}" is not a whole number from 0 to 4294967295` };
  }
  const roundId = typeof round === 'string' ? round : `sim-${Number(seed)}`;
  if (!TOKEN_PATTERN.regex.test(roundId)) return { ok: false, message: `--round "${roundId}" is not ${TOKEN_PATTERN.description}` };
  if (typeof weakItem === 'string' && !ID_PATTERN.regex.test(weakItem)) return { ok: false, message: `--weak-item "${weakItem}" is not an item id (${ID_PATTERN.description})` };
  return {
    ok: true,
    options: { target: positional[0]!, count: Number(count), seed: Number(seed), round: roundId, out, ...(typeof weakItem === 'string' ? { weakItem } : {}) },
  };
}

/** `simulate FILE|ID --count N [--seed S] [--round R] [--weak-item ITEM] --out DIR`: the same seed writes the same files. */
export async function simulateCommand(options: SimulateOptions, out: Output): Promise<number> {
  const found = await lookUpQuestionnaire(options.target);
  if (!found.ok) {
    for (const message of found.messages) out.error(message);
    return 1;
  }
  const q = found.questionnaire;
  if (options.weakItem !== undefined && !q.items.some((item) => item.id === options.weakItem)) {
    out.error(`--weak-item ${options.weakItem}: ${q.id} version ${q.version} has no item with this id; its items are ${q.items.map((item) => item.id).join(', ')}`);
    return 1;
  }
  const simulation = createSimulation(q, options.seed, options.round, options.weakItem === undefined ? {} : { weakItem: options.weakItem });
  const width = Math.max(6, String(options.count).length);
  let failure: unknown = null;
  try {
    await mkdir(options.out, { recursive: true });
    // Responses are drawn in order (the sequence is the seed's), then written a few at a time.
    // A write never rejects: its error is kept, so no later failure goes unhandled.
    const writing = new Set<Promise<void>>();
    for (let i = 1; i <= options.count && failure === null; i++) {
      const file = path.join(options.out, `response-${String(i).padStart(width, '0')}.json`);
      const write: Promise<void> = writeFile(file, `${JSON.stringify(simulation.next(), null, 2)}\n`)
        .catch((error: unknown) => void (failure ??= error))
        .finally(() => void writing.delete(write));
      writing.add(write);
      if (writing.size >= WRITING_AT_ONCE) await Promise.race(writing);
    }
    await Promise.all(writing);
  } catch (error) {
    failure = error;
  }
  if (failure !== null) {
    const code = (failure as { code?: string }).code;
    out.error(`${options.out}: cannot write the responses (${code ?? (failure instanceof Error ? failure.message : String(failure))})`);
    return 1;
  }
  const weak = options.weakItem === undefined ? '' : `, item ${options.weakItem} answered as noise`;
  out.print(`wrote ${options.count} simulated responses to ${options.out} (${q.id} version ${q.version}, round ${options.round}, seed ${options.seed}${weak})`);
  return 0;
}
