import type { Questionnaire } from '../../core/questionnaire/types';
import { makeResponse, encodeResponseId } from '../../core/round/response';
import { invitationOf, isRound, roundKey, tallyKey, ROUND_KEYS, type Round } from '../../core/round/round-record';
import { createRoundKeys, newToken, openResponse, sealResponse, splitCodes, MAX_PASTE_CHARS, type CodeProblem, type Invitation } from '../../core/round/sealing';
import { addToTally, emptyTally, hashResponseId, readTally, type CountedResponse, type RoundTally, type TeamFigures } from '../../core/round/tally';
import type { Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';

/** Where the lead's private round keys are kept (IndexedDB in the extension: src/platform/round-keys.ts). */
export interface RoundKeyStore {
  get(roundId: string): Promise<CryptoKey | null>;
  put(roundId: string, key: CryptoKey): Promise<void>;
  /** Removes every round key (on "Erase everything"): rounds then cannot open codes any more. */
  clear(): Promise<void>;
}

export async function listRounds(store: KeyValueStore): Promise<Round[]> {
  const all = await store.getAll();
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(ROUND_KEYS.roundPrefix) && isRound(value) && key === roundKey(value.id))
    .map(([, value]) => value as Round)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function readRound(store: KeyValueStore, id: string): Promise<Round | null> {
  const value = (await store.get([roundKey(id)]))[roundKey(id)];
  return isRound(value) && value.id === id ? value : null;
}

export interface NewRound {
  name: string;
  questionnaire: Questionnaire;
  minGroup: number;
}

/** Creates the key pair (the private half stays in this browser, unreadable) and the round. */
export async function startRound(store: KeyValueStore, keys: RoundKeyStore, input: NewRound, now: Date): Promise<Round> {
  const pair = await createRoundKeys();
  const round: Round = {
    schema: 1,
    id: newToken(),
    name: input.name.trim(),
    questionnaire: { id: input.questionnaire.id, version: input.questionnaire.version },
    minGroup: input.minGroup,
    createdAt: now.toISOString(),
    publicKey: pair.publicKey,
  };
  await keys.put(round.id, pair.privateKey);
  await store.set({ [roundKey(round.id)]: round, [tallyKey(round.id)]: emptyTally(round, input.questionnaire) });
  return round;
}

export async function readRoundTally(store: KeyValueStore, round: Round, questionnaire: Questionnaire): Promise<RoundTally> {
  const stored = (await store.get([tallyKey(round.id)]))[tallyKey(round.id)];
  return readTally(stored, round, questionnaire) ?? emptyTally(round, questionnaire);
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
  tally: RoundTally;
  /** True when this import made new figures appear or change. */
  published: boolean;
}

/** Splits pasted text (or a file's text) into labelled codes. */
export function codesIn(input: ImportInput, label: (index: number) => string): ImportInput[] {
  if (input.text.length > MAX_PASTE_CHARS) return [{ source: input.source, text: '' }];
  const codes = splitCodes(input.text);
  return codes.map((text, i) => ({ source: codes.length === 1 && input.source ? input.source : label(i + 1), text }));
}

/**
 * Opens each code, checks it and counts it. Responses are held only in this call:
 * what is stored is the tally, updated in one read-modify-write under a lock shared
 * by every page of the extension, so two tabs importing at once lose nothing.
 */
export async function importCodes(store: KeyValueStore, keys: RoundKeyStore, round: Round, questionnaire: Questionnaire, inputs: readonly ImportInput[]): Promise<ImportReport> {
  const privateKey = await keys.get(round.id);
  const entries: ImportEntry[] = [];
  const opened: { index: number; counted: CountedResponse }[] = [];
  for (const input of inputs) {
    if (!privateKey) {
      entries.push({ source: input.source, status: 'refused', problem: { kind: 'cannot-open' } });
      continue;
    }
    const result = await openResponse(input.text, { round: round.id, privateKey, questionnaire });
    if (!result.ok) {
      entries.push({ source: input.source, status: 'refused', problem: result.problem });
      continue;
    }
    opened.push({ index: entries.length, counted: { code: input.text, hash: await hashResponseId(round.id, result.value.response) } });
    entries.push({ source: input.source, status: 'counted' });
  }
  const key = tallyKey(round.id);
  return store.exclusive(key, async () => {
    const stored = (await store.get([key]))[key];
    const before = stored === undefined ? emptyTally(round, questionnaire) : readTally(stored, round, questionnaire);
    // A damaged tally is never overwritten: that would silently lose the responses it counted.
    if (!before) throw new Error('the stored figures of this round are damaged, so nothing was imported');
    const reopen = async (code: string) => {
      const result = privateKey ? await openResponse(code, { round: round.id, privateKey, questionnaire }) : null;
      return result?.ok ? result.value : null;
    };
    const { tally, outcomes } = await addToTally(before, questionnaire, opened.map((o) => o.counted), reopen);
    outcomes.forEach((outcome, i) => {
      if (outcome === 'duplicate') entries[opened[i]!.index] = { source: entries[opened[i]!.index]!.source, status: 'duplicate' };
    });
    if (outcomes.includes('counted')) await store.set({ [key]: tally });
    return { entries, tally, published: tally.published !== before.published && tally.published !== null };
  });
}

/** Earlier rounds of the same questionnaire version with figures, oldest first. */
export async function earlierRounds(store: KeyValueStore, round: Round, questionnaire: Questionnaire): Promise<{ round: Round; figures: TeamFigures }[]> {
  const rounds = (await listRounds(store)).filter((r) => r.id !== round.id && r.createdAt < round.createdAt
    && r.questionnaire.id === questionnaire.id && r.questionnaire.version === questionnaire.version);
  const stored = await store.get(rounds.map((r) => tallyKey(r.id)));
  return rounds
    .map((r) => ({ round: r, figures: readTally(stored[tallyKey(r.id)], r, questionnaire)?.published ?? null }))
    .filter((entry): entry is { round: Round; figures: TeamFigures } => entry.figures !== null)
    .sort((a, b) => a.round.createdAt.localeCompare(b.round.createdAt));
}

export { invitationOf };

/**
 * The member's side: a sealed code of a finished sitting. Only the answers, the
 * questionnaire and round ids and a fresh random response id go in: never the name,
 * notes, times or the sitting's own id.
 */
export async function sealSitting(sitting: Sitting, invitation: Invitation, questionnaire: Questionnaire): Promise<string> {
  const response = makeResponse({
    questionnaire,
    round: invitation.round,
    response: encodeResponseId(crypto.getRandomValues(new Uint8Array(16))),
    answers: sitting.answers,
    wanted: sitting.wanted,
  });
  return sealResponse(response, invitation.publicKey);
}
