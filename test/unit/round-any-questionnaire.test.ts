import { describe, expect, it } from 'vitest';
import { ADDED_KEYS, addedKey } from '../../src/core/library/added-keys';
import { readAddedIndex } from '../../src/core/library/added-index';
import { contentHash } from '../../src/core/library/content-hash';
import { encodeInvitation, parseInvitation } from '../../src/core/round/invitation';
import { makeInvitationFile, readInvitationFile } from '../../src/core/round/invitation-file';
import { invitationOf } from '../../src/core/round/round-record';
import { countOf } from '../../src/core/round/round-state';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import type { Sitting } from '../../src/core/storage/records';
import { addToLibrary } from '../../src/ui/library/library-model';
import { AnswerRoundModel } from '../../src/ui/team/answer-round-model';
import { importCodes, loadRound, sealSitting, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const NOW = new Date('2027-03-01T09:00:00.000Z');
const own = { ...makeQuestionnaire(2, 3), id: 'agency-model' };
const other = { ...own, title: { en: 'Another text', sv: 'En annan text', da: 'En anden tekst' } };
const fileOf = (text: string) => ({ size: text.length, text: async () => text });

/** A lead who added their own questionnaire and started a round on it. */
async function leadOnOwn(minGroup = 3) {
  const store = new MemoryStore();
  const vault = memoryRoundVault();
  const catalog = catalogOf();
  await addToLibrary({ store, catalog, now: () => NOW }, own, 'file');
  const questionnaire = await catalog.find(own.id)!.load();
  const round = await startRound(store, vault, { name: 'Agency team', questionnaire, minGroup }, NOW);
  return { store, vault, catalog, round, questionnaire };
}

function sittingFor(roundId: string, id: string): Sitting {
  return {
    schema: 1, id, questionnaire: { id: own.id, version: own.version }, startedAt: NOW.toISOString(), completedAt: NOW.toISOString(), language: 'en',
    answers: Object.fromEntries(own.items.map((item) => [item.id, 5])), wanted: Object.fromEntries(own.dimensions.map((d) => [d.id, 6])),
    round: { id: roundId, name: 'Agency team' },
  };
}

describe('a team round on any questionnaire', () => {
  it('binds the questionnaire\'s content hash: a code sealed for other content never opens', async () => {
    const { store, vault, round, questionnaire } = await leadOnOwn();
    expect(round.questionnaireHash).toBe(await contentHash(own));
    const invitation = invitationOf(round);
    expect(parseInvitation(encodeInvitation(invitation))).toEqual({ ok: true, value: invitation });
    const response = makeResponse({ questionnaire: own, round: round.id, response: 'r-1', answers: Object.fromEntries(own.items.map((i) => [i.id, 4])), wanted: Object.fromEntries(own.dimensions.map((d) => [d.id, 5])) });
    const forOther = await sealResponse(response, { ...invitation, questionnaire: { ...invitation.questionnaire, hash: await contentHash(other) } });
    const forThis = await sealResponse({ ...response, response: 'r-2' }, invitation);
    const report = await importCodes(store, vault, round.id, questionnaire, [{ source: 'other', text: forOther }, { source: 'this', text: forThis }]);
    expect(report.entries.map((e) => e.status)).toEqual(['refused', 'counted']);
    expect(report.entries[0]).toMatchObject({ problem: { kind: 'cannot-open' } });
  });

  it('an invitation file brings the questionnaire; an edited one is refused', async () => {
    const { round, questionnaire } = await leadOnOwn();
    const file = makeInvitationFile(invitationOf(round), questionnaire);
    const read = await readInvitationFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, invitation: invitationOf(round), questionnaire: own });
    expect(await readInvitationFile(JSON.stringify({ ...file, questionnaire: other }))).toEqual({ ok: false, mismatch: true });
    expect(await readInvitationFile('{"format": "shiftmeter-invitation"')).toMatchObject({ ok: false, problems: [expect.anything()] });
    expect(await readInvitationFile(JSON.stringify({ ...file, invitation: 'SMI2.broken.00000000' }))).toMatchObject({ ok: false, code: { kind: 'damaged' } });
  });

  it('a member without the questionnaire is asked for the file, sees what will be added, adds it and answers; the lead counts the codes', async () => {
    const lead = await leadOnOwn(3);
    const invitation = invitationOf(lead.round);
    const file = JSON.stringify(makeInvitationFile(invitation, lead.questionnaire));
    const codes: string[] = [];
    for (const name of ['ann', 'bo', 'cy']) {
      const store = new MemoryStore();
      const catalog = catalogOf();
      const model = new AnswerRoundModel({ store, catalog, now: () => NOW });
      model.setCode(encodeInvitation(invitation));
      await model.open();
      expect(model.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'needs-file', id: own.id, version: own.version }, attempt: expect.any(Number) });
      await model.openFile(fileOf(file));
      expect(model.opened.value).toMatchObject({ kind: 'open', invitation, adds: own });
      // Nothing is added before the member starts answering.
      expect(store.data.has(addedKey(own.id, own.version))).toBe(false);
      await model.startAnswering();
      expect(model.answering.value).toBe(true);
      expect(readAddedIndex(store.data.get(ADDED_KEYS.index)).entries.map((e) => [e.id, e.origin])).toEqual([[own.id, 'team-round']]);
      expect(catalog.find(own.id)?.origin).toBe('added');
      codes.push(await sealSitting(sittingFor(invitation.round, `s-${name}`), invitation, own));
    }
    const report = await importCodes(lead.store, lead.vault, lead.round.id, lead.questionnaire, codes.map((text, i) => ({ source: `code ${i + 1}`, text })));
    expect(report.entries.map((e) => e.status)).toEqual(['counted', 'counted', 'counted']);
    const view = await loadRound(lead.store, lead.vault, lead.round, lead.questionnaire);
    expect(view.kind === 'held' ? countOf(view.state) : null).toBe(3);
  });

  it('a member who has the very same questionnaire is not asked again; one with other content under its name is refused', async () => {
    const lead = await leadOnOwn();
    const code = encodeInvitation(invitationOf(lead.round));
    const same = new MemoryStore();
    const sameCatalog = catalogOf();
    await addToLibrary({ store: same, catalog: sameCatalog, now: () => NOW }, own, 'file');
    const member = new AnswerRoundModel({ store: same, catalog: sameCatalog }, code);
    await member.open();
    expect(member.opened.value).toEqual({ kind: 'open', invitation: invitationOf(lead.round) });

    const differs = new MemoryStore();
    const differsCatalog = catalogOf();
    await addToLibrary({ store: differs, catalog: differsCatalog, now: () => NOW }, other, 'file');
    const refused = new AnswerRoundModel({ store: differs, catalog: differsCatalog }, code);
    await refused.open();
    expect(refused.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'other-content', id: own.id, version: own.version }, attempt: expect.any(Number) });
    // The file cannot add it either: identity by content holds.
    await refused.openFile(fileOf(JSON.stringify(makeInvitationFile(invitationOf(lead.round), lead.questionnaire))));
    expect(refused.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'other-content', id: own.id, version: own.version }, attempt: expect.any(Number) });
  });
});

