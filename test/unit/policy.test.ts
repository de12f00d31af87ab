import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_LIMITS, POLICY_SETTINGS } from '../../src/core/policy/format';
import { EMPTY_POLICY, MAX_PROBLEMS_PER_QUESTIONNAIRE, readPolicy } from '../../src/core/policy/read-policy';
import { describeProblem, type Problem } from '../../src/core/problems';
import { KNOWN_LANGUAGES } from '../../src/core/questionnaire/types';
import { LOWEST_MIN_GROUP } from '../../src/core/round/disclosure';
import { CADENCES } from '../../src/core/storage/records';
import { UI_LANGUAGES } from '../../src/ui/i18n/languages';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';

const text = (value: unknown) => JSON.stringify(value, null, 2);
const questionnaire = (id = 'our-check', version = 1) => ({ ...makeQuestionnaire(2, 3), id, version });
const lines = (problems: readonly Problem[]) => problems.map(describeProblem);
const codes = (problems: readonly Problem[]) => problems.map((problem) => `${problem.path} ${problem.code}`);

describe('an organisation policy that is absent or not an object', () => {
  it('is no policy at all, and no problem, when managed storage has nothing', () => {
    for (const raw of [null, undefined, {}]) expect(readPolicy(raw)).toEqual({ policy: EMPTY_POLICY, problems: [] });
    expect(EMPTY_POLICY).toEqual({ questionnaires: [], defaultLanguage: null, reminderCadences: {}, minimumGroupFloor: null, allowAddingQuestionnaires: true });
  });

  it('is ignored whole, with one problem, when it is not an object of settings', () => {
    for (const raw of [[], 'policy', 3, true]) {
      const { policy, problems } = readPolicy(raw);
      expect(policy).toBe(EMPTY_POLICY);
      expect(codes(problems)).toEqual([' not-a-policy']);
    }
    expect(lines(readPolicy(['x']).problems)).toEqual(["expected an object of settings, found an array; the organisation's policy is ignored"]);
  });
});

