import { describe, expect, it } from 'vitest';
import { encodeInvitation, parseInvitation } from '../../src/core/round/invitation';
import { roundFingerprint } from '../../src/core/round/round-binding';
import { invitationOf, isRound, roundKey, tallyKey, type Round } from '../../src/core/round/round-record';
import { countOf, publishedOf } from '../../src/core/round/round-state';
import { createRoundKeys, sealResponse } from '../../src/core/round/sealing';
import { makeResponse } from '../../src/core/round/response';
import { isSitting, type Sitting } from '../../src/core/storage/records';
import { AssessmentModel } from '../../src/ui/assessment/assessment-model';
import { createCatalog } from '../../src/ui/catalog';
import { DataModel } from '../../src/ui/data-model';
import { codesIn, earlierRounds, importCodes, loadRound, sealSitting, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const now = () => new Date('2027-03-01T09:00:00.000Z');

async function finishedSitting(store: MemoryStore, round: { id: string; name: string }, position: number): Promise<Sitting> {
  const model = new AssessmentModel({ store, catalog: catalogOf(questionnaire), language: () => 'en', now, newId: () => `s-${position}` }, questionnaire.id, round);
  await until(() => model.stage.value.kind === 'ready');
  for (const item of questionnaire.items) await model.answer(item.id, position);
  for (const dimension of questionnaire.dimensions) await model.want(dimension.id, 7);
  return (await model.finish())!;
}

/** A lead with a round, and codes from members whose every answer is at `positions[i]`. */
async function leadWithCodes(minGroup: number, positions: number[]) {
  const store = new MemoryStore();
  const vault = memoryRoundVault();
  const round = await startRound(store, vault, { name: 'Team Alpha', questionnaire, minGroup }, now());
  const codes = await Promise.all(positions.map((p, i) => sealResponse(makeResponse({
    questionnaire, round: round.id, response: `member-${i}`,
    answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, p])), wanted: {},
  }), invitationOf(round))));
  const data = new DataModel({ store, catalog: createCatalog([]), now, vault });
  const importSome = (some: string[]) => importCodes(store, vault, round.id, questionnaire, some.map((text, i) => ({ source: `code ${i + 1}`, text })));
  const restore = async (text: string, mode: 'merge-take-backup' | 'replace' = 'merge-take-backup') => {
    await data.readBackupFile({ size: text.length, text: async () => text });
    const state = data.restore.value;
    if (state.kind !== 'preview') return state;
    await data.applyRestore(mode);
    return data.restore.value;
  };
  return { store, vault, round, codes, data, importSome, restore };
}

