import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/core/round/crc32';
import { makeResponse, encodeResponseId } from '../../src/core/round/response';
import {
  createRoundKeys, describeCodeProblem, encodeInvitation, openResponse, parseInvitation, sealResponse, splitCodes, type Invitation,
} from '../../src/core/round/sealing';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);

function response(round: string) {
  const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, (i % 7) + 1]));
  return makeResponse({ questionnaire, round, response: encodeResponseId(crypto.getRandomValues(new Uint8Array(16))), answers, wanted: { 'dim-1': 6 } });
}

async function round(id = 'round-one') {
  const keys = await createRoundKeys();
  return { id, keys, target: { round: id, privateKey: keys.privateKey, questionnaire } };
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
    const { keys, target } = await round();
    const given = response('round-one');
    const code = await sealResponse(given, keys.publicKey);
    expect(code).toMatch(/^SMR1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(code).not.toContain(given.response);
    const opened = await openResponse(code, target);
    expect(opened).toEqual({ ok: true, value: given });
  });

  it('accepts a code broken over lines, and splits a paste of many codes', async () => {
    const { keys, target } = await round();
    const codes = await Promise.all([1, 2, 3].map(() => sealResponse(response('round-one'), keys.publicKey)));
    const wrapped = codes[0]!.replace(/(.{60})/g, '$1\n  ');
    expect((await openResponse(wrapped, target)).ok).toBe(true);
    expect(splitCodes(`${wrapped}\n\n${codes[1]} ${codes[2]}\n`)).toEqual([wrapped.replace(/\s+/g, ''), codes[1], codes[2]]);
  });

  it('refuses a code with one character changed as damaged or mistyped', async () => {
    const { keys, target } = await round();
    const code = await sealResponse(response('round-one'), keys.publicKey);
    for (const at of [6, 40, Math.floor(code.length / 2), code.length - 12]) {
      expect(problemOf(await openResponse(changeOne(code, at), target))).toBe('This code is damaged or mistyped: check that it was copied whole');
    }
    expect(problemOf(await openResponse(code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'), target))).toMatch(/damaged or mistyped/);
  });

  it('refuses a truncated code as damaged', async () => {
    const { keys, target } = await round();
    const code = await sealResponse(response('round-one'), keys.publicKey);
    expect(problemOf(await openResponse(code.slice(0, code.length - 20), target))).toMatch(/damaged or mistyped/);
    expect(problemOf(await openResponse(code.slice(0, 30), target))).toMatch(/damaged or mistyped/);
  });

  it('refuses text that is no code, with its own message', async () => {
    const { target } = await round();
    expect(problemOf(await openResponse('hello there', target))).toBe('This is not a Shiftmeter response code');
    expect(problemOf(await openResponse('SMR1.' + 'A'.repeat(20_000), target))).toMatch(/too long/);
  });

  it("refuses another round's code by naming that round", async () => {
    const mine = await round('round-one');
    const other = await round('round-two');
    const code = await sealResponse(response('round-two'), other.keys.publicKey);
    expect(problemOf(await openResponse(code, mine.target))).toBe('This code answers another round: round-two');
  });

  it('refuses a code sealed to a different key as one that cannot be opened', async () => {
    const mine = await round('round-one');
    const impostor = await createRoundKeys();
    const code = await sealResponse(response('round-one'), impostor.publicKey);
    expect(problemOf(await openResponse(code, mine.target))).toBe("This code could not be opened with this round's key");
  });

  it('refuses a code for another questionnaire version', async () => {
    const { keys, target } = await round();
    const code = await sealResponse(response('round-one'), keys.publicKey);
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
    expect(code).toMatch(/^SMI1\./);
    expect(code.length).toBeLessThan(2048);
    expect(parseInvitation(`  ${code.slice(0, 50)}\n${code.slice(50)}  `)).toEqual({ ok: true, value: invitation });
    expect(parseInvitation(changeOne(code, 20)).ok).toBe(false);
    expect(parseInvitation(code.slice(0, -3)).ok).toBe(false);
    expect(parseInvitation('SMR1.abc.00000000')).toEqual({ ok: false, problem: { kind: 'not-a-code' } });
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
