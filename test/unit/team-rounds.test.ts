import { describe, expect, it } from 'vitest';
import { isRound, roundKey, tallyKey } from '../../src/core/round/round-record';
import { createRoundKeys, parseInvitation, encodeInvitation, sealResponse } from '../../src/core/round/sealing';
import { makeResponse } from '../../src/core/round/response';
import { isSitting, type Sitting } from '../../src/core/storage/records';
import { createAssessmentModel } from '../../src/ui/assessment/assessment-model';
import { codesIn, earlierRounds, importCodes, invitationOf, readRoundTally, sealSitting, startRound } from '../../src/ui/team/team-store';
import { memoryRoundKeys } from '../helpers/memory-round-keys';
import { MemoryStore } from '../helpers/memory-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);

const memoryKeys = memoryRoundKeys;

async function finishedSitting(store: MemoryStore, round: { id: string; name: string }, position: number): Promise<Sitting> {
  const model = createAssessmentModel({ store, questionnaire, language: 'en', now: () => new Date('2027-03-01T09:00:00.000Z'), newId: () => `s-${position}`, round });
  for (const item of questionnaire.items) await model.answer(item.id, position);
  for (const dimension of questionnaire.dimensions) await model.want(dimension.id, 7);
  return (await model.finish())!;
}

describe('team rounds, lead and members together', () => {
  it('marks a round sitting with the round, and old sittings stay valid', async () => {
    const sitting = await finishedSitting(new MemoryStore(), { id: 'round-1', name: 'Team Alpha' }, 3);
    expect(sitting.round).toEqual({ id: 'round-1', name: 'Team Alpha' });
    expect(isSitting(sitting)).toBe(true);
    const { round: _round, ...old } = sitting;
    expect(isSitting(old)).toBe(true);
    expect(isSitting({ ...sitting, round: { id: 'bad id!', name: 'x' } })).toBe(false);
  });

  it('starts a round, seals members’ sittings and imports them into figures, never into records of one person', async () => {
    const lead = new MemoryStore();
    const keys = memoryKeys();
    const round = await startRound(lead, keys, { name: 'Team Alpha', questionnaire, minGroup: 3 }, new Date('2027-03-01T08:00:00.000Z'));
    expect(isRound(lead.snapshot()[roundKey(round.id)])).toBe(true);
    const invitation = parseInvitation(encodeInvitation(invitationOf(round)));
    expect(invitation.ok).toBe(true);
    if (!invitation.ok) return;
    const codes: string[] = [];
    for (const position of [2, 4, 6]) {
      const member = new MemoryStore();
      const sitting = await finishedSitting(member, { id: round.id, name: round.name }, position);
      codes.push(await sealSitting(sitting, invitation.value, questionnaire));
    }
    // Sealing the same sitting twice gives a different code each time (a fresh response id).
    const again = await sealSitting(await finishedSitting(new MemoryStore(), round, 2), invitation.value, questionnaire);
    expect(again).not.toBe(codes[0]);

    const inputs = codesIn({ source: '', text: `${codes[0]}\n${codes[1]}` }, (n) => `code ${n}`);
    const first = await importCodes(lead, keys, round, questionnaire, inputs);
    expect(first.entries.map((e) => e.status)).toEqual(['counted', 'counted']);
    expect(first.tally.published).toBeNull();
    const second = await importCodes(lead, keys, round, questionnaire, codesIn({ source: '', text: `${codes[2]} ${codes[0]}` }, (n) => `code ${n}`));
    expect(second.entries.map((e) => e.status)).toEqual(['counted', 'duplicate']);
    expect(second.published).toBe(true);
    const tally = await readRoundTally(lead, round, questionnaire);
    expect(tally.published?.n).toBe(3);
    // Positions 2, 4, 6 on every item: item scores mix poles, but the medians are the middle sitting's.
    expect(tally.published?.dimensions.map((d) => d.wantedMean)).toEqual([100, 100]);
    const stored = JSON.stringify(lead.snapshot()[tallyKey(round.id)]);
    expect(stored).not.toMatch(/answers|response/);
  });

  it('imports from two pages at once without losing a response', async () => {
    const lead = new MemoryStore();
    const keys = memoryKeys();
    const round = await startRound(lead, keys, { name: 'Parallel', questionnaire, minGroup: 3 }, new Date('2027-03-01T08:00:00.000Z'));
    const codes = await Promise.all(Array.from({ length: 6 }, (_, i) => {
      const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, (i % 7) + 1]));
      return sealResponse(makeResponse({ questionnaire, round: round.id, response: `resp-${i}`, answers, wanted: {} }), round.publicKey);
    }));
    await Promise.all(codes.map((code, i) => importCodes(lead, keys, round, questionnaire, [{ source: `c${i}`, text: code }])));
    const tally = await readRoundTally(lead, round, questionnaire);
    expect(tally.main.n + tally.pendingCodes.length).toBe(6);
    expect(tally.published?.n).toBe(6);
  });

  it('refuses every code when the round key is missing from this browser', async () => {
    const lead = new MemoryStore();
    const round = await startRound(lead, memoryKeys(), { name: 'Lost key', questionnaire, minGroup: 3 }, new Date());
    const keys = await createRoundKeys();
    const code = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'x', answers: { 'dim-1-1': 3 }, wanted: {} }), keys.publicKey);
    const report = await importCodes(lead, memoryKeys(), round, questionnaire, [{ source: 'c', text: code }]);
    expect(report.entries).toEqual([{ source: 'c', status: 'refused', problem: { kind: 'cannot-open' } }]);
  });

  it('never overwrites a damaged tally, and lists earlier rounds of the same questionnaire with figures', async () => {
    const lead = new MemoryStore();
    const keys = memoryKeys();
    const seal = (round: { id: string; publicKey: string }, i: number) => sealResponse(makeResponse({
      questionnaire, round: round.id, response: `r-${i}`, answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, (i % 7) + 1])), wanted: {},
    }), round.publicKey);
    const spring = await startRound(lead, keys, { name: 'Spring', questionnaire, minGroup: 3 }, new Date('2027-03-01T08:00:00.000Z'));
    const autumn = await startRound(lead, keys, { name: 'Autumn', questionnaire, minGroup: 3 }, new Date('2027-09-01T08:00:00.000Z'));
    const codes = await Promise.all([1, 2, 3].map((i) => seal(spring, i)));
    await importCodes(lead, keys, spring, questionnaire, codes.map((text, i) => ({ source: `c${i}`, text })));
    const earlier = await earlierRounds(lead, autumn, questionnaire);
    expect(earlier.map((e) => [e.round.name, e.figures.n])).toEqual([['Spring', 3]]);
    expect(await earlierRounds(lead, spring, questionnaire)).toEqual([]);

    await lead.set({ [tallyKey(autumn.id)]: { schema: 1, round: autumn.id, broken: true } });
    await expect(importCodes(lead, keys, autumn, questionnaire, [{ source: 'c', text: await seal(autumn, 4) }])).rejects.toThrow(/damaged/);
    expect(lead.snapshot()[tallyKey(autumn.id)]).toEqual({ schema: 1, round: autumn.id, broken: true });
  });
});