describe('team rounds, lead and members together', () => {
  it('marks a round sitting with the round, and old sittings stay valid', async () => {
    const sitting = await finishedSitting(new MemoryStore(), { id: 'round-1', name: 'Team Alpha' }, 3);
    expect(sitting.round).toEqual({ id: 'round-1', name: 'Team Alpha' });
    expect(isSitting(sitting)).toBe(true);
    const { round: _round, ...old } = sitting;
    expect(isSitting(old)).toBe(true);
  });

  it('starts a round, seals members’ sittings and imports them into figures, never into records of one person', async () => {
    const lead = new MemoryStore();
    const vault = memoryRoundVault();
    const round = await startRound(lead, vault, { name: 'Team Alpha', questionnaire, minGroup: 3 }, now());
    expect(isRound(lead.snapshot()[roundKey(round.id)])).toBe(true);
    const invitation = parseInvitation(encodeInvitation(invitationOf(round)));
    if (!invitation.ok) throw new Error('the invitation did not parse');
    const codes: string[] = [];
    for (const position of [2, 4, 6]) codes.push(await sealSitting(await finishedSitting(new MemoryStore(), round, position), invitation.value, questionnaire));
    // Sealing the same sitting twice gives a different code each time (a fresh response id).
    expect(await sealSitting(await finishedSitting(new MemoryStore(), round, 2), invitation.value, questionnaire)).not.toBe(codes[0]);

    const first = await importCodes(lead, vault, round.id, questionnaire, codesIn({ source: '', text: `${codes[0]}\n${codes[1]}` }, (n) => `code ${n}`));
    expect(first.entries.map((e) => e.status)).toEqual(['counted', 'counted']);
    expect(publishedOf(first.state)).toBeNull();
    const second = await importCodes(lead, vault, round.id, questionnaire, codesIn({ source: '', text: `${codes[2]} ${codes[0]}` }, (n) => `code ${n}`));
    expect(second.entries.map((e) => e.status)).toEqual(['counted', 'duplicate']);
    expect(second.published).toBe(true);
    const view = await loadRound(lead, vault, round, questionnaire);
    expect(view.kind).toBe('held');
    expect(view.summary?.published?.n).toBe(3);
    expect(view.summary?.published?.dimensions.map((d) => d.wantedMean)).toEqual([100, 100]);
    // Extension storage, and so any backup, holds the summary only: no scores of few people, no codes.
    const stored = JSON.stringify(lead.snapshot()[tallyKey(round.id)]);
    expect(stored).not.toMatch(/answers|response|SMR|"now"|pending/);
  });

  it('imports from two pages at once without losing a response', async () => {
    const { importSome, codes, vault, round } = await leadWithCodes(3, [1, 2, 3, 4, 5, 6]);
    await Promise.all(codes.map((code) => importSome([code])));
    const state = (await vault.state(round.id)) as { seen: string[] };
    expect(state.seen).toHaveLength(6);
  });

  it('refuses every code when this browser does not hold the round', async () => {
    const { store, round, codes } = await leadWithCodes(3, [3]);
    await expect(importCodes(store, memoryRoundVault(), round.id, questionnaire, [{ source: 'c', text: codes[0]! }])).rejects.toThrow(/cannot count codes/);
  });

  it('lists earlier rounds of the same questionnaire with their published figures', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const spring = await startRound(store, vault, { name: 'Spring', questionnaire, minGroup: 3 }, new Date('2027-03-01T08:00:00.000Z'));
    const autumn = await startRound(store, vault, { name: 'Autumn', questionnaire, minGroup: 3 }, new Date('2027-09-01T08:00:00.000Z'));
    const codes = await Promise.all([1, 2, 3].map((i) => sealResponse(makeResponse({ questionnaire, round: spring.id, response: `r-${i}`, answers: { 'dim-1-1': i, 'dim-1-2': i, 'dim-2-1': i, 'dim-2-2': i }, wanted: {} }), invitationOf(spring))));
    await importCodes(store, vault, spring.id, questionnaire, codes.map((text, i) => ({ source: `c${i}`, text })));
    expect((await earlierRounds(store, autumn, questionnaire)).map((e) => [e.round.name, e.figures.n])).toEqual([['Spring', 3]]);
    expect(await earlierRounds(store, spring, questionnaire)).toEqual([]);
  });
});