describe('each setting of a policy', () => {
  it('reads a policy that sets everything', () => {
    const first = questionnaire('our-check', 1);
    const { policy, problems } = readPolicy({
      preinstalledQuestionnaires: [text(first), text(makeProfileQuestionnaire())],
      defaultLanguage: 'sv',
      reminderCadences: { 'our-check': 'quarterly', 'production-service': 'off' },
      minimumGroupFloor: 7,
      allowAddingQuestionnaires: false,
    });
    expect(problems).toEqual([]);
    expect(policy.questionnaires.map((entry) => [entry.questionnaire.id, entry.questionnaire.version])).toEqual([['our-check', 1], [makeProfileQuestionnaire().id, 2]]);
    expect(policy.questionnaires[0]!.questionnaire).toEqual(first);
    expect(policy.questionnaires[0]!.text).toBe(text(first));
    expect(policy.defaultLanguage).toBe('sv');
    expect({ ...policy.reminderCadences }).toEqual({ 'our-check': 'quarterly', 'production-service': 'off' });
    expect(policy.minimumGroupFloor).toBe(7);
    expect(policy.allowAddingQuestionnaires).toBe(false);
  });

  it('defaultLanguage: one of the interface languages, else none', () => {
    for (const language of KNOWN_LANGUAGES) expect(readPolicy({ defaultLanguage: language })).toEqual({ policy: { ...EMPTY_POLICY, defaultLanguage: language }, problems: [] });
    const { policy, problems } = readPolicy({ defaultLanguage: 'fi' });
    expect(policy.defaultLanguage).toBeNull();
    expect(lines(problems)).toEqual(['defaultLanguage: is "fi"; expected one of "en", "sv", "da"']);
    expect(codes(readPolicy({ defaultLanguage: 3 }).problems)).toEqual(['defaultLanguage not-one-of']);
  });

  it('defaultLanguage offers exactly the languages the interface has', () => {
    expect([...KNOWN_LANGUAGES]).toEqual([...UI_LANGUAGES]);
  });

  it('reminderCadences: each entry on its own; a bad id or cadence costs only that entry', () => {
    const { policy, problems } = readPolicy({ reminderCadences: { 'our-check': 'monthly', 'Not An Id': 'monthly', other: 'weekly', constructor: 'half-yearly' } });
    expect({ ...policy.reminderCadences }).toEqual({ 'our-check': 'monthly', constructor: 'half-yearly' });
    expect(lines(problems)).toEqual([
      'reminderCadences: has the key "Not An Id", which is not valid; expected lower-case letters, digits and hyphens, starting with a letter, at most 64 characters',
      'reminderCadences.other: is "weekly"; expected one of "off", "monthly", "quarterly", "half-yearly"',
    ]);
    for (const cadence of CADENCES) expect(readPolicy({ reminderCadences: { q: cadence } }).problems).toEqual([]);
  });

  it('reminderCadences: looking up an id the policy did not set finds nothing, whatever the id', () => {
    const { policy } = readPolicy({ reminderCadences: { 'our-check': 'monthly' } });
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(policy.reminderCadences[id]).toBeUndefined();
  });

  it('reminderCadences: not an object, or too many entries', () => {
    expect(codes(readPolicy({ reminderCadences: ['monthly'] }).problems)).toEqual(['reminderCadences expected-type']);
    const many = Object.fromEntries(Array.from({ length: POLICY_LIMITS.reminderCadences + 5 }, (_, i) => [`q-${i}`, 'monthly']));
    const { policy, problems } = readPolicy({ reminderCadences: many });
    expect(Object.keys(policy.reminderCadences)).toHaveLength(POLICY_LIMITS.reminderCadences);
    expect(lines(problems)).toEqual([`reminderCadences: has ${POLICY_LIMITS.reminderCadences + 5} entries; expected at most ${POLICY_LIMITS.reminderCadences}`]);
  });

  it('minimumGroupFloor: a whole number from the product\'s own lowest to 50', () => {
    expect(POLICY_LIMITS.minimumGroupFloor.min).toBe(LOWEST_MIN_GROUP);
    for (const floor of [LOWEST_MIN_GROUP, 5, 50]) expect(readPolicy({ minimumGroupFloor: floor })).toEqual({ policy: { ...EMPTY_POLICY, minimumGroupFloor: floor }, problems: [] });
    for (const floor of [LOWEST_MIN_GROUP - 1, 51, 4.5, '5', null, -1]) {
      const { policy, problems } = readPolicy({ minimumGroupFloor: floor });
      expect(policy.minimumGroupFloor, String(floor)).toBeNull();
      expect(problems).toHaveLength(1);
    }
    expect(lines(readPolicy({ minimumGroupFloor: 2 }).problems)).toEqual(['minimumGroupFloor: is 2; expected a whole number from 3 to 50']);
  });

  it('allowAddingQuestionnaires: true unless set to false', () => {
    expect(readPolicy({ allowAddingQuestionnaires: true }).policy.allowAddingQuestionnaires).toBe(true);
    expect(readPolicy({ allowAddingQuestionnaires: false }).policy.allowAddingQuestionnaires).toBe(false);
    const { policy, problems } = readPolicy({ allowAddingQuestionnaires: 'no' });
    expect(policy.allowAddingQuestionnaires).toBe(true);
    expect(lines(problems)).toEqual(['allowAddingQuestionnaires: expected true or false']);
  });

  it('names a key that is not a setting and ignores it, keeping the settings beside it', () => {
    const { policy, problems } = readPolicy({ defaultLanguage: 'da', colour: 'blue', 'odd key': 1, DefaultLanguage: 'sv' });
    expect(policy).toEqual({ ...EMPTY_POLICY, defaultLanguage: 'da' });
    expect(lines(problems)).toEqual([
      `colour: is not a Shiftmeter policy setting and is ignored; the settings are ${POLICY_SETTINGS.join(', ')}`,
      `["odd key"]: is not a Shiftmeter policy setting and is ignored; the settings are ${POLICY_SETTINGS.join(', ')}`,
      `DefaultLanguage: is not a Shiftmeter policy setting and is ignored; the settings are ${POLICY_SETTINGS.join(', ')}`,
    ]);
  });

  it('one wrong setting never costs the others', () => {
    const { policy, problems } = readPolicy({ defaultLanguage: 'xx', minimumGroupFloor: 6, reminderCadences: 'monthly', allowAddingQuestionnaires: false, preinstalledQuestionnaires: [text(questionnaire())] });
    expect(policy.minimumGroupFloor).toBe(6);
    expect(policy.allowAddingQuestionnaires).toBe(false);
    expect(policy.questionnaires).toHaveLength(1);
    expect(codes(problems)).toEqual(['defaultLanguage not-one-of', 'reminderCadences expected-type']);
  });
});

