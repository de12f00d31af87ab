import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKitFile } from '../../src/core/kit-file';
import { crc32Hex } from '../../src/core/round/crc32';
import { encodeInvitation, parseInvitation } from '../../src/core/round/invitation';
import { makeResponse, parseResponse } from '../../src/core/round/response';
import { invitationOf } from '../../src/core/round/round-record';
import { sealResponse } from '../../src/core/round/sealing';
import { codesIn, importCodes, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

/**
 * Every importer gets random and mutated input: nothing may throw, and a refused
 * import leaves storage exactly as it was. (Backups are covered in backup.test.ts.)
 */
const questionnaire = makeQuestionnaire(2, 3);

/** Damages a valid text the way copying and pasting does: cuts, insertions, replaced characters. */
function mutations(valid: string) {
  return fc.oneof(
    fc.tuple(fc.nat(valid.length), fc.nat(30), fc.string({ maxLength: 12 })).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut)),
    fc.nat(Math.max(0, valid.length - 1)).map((at) => valid.slice(0, at)),
    fc.tuple(fc.nat(Math.max(0, valid.length - 1)), fc.string({ minLength: 1, maxLength: 1 })).map(([at, ch]) => valid.slice(0, at) + ch + valid.slice(at + 1)),
  );
}

/**
 * Whether a text is the valid code as a reader takes it: whitespace never belongs to a
 * code and the checksum's hex digits are read in either case. Any other change is damage.
 */
function sameCode(text: string, valid: string): boolean {
  const code = text.replace(/\s/g, '');
  return code.length === valid.length && code.slice(0, -8) === valid.slice(0, -8) && code.slice(-8).toLowerCase() === valid.slice(-8);
}

/** Damage with the checksum made to fit again, so that only the code's contents can reveal it. */
function rechecked(valid: string) {
  return mutations(valid.slice(0, valid.lastIndexOf('.'))).map((text) => `${text}.${crc32Hex(text)}`);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The code with unused bits of its body's last character set, checksum refitted: the same bytes in other texts. */
function unusedBitsSet(valid: string): string[] {
  const checked = valid.slice(0, valid.lastIndexOf('.'));
  const unused = [0, 0, 4, 2][(checked.length - checked.indexOf('.') - 1) % 4]!;
  const last = BASE64URL.indexOf(checked.at(-1)!);
  return Array.from({ length: (1 << unused) - 1 }, (_, i) => checked.slice(0, -1) + BASE64URL[last | (i + 1)])
    .map((text) => `${text}.${crc32Hex(text)}`);
}

describe('hostile input', () => {
  const pack = readFileSync('questionnaires/pack-cafe.json', 'utf8');
  const shipped = readFileSync('questionnaires/production-service.json', 'utf8');

  it('questionnaire and course-pack files: never throws, always answers with a file or problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutations(shipped), mutations(pack)), (text) => {
        const result = parseKitFile(text);
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('anonymised response files: never throws, and keys such as __proto__ never reach an object prototype', () => {
    const valid = JSON.stringify(makeResponse({ questionnaire, round: 'round-1', response: 'resp-1', answers: { 'dim-1-1': 3 }, wanted: {} }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutations(valid), fc.constant(valid.replace('"answers":{', '"answers":{"__proto__":4,'))), (text) => {
        const result = parseResponse(text);
        if (result.ok) expect(Object.getPrototypeOf(result.value.answers)).not.toHaveProperty('polluted');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });

  it('round invitations: never throws, and one that is not the same code is refused', async () => {
    const store = new MemoryStore();
    const round = await startRound(store, memoryRoundVault(), { name: 'Hostile', questionnaire, minGroup: 3 }, new Date());
    const valid = encodeInvitation(invitationOf(round));
    expect(parseInvitation(valid).ok).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutations(valid), fc.constant(valid.slice(0, -8) + valid.slice(-8).toUpperCase())), (text) => {
        const result = parseInvitation(text);
        if (sameCode(text, valid)) expect(result).toEqual(parseInvitation(valid));
        else expect(result.ok).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('response codes: never throws, one that is not the same code is refused even with a fitting checksum, and refused imports write nothing', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const round = await startRound(store, vault, { name: 'Hostile', questionnaire, minGroup: 3 }, new Date());
    const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 4]));
    const seal = (response: string) => sealResponse(makeResponse({ questionnaire, round: round.id, response, answers, wanted: {} }), invitationOf(round));
    // A response id of a length that leaves unused bits in the code's last character, so there are other texts of the same bytes to refuse.
    let valid = await seal('resp-ok');
    if (unusedBitsSet(valid).length === 0) valid = await seal('resp-ok1');
    const sameBytes = unusedBitsSet(valid);
    expect(sameBytes.length).toBeGreaterThan(0);
    const texts = fc.oneof(fc.string(), mutations(valid), rechecked(valid), fc.constantFrom(...sameBytes));
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        fc.pre(!sameCode(text, valid));
        const before = { store: store.snapshot(), vault: structuredClone(vault.stored) };
        const report = await importCodes(store, vault, round.id, questionnaire, codesIn({ source: 'pasted', text }, (n) => `code ${n}`));
        expect(report.entries.every((entry) => entry.status === 'refused')).toBe(true);
        expect({ store: store.snapshot(), vault: vault.stored }).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