describe('team rounds keep their promise against a lead with the product and a text editor', () => {
  it('attack 1: a restore cannot roll a round back, so re-importing another subset changes nothing', async () => {
    const { data, importSome, restore, codes, vault, round, store } = await leadWithCodes(5, [1, 2, 3, 5, 6, 7]);
    const backupBefore = await data.backupText();
    await importSome(codes.slice(0, 5));
    const loaded = await loadRound(store, vault, round, questionnaire);
    const figures = loaded.kind === 'held' ? publishedOf(loaded.state) : null;
    expect(figures).not.toBeNull();
    for (const [mode, sixth] of [['merge-take-backup', 'counted'], ['replace', 'duplicate']] as const) {
      const restored = await restore(backupBefore, mode);
      expect(restored.kind).toBe('done');
      const again = await importSome(codes.slice(1, 6));
      expect(again.entries.map((e) => e.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', sixth]);
      const view = await loadRound(store, vault, round, questionnaire);
      // Six in: one waits (it is not enough for a new batch), the published figures are the same.
      expect(view.kind === 'held' && publishedOf(view.state)).toEqual(figures);
    }
    expect(countOf((await vault.state(round.id)) as { seen: string[] })).toBe(6);
  });

  it('attacks 2 and 3: an edited backup (lower minimum, other count or sequence) is refused whole, and nothing is written', async () => {
    const { data, importSome, restore, codes, store, vault, round } = await leadWithCodes(5, [1, 2, 3, 5, 6, 7]);
    await importSome(codes.slice(0, 5));
    const backup = JSON.parse(await data.backupText());
    const edits: ((b: any) => void)[] = [
      (b) => { b.records[roundKey(round.id)].minGroup = 3; },
      (b) => { b.records[tallyKey(round.id)].minGroup = 3; },
      (b) => { b.records[tallyKey(round.id)].sequence += 1; },
      (b) => { b.records[tallyKey(round.id)].count += 4; },
      (b) => { b.records[roundKey(round.id)].publicKey = round.publicKey.slice(0, -1) + (round.publicKey.endsWith('A') ? 'B' : 'A'); },
    ];
    const storedBefore = JSON.stringify(store.snapshot());
    const vaultBefore = JSON.stringify(await vault.states());
    for (const edit of edits) {
      const copy = structuredClone(backup);
      edit(copy);
      const result = await restore(JSON.stringify(copy));
      expect(result).toEqual({ kind: 'refused-rounds', rounds: ['Team Alpha'] });
      expect(JSON.stringify(store.snapshot())).toBe(storedBefore);
      expect(JSON.stringify(await vault.states())).toBe(vaultBefore);
    }
    // A backup in the form of Shiftmeter 0.1, its tally listing one waiting code four times: the
    // reader keeps only a summary, and a restore never writes a round this browser holds.
    const old = structuredClone(backup);
    old.records[tallyKey(round.id)] = { schema: 1, round: round.id, questionnaire: round.questionnaire, minGroup: 5, seen: [], main: { n: 0, overall: [], dimensions: [] }, pendingCodes: [codes[5], codes[5], codes[5], codes[5]], published: null };
    const summaryBefore = store.snapshot()[tallyKey(round.id)];
    expect((await restore(JSON.stringify(old))).kind).toBe('done');
    expect(store.snapshot()[tallyKey(round.id)]).toEqual(summaryBefore);
    expect(JSON.stringify(await vault.states())).toBe(vaultBefore);
    // The round's own minimum still rules the next import.
    const sixth = await importSome([codes[5]!]);
    expect(sixth.entries[0]!.status).toBe('counted');
    expect(publishedOf(sixth.state)!.n).toBe(5);
  });

  it('on another browser, a restored round shows its figures and cannot import', async () => {
    const { data, importSome, codes } = await leadWithCodes(3, [2, 4, 6]);
    await importSome(codes);
    const other = new MemoryStore();
    const otherVault = memoryRoundVault();
    const otherData = new DataModel({ store: other, catalog: createCatalog([]), now, vault: otherVault });
    const text = await data.backupText();
    await otherData.readBackupFile({ size: text.length, text: async () => text });
    expect(await otherData.applyRestore('merge-keep-mine')).toBe(true);
    const restored = other.snapshot();
    const roundRecord = Object.entries(restored).find(([k]) => k.startsWith('round:'))![1] as Round;
    const view = await loadRound(other, otherVault, roundRecord, questionnaire);
    expect(view.kind).toBe('not-held');
    expect(view.summary?.published?.n).toBe(3);
    await expect(importCodes(other, otherVault, roundRecord.id, questionnaire, [{ source: 'c', text: codes[0]! }])).rejects.toThrow();
  });

  it('attack 5: a substituted invitation shows another fingerprint, and its codes do not open in the real round', async () => {
    const { round, importSome } = await leadWithCodes(5, []);
    const impostor = await createRoundKeys();
    const real = invitationOf(round);
    const substituted = { ...real, publicKey: impostor.publicKey };
    expect(await roundFingerprint(substituted)).not.toBe(await roundFingerprint(real));
    const lowered = { ...real, minGroup: 3 };
    expect(await roundFingerprint(lowered)).not.toBe(await roundFingerprint(real));
    // A member who answered the lowered invitation sealed for minimum 3: the real round (minimum 5) refuses it.
    const code = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'm', answers: { 'dim-1-1': 2 }, wanted: {} }), lowered);
    const report = await importSome([code]);
    expect(report.entries).toEqual([{ source: 'code 1', status: 'refused', problem: { kind: 'cannot-open' } }]);
  });
});

