import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/core/problems';
import { checkAgainst, encodeResponseId, makeResponse, parseResponse, type AnonymisedResponse } from '../../src/core/round/response';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);

function valid(): Record<string, unknown> {
  return {
    format: 'shiftmeter-response',
    formatVersion: 1,
    questionnaire: { id: 'test-questionnaire', version: 1 },
    round: 'team-alpha_2027',
    response: 'KWU10Ny8qP2bvPR9OpXL2g',
    answers: { 'dim-1-1': 2, 'dim-1-2': 7, 'dim-2-1': 4 },
    wanted: { 'dim-1': 6 },
  };
}

function problemsOf(text: string): string[] {
  const result = parseResponse(text);
  return result.ok ? [] : result.problems.map(describeProblem);
}

const mutated = (change: (r: any) => void) => {
  const r = valid() as any;
  change(r);
  return JSON.stringify(r);
};

describe('parseResponse', () => {
  it('accepts a valid response and returns exactly its fields', () => {
    const result = parseResponse(JSON.stringify(valid()));
    expect(result).toEqual({ ok: true, value: valid() });
  });

  it('refuses any other field, because it could identify a person', () => {
    const problems = problemsOf(mutated((r) => (r.name = 'Eva Svensson')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^name: is not part of an anonymised response and is refused, because it could identify a person/);
    expect(problemsOf(mutated((r) => (r.questionnaire.title = 'x')))[0]).toMatch(/^questionnaire\.title: is not a known field/);
  });

  it('names an answer out of range by its path', () => {
    expect(problemsOf(mutated((r) => (r.answers['dim-1-1'] = 9)))).toEqual(['answers.dim-1-1: is 9; expected a whole number from 1 to 7']);
    expect(problemsOf(mutated((r) => (r.wanted['dim-1'] = 2.5)))).toEqual(['wanted.dim-1: expected a whole number, found the number 2.5']);
    expect(problemsOf(mutated((r) => (r.answers['dim-1-1'] = '3')))).toEqual(['answers.dim-1-1: expected a whole number, found the string "3"']);
  });

  it('refuses keys that are not ids, such as __proto__', () => {
    const text = JSON.stringify(valid()).replace('"dim-1-1":2', '"__proto__":3');
    expect(problemsOf(text)).toEqual(['answers: has the key "__proto__", which is not an id; expected lower-case letters, digits and hyphens, starting with a letter, at most 64 characters']);
    expect(problemsOf(mutated((r) => (r.wanted = { constructor: 3, 'Big-One': 4 })))).toEqual([
      'wanted: has the key "Big-One", which is not an id; expected lower-case letters, digits and hyphens, starting with a letter, at most 64 characters',
    ]);
  });

  it('checks round and response ids', () => {
    expect(problemsOf(mutated((r) => (r.round = 'team alpha')))).toEqual(['round: "team alpha" is not valid; expected 1 to 64 letters, digits, "-" or "_"']);
    expect(problemsOf(mutated((r) => (r.response = 'x'.repeat(65))))).toEqual(['response: is 65 characters long; expected at most 64']);
    expect(problemsOf(mutated((r) => delete r.response))).toEqual(['response: is missing; this field is required']);
  });

  it('checks the fixed fields and the questionnaire reference', () => {
    expect(problemsOf(mutated((r) => (r.format = 'other')))).toEqual(['format: is "other"; expected "shiftmeter-response"']);
    expect(problemsOf(mutated((r) => (r.formatVersion = 2)))).toEqual(['formatVersion: is 2; expected 1']);
    expect(problemsOf(mutated((r) => (r.questionnaire.version = 0)))).toEqual(['questionnaire.version: is 0; expected a whole number from 1 to 1000000']);
  });

  it('refuses a response without answers, but not one without wanted positions', () => {
    expect(problemsOf(mutated((r) => (r.answers = {})))).toEqual(['answers: is empty; expected at least 1 answer']);
    expect(problemsOf(mutated((r) => (r.wanted = {})))).toEqual([]);
  });

  it('refuses what is not a response object, too large, or too deep', () => {
    expect(problemsOf('[]')).toEqual(['expected an object, found an array (a response file holds one JSON object)']);
    expect(problemsOf('{"format": ')[0]).toMatch(/not valid JSON/);
    expect(problemsOf(mutated((r) => (r.round = 'x'.repeat(70_000))))[0]).toMatch(/larger than 64 KB/);
    expect(problemsOf(mutated((r) => (r.extra = [[[[[[[[1]]]]]]]])))[0]).toMatch(/nested more than 8 levels/);
  });
});

describe('checkAgainst', () => {
  const parsed = (change: (r: any) => void = () => {}) => {
    const result = parseResponse(mutated(change));
    if (!result.ok) throw new Error(result.problems.map(describeProblem).join());
    return result.value;
  };
  const against = (response: AnonymisedResponse) => checkAgainst(response, questionnaire).map(describeProblem);

  it('finds nothing wrong with a response to the questionnaire', () => {
    expect(against(parsed())).toEqual([]);
  });

  it('names answers and wanted positions the questionnaire lacks', () => {
    expect(against(parsed((r) => ((r.answers['dim-9-1'] = 3), (r.wanted['dim-7'] = 2))))).toEqual([
      'answers.dim-9-1: names no item of test-questionnaire version 1',
      'wanted.dim-7: names no dimension of test-questionnaire version 1',
    ]);
  });

  it('names another questionnaire or version', () => {
    expect(against(parsed((r) => (r.questionnaire.id = 'other')))).toEqual(['questionnaire.id: is "other"; expected "test-questionnaire"']);
    expect(against(parsed((r) => (r.questionnaire.version = 2)))).toEqual(['questionnaire.version: is 2; expected 1']);
  });
});

describe('makeResponse', () => {
  it("keeps only the questionnaire's items and dimensions, in its order, and round-trips", () => {
    const response = makeResponse({
      questionnaire,
      round: 'r1',
      response: 'abc',
      answers: { 'dim-2-1': 3, 'dim-1-2': 5, 'dim-1-1': 9, unknown: 4, 'dim-1-3': 2.5 },
      wanted: { 'dim-2': 7, 'dim-1': 0 },
    });
    expect(Object.keys(response.answers)).toEqual(['dim-1-2', 'dim-2-1']);
    expect(response.wanted).toEqual({ 'dim-2': 7 });
    expect(parseResponse(JSON.stringify(response))).toEqual({ ok: true, value: response });
  });

  it('round-trips a response of format 2 with a wanted position for each of more than 20 items (wanted is asked per item)', () => {
    const perItem = { ...makeQuestionnaire(8, 3), formatVersion: 2 } as typeof questionnaire;
    const positions = Object.fromEntries(perItem.items.map((item, i) => [item.id, 1 + (i % 7)]));
    const response = makeResponse({ questionnaire: perItem, round: 'r1', response: 'abc', answers: positions, wanted: {}, wantedItems: positions });
    expect(Object.keys(response.wanted)).toHaveLength(24);
    expect(parseResponse(JSON.stringify(response))).toEqual({ ok: true, value: response });
    expect(checkAgainst(response, perItem).map(describeProblem)).toEqual([]);
  });

  it('throws on a bad id or no answer: those are bugs, not input', () => {
    const base = { questionnaire, round: 'r1', response: 'abc', answers: { 'dim-1-1': 3 }, wanted: {} };
    expect(() => makeResponse({ ...base, round: 'a b' })).toThrow(RangeError);
    expect(() => makeResponse({ ...base, answers: {} })).toThrow(RangeError);
  });
});

describe('encodeResponseId', () => {
  it('encodes 16 bytes as 22 base64url characters', () => {
    for (const seed of [0, 1, 255, 128]) {
      const bytes = Uint8Array.from({ length: 16 }, (_, i) => (seed * 31 + i * 17) % 256);
      const id = encodeResponseId(bytes);
      expect(id).toBe(Buffer.from(bytes).toString('base64url'));
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });
});
