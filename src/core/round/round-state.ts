import type { Questionnaire } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { toBase64url } from './base64url';
import { MAX_RESPONSE_CHARS } from './code-text';
import {
  addContribution, allFigures, contributionOf, emptyFigureSums, figuresOf, figuresTouched, isFigureSums, sortFigureSums,
  type Contribution, type FigureId, type FigureSums, type TeamFigures,
} from './figure-sums';
import { isRound, type Round } from './round-record';
import type { AnonymisedResponse } from './response';

/**
 * What protects the members of a round, kept by the lead's Shiftmeter beside the
 * round's private key, where neither a backup nor a restore reaches (IndexedDB in the
 * extension): the round as it was started (minimum group, key, questionnaire), the
 * fingerprints of the responses already counted, the figure sums, and the responses
 * that are not yet in every figure, still sealed. A restore can therefore never lower
 * the minimum, forget a counted response or bring back one that was already used.
 *
 * The batch rule has two parts. Figures change only when the count of responses
 * reaches a multiple of `minGroup`, and then only with the responses counted up to that
 * point: what changes is always the work of at least `minGroup` codes imported since the
 * last change, never of the one code just imported (which figures moved, and when, would
 * otherwise say which items that one member answered). And per figure: a response's
 * answers enter a figure only together with those of at least `minGroup` responses
 * waiting for that same figure, so no figure ever changes by fewer than `minGroup`
 * answers, whatever items a response leaves out. A response stays sealed in `pending`
 * until every figure it answers has taken it in; `released` says which already have
 * (nothing beyond what the sealed code itself holds).
 */
export interface PendingCode {
  code: string;
  released: FigureId[];
}

export interface RoundState {
  schema: 1;
  round: Round;
  /** How many imports changed this state: a restored summary older than this is not current. */
  sequence: number;
  /** SHA-256 of each counted response id, sorted: enough to spot a repeat, nothing more. */
  seen: string[];
  sums: FigureSums;
  /** Sealed codes counted but not yet in every figure they answer, sorted by code. */
  pending: PendingCode[];
}

export function newRoundState(round: Round, questionnaire: Questionnaire): RoundState {
  const { teamSize: _teamSize, ...bound } = round;
  return { schema: 1, round: bound, sequence: 0, seen: [], sums: emptyFigureSums(questionnaire), pending: [] };
}

/** Responses counted, in the figures or waiting. */
export function countOf(state: Pick<RoundState, 'seen'>): number {
  return state.seen.length;
}

/** The published figures; null until the overall figure has its first `minGroup` answers. */
export function publishedOf(state: RoundState): TeamFigures | null {
  return state.sums.overall.length >= state.round.minGroup ? figuresOf(state.sums, state.round.minGroup) : null;
}

export async function hashResponseId(round: string, response: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${round}\n${response}`));
  return toBase64url(new Uint8Array(digest));
}

export type CountOutcome = 'counted' | 'duplicate';

export interface CountedResponse {
  /** The sealed code as it arrived: what is kept while the response waits. */
  code: string;
  /** hashResponseId(round, response) of the opened code. */
  hash: string;
}

/** Opens a code kept in `pending` again (with the round's private key). */
export type OpenCode = (code: string) => Promise<AnonymisedResponse | null>;

/**
 * Adds checked, opened codes of this round. When the count of responses reaches a
 * multiple of the minimum group (or passes one: an import of several codes stops at the
 * last multiple it reaches, and the codes after it wait), lets into each figure the
 * answers that waited for it, if at least the minimum group of them are waiting.
 * Returns the next state; the caller writes it (inside a lock). Responses are opened
 * only here, in memory, and let go.
 */
export async function addToRound(state: RoundState, questionnaire: Questionnaire, counted: readonly CountedResponse[], open: OpenCode): Promise<{ state: RoundState; outcomes: CountOutcome[] }> {
  const seen = new Set(state.seen);
  const pending = state.pending.map((p) => ({ code: p.code, released: new Set(p.released) }));
  const outcomes = counted.map(({ code, hash }): CountOutcome => {
    if (seen.has(hash)) return 'duplicate';
    seen.add(hash);
    pending.push({ code, released: new Set() });
    return 'counted';
  });
  if (!outcomes.includes('counted')) return { state, outcomes };
  const minGroup = state.round.minGroup;
  const next = { ...state, sequence: state.sequence + 1, seen: [...seen].sort() };
  // The count at the last multiple of the minimum group this import reached; the codes
  // counted after it (the last ones of this import) take no part until the next multiple.
  const releaseAt = Math.floor(seen.size / minGroup) * minGroup;
  if (releaseAt <= state.seen.length) {
    return { state: { ...next, pending: sortedPending(pending.map((p) => ({ code: p.code, released: [...p.released] }))) }, outcomes };
  }
  const eligible = pending.length - (seen.size - releaseAt);

  const contributions: Contribution[] = [];
  for (const entry of pending) {
    const response = await open(entry.code);
    // A code that opened before and not now means the key changed: count nothing rather than guess.
    if (!response) throw new Error('a waiting response could not be opened again, so nothing was counted');
    contributions.push(contributionOf(questionnaire, response));
  }
  const touched = contributions.map((c) => new Set(figuresTouched(questionnaire, c)));
  const sums = sortFigureSums(state.sums); // a copy: the state passed in stays as it was
  for (const figure of allFigures(questionnaire)) {
    const waiting = pending.flatMap((entry, i) => (i < eligible && touched[i]!.has(figure) && !entry.released.has(figure) ? [i] : []));
    if (waiting.length < minGroup) continue;
    for (const i of waiting) {
      addContribution(sums, contributions[i]!, (f) => f === figure);
      pending[i]!.released.add(figure);
    }
  }
  const stillWaiting = pending
    .filter((entry, i) => [...touched[i]!].some((figure) => !entry.released.has(figure)))
    .map((entry) => ({ code: entry.code, released: allFigures(questionnaire).filter((f) => entry.released.has(f)) }));
  return { state: { ...next, sums: sortFigureSums(sums), pending: sortedPending(stillWaiting) }, outcomes };
}

/** Waiting codes sorted by code, so that their order says nothing about when each came in. */
function sortedPending(pending: PendingCode[]): PendingCode[] {
  return pending.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Validates a stored state against its round's questionnaire; null when it is not one. */
export function readRoundState(value: unknown, questionnaire: Questionnaire): RoundState | null {
  if (!isPlainObject(value) || value.schema !== 1 || !isRound(value.round)) return null;
  const round = value.round;
  if (round.questionnaire.id !== questionnaire.id || round.questionnaire.version !== questionnaire.version) return null;
  if (!Number.isSafeInteger(value.sequence) || (value.sequence as number) < 0) return null;
  if (!Array.isArray(value.seen) || !value.seen.every((h) => typeof h === 'string')) return null;
  if (!isFigureSums(value.sums, questionnaire)) return null;
  const figures = new Set<string>(allFigures(questionnaire));
  const pending = value.pending;
  if (!Array.isArray(pending) || pending.length > 100_000) return null;
  const pendingValid = pending.every((p: unknown) => isPlainObject(p) && typeof p.code === 'string' && p.code.length <= MAX_RESPONSE_CHARS
    && Array.isArray(p.released) && p.released.every((f) => typeof f === 'string' && figures.has(f)));
  if (!pendingValid) return null;
  return { schema: 1, round, sequence: value.sequence as number, seen: value.seen as string[], sums: value.sums, pending: pending as PendingCode[] };
}