/** Seals the way Shiftmeter 0.1 did (SMR1: the round id as HKDF salt and associated data). */
async function sealV1(response: ReturnType<typeof makeResponse>, publicKey: string): Promise<string> {
  const { fromBase64url, toBase64url } = await import('../../src/core/round/base64url');
  const { wrapCode, concatBytes } = await import('../../src/core/round/code-text');
  const curve = { name: 'ECDH', namedCurve: 'P-256' } as const;
  const roundKeyObject = await crypto.subtle.importKey('raw', fromBase64url(publicKey)!, curve, false, []);
  const ephemeral = (await crypto.subtle.generateKey(curve, true, ['deriveBits'])) as CryptoKeyPair;
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: roundKeyObject }, ephemeral.privateKey, 256);
  const roundBytes = new TextEncoder().encode(response.round);
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const key = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: roundBytes, info: new TextEncoder().encode('shiftmeter-response-v1') }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: roundBytes }, key, new TextEncoder().encode(JSON.stringify(response))));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  return wrapCode('SMR1.', toBase64url(concatBytes([Uint8Array.of(roundBytes.length), roundBytes, raw, iv, cipher])));
}

describe('a round started by Shiftmeter 0.1', () => {
  it('moves its tally beside the key once, re-sealing its waiting codes, and goes on counting', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const keys = await createRoundKeys();
    const round: Round = { schema: 1, id: 'old-round', name: 'Old', questionnaire: { id: questionnaire.id, version: 1 }, minGroup: 3, createdAt: '2026-11-01T00:00:00.000Z', publicKey: keys.publicKey };
    const response = (i: number) => makeResponse({ questionnaire, round: round.id, response: `old-${i}`, answers: Object.fromEntries(questionnaire.items.map((item) => [item.id, i])), wanted: {} });
    // The 0.1 tally: three responses in the figures, two waiting as SMR1 codes.
    const dims = questionnaire.dimensions.map((d) => ({ id: d.id, scores: [0, 50, 100], wantedSum: 0, wantedCount: 0, alpha: { n: 3, itemSum: [12, 12, 12], itemSumOfSquares: [56, 56, 56], totalSum: 36, totalSumOfSquares: 504 } }));
    const pendingCodes = [await sealV1(response(2), keys.publicKey), await sealV1(response(3), keys.publicKey)];
    await store.set({
      [roundKey(round.id)]: round,
      [tallyKey(round.id)]: { schema: 1, round: round.id, questionnaire: round.questionnaire, minGroup: 3, seen: ['h1', 'h2', 'h3', 'h4', 'h5'], main: { n: 3, overall: [0, 50, 100], dimensions: dims }, pendingCodes, published: null },
    });
    vault.keys.set(round.id, keys.privateKey);
    const view = await loadRound(store, vault, round, questionnaire);
    expect(view.kind).toBe('held');
    if (view.kind !== 'held') return;
    expect(view.state.pending.map((p) => p.code.slice(0, 5))).toEqual(['SMR2.', 'SMR2.']);
    expect(countOf(view.state)).toBe(5);
    expect((store.snapshot()[tallyKey(round.id)] as { schema: number }).schema).toBe(2);
    // A new code makes three waiting: they enter every figure together.
    const third = await sealResponse(response(6), invitationOf(round));
    const report = await importCodes(store, vault, round.id, questionnaire, [{ source: 'c', text: third }]);
    expect(report.entries[0]!.status).toBe('counted');
    expect(publishedOf(report.state)!.n).toBe(6);
    expect(report.state.pending).toEqual([]);
    // Codes of 0.1 are no longer accepted for new imports, with their own reason.
    const old = await importCodes(store, vault, round.id, questionnaire, [{ source: 'c', text: await sealV1(response(5), keys.publicKey) }]);
    expect(old.entries[0]).toEqual({ source: 'c', status: 'refused', problem: { kind: 'old-format' } });
  });
});