describe('preinstalled questionnaires', () => {
  it('takes each valid questionnaire with the text it came as, in the policy\'s order', () => {
    const texts = [text(questionnaire('b-check')), JSON.stringify(questionnaire('a-check')), `\ufeff${text(questionnaire('c-check'))}`];
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: texts });
    expect(problems).toEqual([]);
    expect(policy.questionnaires.map((entry) => entry.questionnaire.id)).toEqual(['b-check', 'a-check', 'c-check']);
    expect(policy.questionnaires.map((entry) => entry.text)).toEqual(texts);
  });

  it('drops a damaged questionnaire, naming it by its index, and keeps the others', () => {
    const damaged = { ...questionnaire('broken'), version: '2', items: questionnaire().items.slice(1) };
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: [text(questionnaire('one')), text(questionnaire('two')), text(damaged), text(questionnaire('four'))] });
    expect(policy.questionnaires.map((entry) => entry.questionnaire.id)).toEqual(['one', 'two', 'four']);
    expect(lines(problems)).toEqual([
      'preinstalledQuestionnaires[2]: is not used: it is not a valid questionnaire (2 problems)',
      'preinstalledQuestionnaires[2].version: expected a whole number, found the string "2"',
      'preinstalledQuestionnaires[2].dimensions[0]: dimension "dim-1" has 2 items; expected at least 3 so that its score is reliable',
    ]);
    // The structured form moves with it, so the dashboard words it in the reader's language.
    expect(problems[1]!.code).toBe('expected-type');
    expect(problems[2]!.params).toEqual({ dimension: '"dim-1"', count: 2, min: 3 });
  });

  it('drops an entry that is not JSON, not a questionnaire, or not text', () => {
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: ['{"kind": "questionnaire",', '[1, 2]', 42, '', '   ', null, { kind: 'questionnaire' }] });
    expect(policy.questionnaires).toEqual([]);
    expect(lines(problems)).toEqual([
      'preinstalledQuestionnaires[0]: is not used: it is not a valid questionnaire (1 problem)',
      'preinstalledQuestionnaires[0]: is not valid JSON: line 1, column 26: found the end of the file; expected a property name in double quotes',
      'preinstalledQuestionnaires[1]: is not used: it is not a valid questionnaire (1 problem)',
      'preinstalledQuestionnaires[1]: expected an object, found an array (a questionnaire file holds one JSON object)',
      'preinstalledQuestionnaires[2]: expected a string, found the number 42',
      'preinstalledQuestionnaires[3]: is not used: it is not a valid questionnaire (1 problem)',
      'preinstalledQuestionnaires[3]: is empty; expected JSON text, such as an object in { }',
      'preinstalledQuestionnaires[4]: is not used: it is not a valid questionnaire (1 problem)',
      'preinstalledQuestionnaires[4]: is empty; expected JSON text, such as an object in { }',
      'preinstalledQuestionnaires[5]: expected a string, found null',
      'preinstalledQuestionnaires[6]: expected a string, found an object',
    ]);
  });

  it('shows at most a few of a refused questionnaire\'s problems, and says how many it has', () => {
    const base = makeQuestionnaire(5, 5);
    const many = { ...base, items: base.items.map((item) => ({ ...item, leftPole: 'left' })) };
    const { problems } = readPolicy({ preinstalledQuestionnaires: [text(many)] });
    const total = problems[0]!.params!.count as number;
    expect(total).toBeGreaterThan(MAX_PROBLEMS_PER_QUESTIONNAIRE);
    expect(problems).toHaveLength(1 + MAX_PROBLEMS_PER_QUESTIONNAIRE);
    expect(problems.every((problem) => problem.path.startsWith('preinstalledQuestionnaires[0]'))).toBe(true);
  });

  it('keeps the first of two entries with the same id and version; two versions of one id are both kept', () => {
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: [text(questionnaire('our-check', 1)), text(questionnaire('our-check', 2)), JSON.stringify(questionnaire('our-check', 1))] });
    expect(policy.questionnaires.map((entry) => entry.questionnaire.version)).toEqual([1, 2]);
    expect(lines(problems)).toEqual(['preinstalledQuestionnaires[2]: is "our-check" version 1 again (first at preinstalledQuestionnaires[0]); it is ignored']);
  });

  it('is a list: anything else is refused with one problem', () => {
    const { problems } = readPolicy({ preinstalledQuestionnaires: text(questionnaire()) });
    expect(lines(problems)).toHaveLength(1);
    expect(lines(problems)[0]).toMatch(/^preinstalledQuestionnaires: expected an array, found the string "\{/);
    expect(readPolicy({ preinstalledQuestionnaires: [] })).toEqual({ policy: EMPTY_POLICY, problems: [] });
  });
});

