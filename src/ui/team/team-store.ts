import type { Questionnaire } from '../../core/questionnaire/types';
import { problemOf } from '../../core/problems';
import { INVITATION_PREFIX, MAX_INVITATION_CHARS, MAX_PASTE_CHARS, MAX_RESPONSE_CHARS, OLD_INVITATION_PREFIX, OLD_RESPONSE_PREFIX, RESPONSE_PREFIX, type CodeProblem } from '../../core/round/code-text';
import { contributionOf, type StoredTeamFigures } from '../../core/round/figure-sums';
import type { Invitation } from '../../core/round/invitation';
import { adoptV1Tally } from '../../core/round/legacy-v1';
import { invitationOf, isRound, roundKey, sameBinding, tallyKey, ROUND_KEYS, type Round } from '../../core/round/round-record';
import { readRoundIndex, roundIndexOf, ROUND_INDEX_KEY, sameRoundIndex, type RoundIndex } from '../../core/round/round-index';
import { addToRound, hashResponseId, newRoundState, readRoundState, type CountedResponse, type RoundState } from '../../core/round/round-state';
import type { RoundVault } from '../../core/round/round-vault';
import { encodeResponseId, makeResponse, type AnonymisedResponse } from '../../core/round/response';
import { createRoundKeys, newToken, openResponse, sealResponse } from '../../core/round/sealing';
import { splitCodes } from '../../core/round/split-codes';
import { isTallySummary, summaryFromV1, summaryOf, type TallySummary } from '../../core/round/tally-summary';
import type { HeldRound } from '../../core/backup/restore-plan';
import type { Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import { contentHash } from '../../core/library/content-hash';

/** Every page that writes the round index takes this lock: a round started in one tab is never left out by another's rebuild. */
export const ROUND_INDEX_LOCK = 'round-index';

/**
 * The lead's rounds, newest first, read by key through the round index (round-index.ts);
 * where there is no index yet (rounds started before it, or a damaged one), read by
 * scanning storage, which makes it.
 */
export async function listRounds(store: KeyValueStore): Promise<Round[]> {
  const index = readRoundIndex((await store.get([ROUND_INDEX_KEY]))[ROUND_INDEX_KEY]);
  return index ? roundsByIndex(store, index) : scanRounds(store);
}

/** Removes the round index, so the next listing makes it from the rounds (after a restore has written some). */
export function forgetRoundIndex(store: KeyValueStore): Promise<void> {
  return store.exclusive(ROUND_INDEX_LOCK, () => store.remove([ROUND_INDEX_KEY]));
}

/** The rounds this index names (a name whose record is gone or damaged is left out). */
export async function roundsByIndex(store: KeyValueStore, index: RoundIndex): Promise<Round[]> {
  return index.ids.length === 0 ? [] : roundsFrom(await store.get(index.ids.map(roundKey)));
}

/**
 * Every round, found by reading storage whole (by prefix: no sitting is decoded), and the
 * index made again where it was missing or out of step: what the rounds page lists, so
 * no round is ever hidden there.
 */
export async function scanRounds(store: KeyValueStore): Promise<Round[]> {
  return store.exclusive(ROUND_INDEX_LOCK, async () => {
    const all = await store.getPrefixed([ROUND_KEYS.roundPrefix, ROUND_INDEX_KEY]);
    const rounds = roundsFrom(all);
    const index = roundIndexOf(rounds.map((round) => round.id));
    // Best effort: the list is right without it, and the next listing tries again.
    if (!sameRoundIndex(readRoundIndex(all[ROUND_INDEX_KEY]), index)) await store.set({ [ROUND_INDEX_KEY]: index }).catch(() => undefined);
    return rounds;
  });
}

/** The rounds among these records, newest first; a damaged one is left out. */
export function roundsFrom(all: Readonly<Record<string, unknown>>): Round[] {
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(ROUND_KEYS.roundPrefix) && isRound(value) && key === roundKey(value.id))
    .map(([, value]) => value as Round)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function readRound(store: KeyValueStore, id: string): Promise<Round | null> {
  const value = (await store.get([roundKey(id)]))[roundKey(id)];
  return isRound(value) && value.id === id ? value : null;
}

/** The summary stored for a round, whether written today (schema 2) or by Shiftmeter 0.1. */
export function storedSummary(value: unknown): TallySummary | null {
  return isTallySummary(value) ? value : summaryFromV1(value);
}

export interface NewRound {
  name: string;
  questionnaire: Questionnaire;
  minGroup: number;
  teamSize?: number;
}

/** Creates the key pair (the private half stays in this browser, unreadable), the round and its state. */
export async function startRound(store: KeyValueStore, vault: RoundVault, input: NewRound, now: Date): Promise<Round> {
  const pair = await createRoundKeys();
  const round: Round = {
    schema: 1,
    id: newToken(),
    name: input.name.trim(),
    questionnaire: { id: input.questionnaire.id, version: input.questionnaire.version },
    // Bound into every code: lead and members count and answer the very same text.
    questionnaireHash: await contentHash(input.questionnaire),
    minGroup: input.minGroup,
    createdAt: now.toISOString(),
    publicKey: pair.publicKey,
    ...(input.teamSize === undefined ? {} : { teamSize: input.teamSize }),
  };
  const state = newRoundState(round, input.questionnaire);
  await vault.create(round.id, pair.privateKey, state);
  // With the index in the same write, under its lock; without an index the next listing makes one.
  await store.exclusive(ROUND_INDEX_LOCK, async () => {
    const index = readRoundIndex((await store.get([ROUND_INDEX_KEY]))[ROUND_INDEX_KEY]);
    const items: Record<string, unknown> = { [roundKey(round.id)]: round, [tallyKey(round.id)]: summaryOf(state) };
    if (index) items[ROUND_INDEX_KEY] = roundIndexOf([...index.ids, round.id]);
    await store.set(items);
  });
  return round;
}

/**
 * A round as its page shows it. `held`: this browser started it and can count codes;
 * `not-held`: the round came with a restore (or its key was erased), so only its
 * published figures are there; `state-missing`: the key is here but the state that
 * protects the members is not, so nothing is counted rather than starting over.
 */
export type RoundView =
  | { kind: 'held'; round: Round; state: RoundState; summary: TallySummary }
  | { kind: 'not-held' | 'state-missing'; round: Round; summary: TallySummary | null };

/**
 * Reads a round for its page. For a round this browser holds, the state beside the key
 * decides everything (the round's settings too), and the stored summary is brought in
 * line with it when a restore or a failed write left it behind.
 */
export async function loadRound(store: KeyValueStore, vault: RoundVault, stored: Round, questionnaire: Questionnaire): Promise<RoundView> {
  const summaryValue = (await store.get([tallyKey(stored.id)]))[tallyKey(stored.id)];
  const summary = storedSummary(summaryValue);
  const key = await vault.key(stored.id);
  if (!key) return { kind: 'not-held', round: stored, summary };
  const state = await stateOf(store, vault, stored, questionnaire, key, summaryValue);
  if (!state) return { kind: 'state-missing', round: stored, summary };
  const round: Round = { ...state.round, ...(stored.teamSize === undefined ? {} : { teamSize: stored.teamSize }) };
  const current = summaryOf(state);
  if (JSON.stringify(summary) !== JSON.stringify(current) || !sameBinding(stored, state.round) || stored.name !== state.round.name) {
    await store.set({ [tallyKey(round.id)]: current, [roundKey(round.id)]: round });
  }
  return { kind: 'held', round, state, summary: current };
}

/** The state beside the key; a round from Shiftmeter 0.1 has its tally moved there once. */
async function stateOf(store: KeyValueStore, vault: RoundVault, stored: Round, questionnaire: Questionnaire, key: CryptoKey, summaryValue: unknown): Promise<RoundState | null> {
  const value = await vault.state(stored.id);
  if (value !== undefined) return readRoundState(value, questionnaire);
  return store.exclusive(tallyKey(stored.id), async () => {
    const again = await vault.state(stored.id);
    if (again !== undefined) return readRoundState(again, questionnaire);
    const adopted = await adoptV1Tally(summaryValue, stored, questionnaire, key);
    if (!adopted) return null;
    await vault.putState(stored.id, adopted);
    await store.set({ [tallyKey(stored.id)]: summaryOf(adopted) });
    return adopted;
  });
}

export interface ImportInput {
  /** What the lead will recognise: "code 3", or a file name. */
  source: string;
  text: string;
}

export type ImportEntry =
  | { source: string; status: 'counted' }
  | { source: string; status: 'duplicate' }
  | { source: string; status: 'refused'; problem: CodeProblem };

export interface ImportReport {
  entries: ImportEntry[];
  state: RoundState;
  /** True when this import made new figures appear or change. */
  published: boolean;
}

const CODE_KINDS = [
  { prefix: RESPONSE_PREFIX, maxChars: MAX_RESPONSE_CHARS },
  { prefix: INVITATION_PREFIX, maxChars: MAX_INVITATION_CHARS },
  { prefix: OLD_RESPONSE_PREFIX, maxChars: MAX_RESPONSE_CHARS },
  { prefix: OLD_INVITATION_PREFIX, maxChars: MAX_INVITATION_CHARS },
];

/** Splits pasted text (or a file's text) into labelled codes. */
export function codesIn(input: ImportInput, label: (index: number, text: string) => string): ImportInput[] {
  if (input.text.length > MAX_PASTE_CHARS) return [{ source: input.source, text: '' }];
  const codes = splitCodes(input.text, CODE_KINDS);
  return codes.map((text, i) => ({ source: codes.length === 1 && input.source ? input.source : label(i + 1, text), text }));
}

/** A code's beginning and end, enough for a person to find it among the ones they pasted. */
export function codeExcerpt(text: string): string {
  const code = text.replace(/\s+/g, '');
  return code.length <= 24 ? code : `${code.slice(0, 12)}…${code.slice(-8)}`;
}

/**
 * Opens each code, checks it and counts it. Responses are held only in this call:
 * what is stored is the round state, updated in one read-modify-write under a lock
 * shared by every page of the extension, so two tabs importing at once lose nothing.
 * Everything is checked against the state beside the key, never against a record a
 * restore could have changed.
 */
export async function importCodes(store: KeyValueStore, vault: RoundVault, roundId: string, questionnaire: Questionnaire, inputs: readonly ImportInput[]): Promise<ImportReport> {
  const privateKey = await vault.key(roundId);
  const held = privateKey ? readRoundState(await vault.state(roundId), questionnaire) : null;
  if (!privateKey || !held) throw new Error('this browser cannot count codes for this round');
  const target = { binding: invitationOf(held.round), privateKey, questionnaire };
  const entries: ImportEntry[] = [];
  const opened: { index: number; counted: CountedResponse }[] = [];
  for (const input of inputs) {
    const result = await openResponse(input.text, target);
    if (!result.ok) {
      entries.push({ source: input.source, status: 'refused', problem: result.problem });
      continue;
    }
    if (!countsInAFigure(questionnaire, result.value)) {
      // Shiftmeter seals no such response (sealSitting), so this one was made up or made by
      // an earlier version. The words say no more than that: which answers make a response
      // count in no figure would tell, of a code whose sender the lead knows, what that
      // member marked "does not apply".
      const problem = problemOf('', 'counts-in-no-figure', {}, () => 'it is not a response that Shiftmeter makes');
      entries.push({ source: input.source, status: 'refused', problem: { kind: 'invalid', problem } });
      continue;
    }
    opened.push({ index: entries.length, counted: { code: input.text.replace(/\s+/g, ''), hash: await hashResponseId(roundId, result.value.response) } });
    entries.push({ source: input.source, status: 'counted' });
  }
  return store.exclusive(tallyKey(roundId), async () => {
    const before = readRoundState(await vault.state(roundId), questionnaire);
    // A damaged state is never overwritten: that would silently lose the responses it counted.
    if (!before) throw new Error('the stored state of this round is damaged, so nothing was imported');
    const reopen = async (code: string) => {
      const result = await openResponse(code, target);
      return result.ok ? result.value : null;
    };
    const { state, outcomes } = await addToRound(before, questionnaire, opened.map((o) => o.counted), reopen);
    outcomes.forEach((outcome, i) => {
      if (outcome === 'duplicate') entries[opened[i]!.index] = { source: entries[opened[i]!.index]!.source, status: 'duplicate' };
    });
    if (state !== before) {
      await vault.putState(roundId, state);
      // The import is done once the vault holds it. The summary follows; if this write
      // fails (storage full), the round's page writes it again when it next loads, so the
      // import is not reported as failed when its responses were in fact counted.
      await store.set({ [tallyKey(roundId)]: summaryOf(state) }).catch(() => undefined);
    }
    const was = JSON.stringify(summaryOf(before).published);
    const now = summaryOf(state).published;
    return { entries, state, published: now !== null && JSON.stringify(now) !== was };
  });
}

/** Sets or clears the number of people the lead invited (only a warning depends on it). */
export async function setTeamSize(store: KeyValueStore, round: Round, teamSize: number | null): Promise<Round> {
  const { teamSize: _old, ...rest } = round;
  const next: Round = teamSize === null ? rest : { ...rest, teamSize };
  await store.set({ [roundKey(round.id)]: next });
  return next;
}

/** Earlier rounds of the same questionnaire version with figures, oldest first. */
export async function earlierRounds(store: KeyValueStore, round: Round, questionnaire: Questionnaire): Promise<{ round: Round; figures: StoredTeamFigures }[]> {
  const rounds = (await listRounds(store)).filter((r) => r.id !== round.id && r.createdAt < round.createdAt
    && r.questionnaire.id === questionnaire.id && r.questionnaire.version === questionnaire.version);
  const stored = await store.get(rounds.map((r) => tallyKey(r.id)));
  return rounds
    .map((r) => ({ round: r, figures: storedSummary(stored[tallyKey(r.id)])?.published ?? null }))
    .filter((entry): entry is { round: Round; figures: StoredTeamFigures } => entry.figures !== null)
    .sort((a, b) => a.round.createdAt.localeCompare(b.round.createdAt));
}

/**
 * What a restore must hold a backup against: every round whose key is in this browser,
 * with its state where there is one (a round from Shiftmeter 0.1 may not have moved its
 * tally yet: its records are then simply never written by a restore).
 */
export async function heldRounds(vault: RoundVault): Promise<Map<string, HeldRound>> {
  const [ids, states] = await Promise.all([vault.roundIds(), vault.states()]);
  const held = new Map<string, HeldRound>();
  for (const id of ids) {
    const value = states[id] as { round?: unknown; sequence?: unknown; seen?: unknown } | undefined;
    const round = value?.round;
    const valid = isRound(round) && round.id === id && Number.isSafeInteger(value?.sequence) && Array.isArray(value?.seen);
    held.set(id, valid ? { round, sequence: value!.sequence as number, count: (value!.seen as unknown[]).length } : null);
  }
  return held;
}

/** Whether a response counts in at least one figure: some dimension has two answered statements. */
export function countsInAFigure(questionnaire: Questionnaire, response: AnonymisedResponse): boolean {
  return contributionOf(questionnaire, response).overall !== null;
}

/**
 * Why a sitting is not sealed: in no dimension were two statements answered (the rest
 * "does not apply"), so its code would count in no figure. The lead's Shiftmeter would
 * refuse such a code, and refusing one by its sender's name would tell the lead what
 * that member marked "does not apply": so no code is made at all.
 */
export class CountsInNoFigureError extends Error {
  constructor() {
    super('in no dimension are two statements answered, so a code would count in no figure');
    this.name = 'CountsInNoFigureError';
  }
}

/** The response a sitting is sealed as, with a fresh random response id. */
function responseOf(sitting: Sitting, invitation: Invitation, questionnaire: Questionnaire): AnonymisedResponse {
  return makeResponse({
    questionnaire,
    round: invitation.round,
    response: encodeResponseId(crypto.getRandomValues(new Uint8Array(16))),
    answers: sitting.answers,
    wanted: sitting.wanted,
    wantedItems: sitting.wantedItems,
  });
}

/** Whether a finished sitting can be sealed for a round: its code would count in at least one figure. */
export function sittingCountsInAFigure(sitting: Sitting, invitation: Invitation, questionnaire: Questionnaire): boolean {
  return countsInAFigure(questionnaire, responseOf(sitting, invitation, questionnaire));
}

/**
 * The member's side: a sealed code of a finished sitting. Only the answers, the
 * questionnaire and round ids and a fresh random response id go in: never the name,
 * notes, times or the sitting's own id. Throws CountsInNoFigureError for a sitting that
 * would count in no figure.
 */
export async function sealSitting(sitting: Sitting, invitation: Invitation, questionnaire: Questionnaire): Promise<string> {
  const response = responseOf(sitting, invitation, questionnaire);
  if (!countsInAFigure(questionnaire, response)) throw new CountsInNoFigureError();
  return sealResponse(response, invitation);
}
