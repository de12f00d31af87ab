import { readFileSync } from 'node:fs';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import type { Questionnaire } from '../../../src/core/questionnaire/types';
import { parseInvitation } from '../../../src/core/round/invitation';
import { makeResponse } from '../../../src/core/round/response';
import { roundKey, tallyKey } from '../../../src/core/round/round-record';
import { sealResponse } from '../../../src/core/round/sealing';
import { isTallySummary } from '../../../src/core/round/tally-summary';
import { isNote, isReminder, isSitting, KEYS, readSettings, SCHEMA_VERSION } from '../../../src/core/storage/records';
import { fromStoredItems } from '../../../src/core/storage/stored-form';
import { storedSummary } from '../../../src/ui/team/team-store';
import type { PreviousRelease } from './previous-release';

/** What the update tests (update-chromium, update-firefox) put into a profile with 0.1.0. */
export const ROUND_NAME = 'Front desk, before the update';
export const NOTE = 'Kept through the update: we call back the same day.';
export const REFLECTION = 'Nobody in my unit owns the whole journey.';
/** Left as a draft on part 2. */
export const DRAFTED = 'control-service';
/** Taken in the popup, reminded monthly, and the round's questionnaire. */
export const TAKEN = 'production-service';
/** Earlier sittings, written as 0.1.0's store writes them. */
export const SEEDED = 'silos-joined-up';
export const PACK = 'pack-cafe';
/** The course exercise answered and checked. */
export const PLACED = 'joint-visit';

/** Facts about the filled profile that its storage does not say on its own. */
export interface Facts {
  sittingId: string;
  draftedItem: string;
  draftProgress: string;
  roundId: string;
}

/** Puts a build into the extension folder, as an update does: the same folder, so the same extension and storage. */
export async function installInto(folder: string, build: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await cp(build, folder, { recursive: true });
}

/** Version 1 of a shipped questionnaire: the version 0.1.0 shipped. */
export function questionnaireV1(id: string): Questionnaire {
  return JSON.parse(readFileSync(path.resolve('questionnaires/earlier', `${id}.v1.json`), 'utf8')) as Questionnaire;
}

/** Sittings of 0.1.0's format (questionnaire version 1, one wanted per dimension), as its store writes them: JSON text. */
export function oldSittings(questionnaire: Questionnaire, count: number): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  let time = Date.parse('2025-02-03T09:00:00.000Z');
  for (let n = 0; n < count; n++) {
    time += (40 + n * 11) * 86_400_000;
    const id = `0a1b2c3d-0000-4000-8000-00000000000${n}`;
    const sitting = {
      schema: 1, id, questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt: new Date(time - 600_000).toISOString(), completedAt: new Date(time).toISOString(), language: 'en',
      answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i + n) % 7)])),
      wanted: Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, 1 + ((i * 3 + n) % 7)])),
    };
    stored[`sitting:${id}`] = JSON.stringify(sitting);
    stored[`last-taken:${questionnaire.id}`] = sitting.completedAt;
  }
  return stored;
}

/** Members' codes for a round of 0.1.0 (SMR1), sealed by 0.1.0's own code from its source tree. */
export async function codesOfPreviousRelease(release: Extract<PreviousRelease, { kind: 'built' }>, invitation: string, count: number): Promise<{ roundId: string; codes: string[] }> {
  const oldResponse = await import(path.join(release.root, 'src/core/round/response.ts'));
  const oldSealing = await import(path.join(release.root, 'src/core/round/sealing.ts'));
  const questionnaire = questionnaireV1(TAKEN);
  const parsed = oldSealing.parseInvitation(invitation);
  if (!parsed.ok) throw new Error(`0.1.0 does not read its own invitation: ${JSON.stringify(parsed.problem)}`);
  const codes: string[] = [];
  for (let m = 0; m < count; m++) {
    const response = oldResponse.makeResponse({
      questionnaire, round: parsed.value.round, response: `member-before-${m}`,
      answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i * (m + 2) + m) % 7)])),
      wanted: Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, 1 + ((i + m) % 7)])),
    });
    codes.push(await oldSealing.sealResponse(response, parsed.value.publicKey));
  }
  return { roundId: parsed.value.round, codes };
}

/** A member's code for the round, as this build seals it for the invitation its round page shows. */
export async function codeOfThisBuild(invitation: string): Promise<string> {
  const binding = parseInvitation(invitation);
  if (!binding.ok) throw new Error(`the round page's invitation does not read: ${JSON.stringify(binding.problem)}`);
  const questionnaire = questionnaireV1(TAKEN);
  return sealResponse(makeResponse({
    questionnaire, round: binding.value.round, response: 'member-after-update',
    answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i * 3) % 7)])),
    wanted: Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, 1 + (i % 7)])),
  }), binding.value);
}

/**
 * Storage after the update, before the round's page has opened: every key 0.1.0 wrote is
 * there with the same value but the version and the sittings (schema 3 changes no record;
 * 4 keeps each sitting in its compact form, which reads back as the very same sitting),
 * and each record reads with this build's own functions.
 */
export function expectRecordsKept(before: Record<string, unknown>, after: Record<string, unknown>, facts: Facts): void {
  expect(before[KEYS.schemaVersion]).toBe(2);
  expect(after[KEYS.schemaVersion]).toBe(SCHEMA_VERSION);
  for (const [key, value] of Object.entries(before)) {
    expect(Object.keys(after), key).toContain(key);
    if (key !== KEYS.schemaVersion && !key.startsWith(KEYS.sittingPrefix)) expect(after[key], key).toEqual(value);
  }
  const read = fromStoredItems(after);
  const oldRead = fromStoredItems(before);
  const sittings = Object.keys(before).filter((key) => key.startsWith(KEYS.sittingPrefix));
  expect(sittings).toHaveLength(5);
  for (const key of sittings) {
    expect(after[key], key).toMatch(/^s1a?\|/);
    expect(isSitting(read[key]), key).toBe(true);
    expect(read[key]).toEqual(oldRead[key]);
    // The same JSON to the character, so a backup made before and after is the same too.
    expect(JSON.stringify(read[key]), key).toBe(before[key]);
  }
  expect(isNote(read[`note:${facts.sittingId}`])).toBe(true);
  expect(isReminder(read['reminder:npm-npg']) && isReminder(read[`reminder:${TAKEN}`])).toBe(true);
  expect(readSettings(read.settings)).toMatchObject({ language: 'en', theme: 'dark' });
}

/**
 * Storage once the round's page has opened: 0.1.0's tally (every code's hash, in
 * extension storage) is a summary of what was published, the tally itself moved beside
 * the key (or, where the key is not in this profile, read as a summary); the round
 * record keeps its settings.
 */
export function expectRoundKept(before: Record<string, unknown>, opened: Record<string, unknown>, facts: Facts, heldRound: boolean): void {
  const tally = tallyKey(facts.roundId);
  expect(before[tally]).toMatchObject({ schema: 1, round: facts.roundId });
  const summary = heldRound ? opened[tally] : storedSummary(opened[tally]);
  expect(isTallySummary(summary), JSON.stringify(summary)).toBe(true);
  expect(summary).toMatchObject({ round: facts.roundId, minGroup: 3, count: 3 });
  expect(opened[roundKey(facts.roundId)]).toMatchObject({ ...(before[roundKey(facts.roundId)] as object) });
}