describe('the limits of a policy', () => {
  const small = text(questionnaire());

  it('are 50 questionnaires, 512 KB each and 4 MB together', () => {
    expect(POLICY_LIMITS).toMatchObject({ questionnaires: 50, questionnaireBytes: 512_000, totalQuestionnaireBytes: 4_000_000 });
  });

  it('uses the first 50 questionnaires and says the rest are ignored', () => {
    const entries = Array.from({ length: 53 }, (_, i) => text(questionnaire(`q-${i}`)));
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: entries });
    expect(policy.questionnaires.map((entry) => entry.questionnaire.id)).toEqual(Array.from({ length: 50 }, (_, i) => `q-${i}`));
    expect(lines(problems)).toEqual(['preinstalledQuestionnaires: has 53 questionnaires; the first 50 are used and the rest ignored']);
  });

  it('refuses a questionnaire over 512 KB, counted in bytes of UTF-8, and keeps one just under', () => {
    const padded = (bytes: number, char = ' ') => {
      const padding = bytes - new TextEncoder().encode(small).length;
      return `${small}${char.repeat(Math.floor(padding / new TextEncoder().encode(char).length))}`;
    };
    const under = padded(POLICY_LIMITS.questionnaireBytes);
    expect(new TextEncoder().encode(under).length).toBe(POLICY_LIMITS.questionnaireBytes);
    expect(readPolicy({ preinstalledQuestionnaires: [under] }).problems).toEqual([]);
    // Å is two bytes in UTF-8: fewer characters than the limit, more bytes.
    const over = `${small}\n${'Å'.repeat(POLICY_LIMITS.questionnaireBytes / 2)}`;
    expect(over.length).toBeLessThan(POLICY_LIMITS.questionnaireBytes * 0.6);
    expect(lines(readPolicy({ preinstalledQuestionnaires: [small, over] }).problems)).toEqual([
      'preinstalledQuestionnaires[1]: is not used: it is not a valid questionnaire (1 problem)',
      'preinstalledQuestionnaires[1]: is larger than 512 KB; expected a file of at most that size',
    ]);
  });

  it('ignores the questionnaire that takes the policy past 4 MB, and every one after it', () => {
    // Nine entries of about 500 KB: the ninth passes 4 MB.
    const big = (i: number) => `${' '.repeat(499_000)}${text(questionnaire(`big-${i}`))}`;
    const entries = Array.from({ length: 10 }, (_, i) => big(i));
    const { policy, problems } = readPolicy({ preinstalledQuestionnaires: entries });
    expect(policy.questionnaires.map((entry) => entry.questionnaire.id)).toEqual(Array.from({ length: 7 }, (_, i) => `big-${i}`));
    expect(lines(problems)).toEqual(["preinstalledQuestionnaires[7]: makes the policy's questionnaires larger than 4 MB together, so 3 questionnaires are ignored: this one and those after it"]);
    const last = readPolicy({ preinstalledQuestionnaires: entries.slice(0, 8) }).problems;
    expect(lines(last)).toEqual(["preinstalledQuestionnaires[7]: makes the policy's questionnaires larger than 4 MB together, so 1 questionnaire is ignored: this one"]);
  });
});

describe('readPolicy never throws', () => {
  const check = (raw: unknown) => {
    const { policy, problems } = readPolicy(raw);
    expect(Array.isArray(policy.questionnaires)).toBe(true);
    expect(policy.defaultLanguage === null || (KNOWN_LANGUAGES as readonly string[]).includes(policy.defaultLanguage)).toBe(true);
    expect(policy.minimumGroupFloor === null || Number.isInteger(policy.minimumGroupFloor)).toBe(true);
    expect(typeof policy.allowAddingQuestionnaires).toBe('boolean');
    for (const cadence of Object.values(policy.reminderCadences)) expect(CADENCES).toContain(cadence);
    for (const problem of problems) expect(typeof describeProblem(problem)).toBe('string');
  };

  it('whatever value it is given', () => {
    fc.assert(fc.property(fc.anything({
      withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true,
      withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true,
    }), check), { numRuns: 500 });
  });

  it('whatever each setting holds', () => {
    const value = fc.oneof(fc.anything({ withNullPrototype: true, withSparseArray: true }), fc.constantFrom(...KNOWN_LANGUAGES, ...CADENCES, 3, 50, true, false));
    const setting = fc.constantFrom(...POLICY_SETTINGS, '__proto__', 'constructor', 'extra');
    const questionnaires = fc.array(fc.oneof(value, fc.constant(text(questionnaire())), fc.string()), { maxLength: 5 });
    fc.assert(fc.property(fc.dictionary(setting, value), questionnaires, fc.dictionary(fc.string(), value), (policy, entries, cadences) => {
      check(policy);
      check({ ...policy, preinstalledQuestionnaires: entries, reminderCadences: cadences });
    }), { numRuns: 300 });
  });

  it('even on a value built to fail when read', () => {
    const hostile = Object.defineProperty({}, 'defaultLanguage', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(readPolicy(hostile)).toEqual({ policy: EMPTY_POLICY, problems: [{ path: '', message: "The organisation's policy could not be read, so it is not used" }] });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(readPolicy(revoked.proxy).policy).toBe(EMPTY_POLICY);
  });
});
