import { describe, expect, it } from 'vitest';
import { fromBase64url, toBase64url } from '../../src/core/round/base64url';
import { crc32 } from '../../src/core/round/crc32';
import { roundFingerprint } from '../../src/core/round/round-binding';
import { makeResponse, encodeResponseId } from '../../src/core/round/response';
import { encodeInvitation, parseInvitation, type Invitation } from '../../src/core/round/invitation';
import { createRoundKeys, describeCodeProblem, openResponse, sealResponse } from '../../src/core/round/sealing';
import { codesIn } from '../../src/ui/team/team-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);

function response(round: string) {
  const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, (i % 7) + 1]));
  return makeResponse({ questionnaire, round, response: encodeResponseId(crypto.getRandomValues(new Uint8Array(16))), answers, wanted: { 'dim-1': 6 } });
}

async function round(id = 'round-one', minGroup = 5) {
  const keys = await createRoundKeys();
  const binding = { round: id, minGroup, questionnaire: { id: questionnaire.id, version: questionnaire.version }, publicKey: keys.publicKey };
  return { id, keys, binding, target: { binding, privateKey: keys.privateKey, questionnaire } };
}

function problemOf(result: { ok: boolean; problem?: any }) {
  expect(result.ok).toBe(false);
  return describeCodeProblem((result as any).problem);
}

/** Changes one character of the code's body to another base64url character. */
function changeOne(code: string, at: number): string {
  const c = code[at]!;
  return code.slice(0, at) + (c === 'A' ? 'B' : 'A') + code.slice(at + 1);
}

