import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKitFile } from '../../src/core/kit-file';
import { makeResponse, parseResponse } from '../../src/core/round/response';
import { encodeInvitation, parseInvitation, sealResponse } from '../../src/core/round/sealing';
import { importCodes, startRound } from '../../src/ui/team/team-store';
import { memoryRoundKeys } from '../helpers/memory-round-keys';
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

const memoryKeys = memoryRoundKeys;

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

  it('round invitations: never throws, and a damaged one is refused', async () => {
    const store = new MemoryStore();
    const round = await startRound(store, memoryKeys(), { name: 'Hostile', questionnaire, minGroup: 3 }, new Date());
    const valid = encodeInvitation({ round: round.id, name: round.name, questionnaire: round.questionnaire, minGroup: 3, publicKey: round.publicKey });
    expect(parseInvitation(valid).ok).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutations(valid)), (text) => {
        const result = parseInvitation(text);
        if (text.replace(/\s/g, '') !== valid) expect(result.ok && JSON.stringify(result.value) === JSON.stringify(parseInvitation(valid))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('response codes: never throws, a damaged one is refused, and refused imports write nothing', async () => {
    const store = new MemoryStore();
    const keys = memoryKeys();
    const round = await startRound(store, keys, { name: 'Hostile', questionnaire, minGroup: 3 }, new Date());
    const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 4]));
    const valid = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'resp-ok', answers, wanted: {} }), round.publicKey);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), mutations(valid)), async (text) => {
        fc.pre(text.replace(/\s/g, '') !== valid);
        const before = store.snapshot();
        const report = await importCodes(store, keys, round, questionnaire, [{ source: 'pasted', text }]);
        expect(report.entries.every((entry) => entry.status === 'refused')).toBe(true);
        expect(store.snapshot()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