describe('sealed response codes', () => {
  it('round-trips: only the round key opens the code, and it gives back the exact response', async () => {
    const { binding, target } = await round();
    const given = response('round-one');
    const code = await sealResponse(given, binding);
    expect(code).toMatch(/^SMR2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(code).not.toContain(given.response);
    const opened = await openResponse(code, target);
    expect(opened).toEqual({ ok: true, value: given });
  });

  it('accepts a code broken over lines, and splits a paste of many codes', async () => {
    const { binding, target } = await round();
    const codes = await Promise.all([1, 2, 3].map(() => sealResponse(response('round-one'), binding)));
    const wrapped = codes[0]!.replace(/(.{60})/g, '$1\n  ');
    expect((await openResponse(wrapped, target)).ok).toBe(true);
    const split = codesIn({ source: '', text: `${wrapped}\n\n${codes[1]} ${codes[2]}\n` }, (n) => `code ${n}`).map((c) => c.text);
    expect(split).toEqual([wrapped.replace(/\s+/g, ''), codes[1], codes[2]]);
  });

  it('refuses a code with one character changed as damaged or mistyped', async () => {
    const { binding, target } = await round();
    const code = await sealResponse(response('round-one'), binding);
    for (const at of [6, 40, Math.floor(code.length / 2), code.length - 12]) {
      expect(problemOf(await openResponse(changeOne(code, at), target))).toBe('This code is damaged or mistyped: check that it was copied whole');
    }
    expect(problemOf(await openResponse(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'), target))).toMatch(/damaged or mistyped/);
  });

  it('refuses a truncated code as damaged', async () => {
    const { binding, target } = await round();
    const code = await sealResponse(response('round-one'), binding);
    expect(problemOf(await openResponse(code.slice(0, code.length - 20), target))).toMatch(/damaged or mistyped/);
    expect(problemOf(await openResponse(code.slice(0, 30), target))).toMatch(/damaged or mistyped/);
  });

  it('refuses text that is no code, with its own message', async () => {
    const { target } = await round();
    expect(problemOf(await openResponse('hello there', target))).toBe('This is not a Shiftmeter response code');
    expect(problemOf(await openResponse('SMR2.' + 'A'.repeat(20_000), target))).toMatch(/too long/);
  });

  it("refuses another round's code by naming that round", async () => {
    const mine = await round('round-one');
    const other = await round('round-two');
    const code = await sealResponse(response('round-two'), other.binding);
    expect(problemOf(await openResponse(code, mine.target))).toBe('This code answers another round: round-two');
  });

  it('refuses a code sealed to a different key as one that cannot be opened', async () => {
    const mine = await round('round-one');
    const impostor = await createRoundKeys();
    const code = await sealResponse(response('round-one'), { ...mine.binding, publicKey: impostor.publicKey });
    expect(problemOf(await openResponse(code, mine.target))).toBe("This code could not be opened with this round's key and settings");
  });

  it('binds the minimum group and the questionnaire: a code sealed for other settings never opens', async () => {
    const lead = await round('round-one', 3);
    // A member shown minimum 10 (a substituted invitation would show something else) seals for 10.
    const sealedFor10 = await sealResponse(response('round-one'), { ...lead.binding, minGroup: 10 });
    expect(problemOf(await openResponse(sealedFor10, lead.target))).toMatch(/could not be opened with this round's key and settings/);
    const otherVersion = await sealResponse(response('round-one'), { ...lead.binding, questionnaire: { id: questionnaire.id, version: 2 } });
    expect(problemOf(await openResponse(otherVersion, lead.target))).toMatch(/could not be opened/);
    expect((await openResponse(await sealResponse(response('round-one'), lead.binding), lead.target)).ok).toBe(true);
  });

  it('refuses a code of Shiftmeter 0.1 and an invitation pasted as a response, each with its own reason', async () => {
    const { target } = await round();
    expect((await openResponse('SMR1.abcd.00000000', target) as { problem: unknown }).problem).toEqual({ kind: 'old-format' });
    const invitation = encodeInvitation({ round: 'round-one', name: 'A', questionnaire: { id: 'q', version: 1 }, minGroup: 5, publicKey: target.binding.publicKey });
    expect((await openResponse(invitation, target) as { problem: unknown }).problem).toEqual({ kind: 'wrong-kind' });
  });

  it('refuses a code for another questionnaire version', async () => {
    const { binding, target } = await round();
    const code = await sealResponse(response('round-one'), binding);
    const newer = { ...target, questionnaire: { ...questionnaire, version: 2 } };
    expect(problemOf(await openResponse(code, newer))).toMatch(/answers test-questionnaire version 1/);
  });

  it('keeps the private key out of reach', async () => {
    const { keys } = await round();
    expect(keys.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', keys.privateKey)).rejects.toThrow();
  });
});

describe('invitations', () => {
  it('round-trip through a short code with a checksum', async () => {
    const keys = await createRoundKeys();
    const invitation: Invitation = { round: 'abc_DEF-123', name: 'Team Alpha, spring 2027 – åäö', questionnaire: { id: 'production-service', version: 3 }, minGroup: 5, publicKey: keys.publicKey };
    const code = encodeInvitation(invitation);
    expect(code).toMatch(/^SMI2\./);
    expect(code.length).toBeLessThan(2048);
    expect(parseInvitation(`  ${code.slice(0, 50)}\n${code.slice(50)}  `)).toEqual({ ok: true, value: invitation });
    expect(parseInvitation(changeOne(code, 20)).ok).toBe(false);
    expect(parseInvitation(code.slice(0, -3)).ok).toBe(false);
    expect(parseInvitation('hello')).toEqual({ ok: false, problem: { kind: 'not-a-code' } });
    expect(parseInvitation('SMR2.abc.00000000')).toEqual({ ok: false, problem: { kind: 'wrong-kind' } });
    expect(parseInvitation('SMI1.abc.00000000')).toEqual({ ok: false, problem: { kind: 'old-format' } });
  });

  it('refuses, when read, an invitation whose key is not a point of the curve', async () => {
    const keys = await createRoundKeys();
    const raw = fromBase64url(keys.publicKey)!;
    raw[64] = raw[64]! ^ 1; // y no longer fits x
    const invitation: Invitation = { round: 'r1', name: 'Team', questionnaire: { id: 'production-service', version: 1 }, minGroup: 5, publicKey: toBase64url(raw) };
    expect(parseInvitation(encodeInvitation(invitation))).toEqual({ ok: false, problem: { kind: 'bad-key' } });
    expect(parseInvitation(encodeInvitation({ ...invitation, publicKey: keys.publicKey })).ok).toBe(true);
  });

  it('gives a fingerprint that changes with the key, the minimum group and the questionnaire', async () => {
    const keys = await createRoundKeys();
    const other = await createRoundKeys();
    const binding = { round: 'r1', minGroup: 10, questionnaire: { id: 'production-service', version: 1 }, publicKey: keys.publicKey };
    const print = await roundFingerprint(binding);
    expect(print).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(await roundFingerprint({ ...binding })).toBe(print);
    for (const changed of [{ ...binding, publicKey: other.publicKey }, { ...binding, minGroup: 3 }, { ...binding, questionnaire: { id: 'production-service', version: 2 } }, { ...binding, round: 'r2' }]) {
      expect(await roundFingerprint(changed)).not.toBe(print);
    }
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
