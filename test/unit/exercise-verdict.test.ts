import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exerciseVerdict } from '../../src/core/pack/exercise-verdict';
import { isCorrect, type ExerciseAnswer } from '../../src/core/pack/pack-records';
import type { CoursePack, Exercise } from '../../src/core/pack/types';
import { verdictSentence } from '../../src/dashboard/courses/exercise-feedback';
import { checkedSentence } from '../../src/dashboard/courses/exercise-view';
import { daDashboard } from '../../src/ui/i18n/da-dashboard';
import { enDashboard, type MessageKey } from '../../src/ui/i18n/en-dashboard';
import { interpolate, type Params } from '../../src/ui/i18n/interpolate';
import { svDashboard } from '../../src/ui/i18n/sv-dashboard';
import type { UiLanguage } from '../../src/ui/i18n/languages';

const PACKS = ['pack-cafe', 'pack-asymmetries', 'pack-tax-agency'].map((id) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as CoursePack);
const cafe = PACKS[0]!;
const sort = cafe.exercises.find((e) => e.kind === 'sort')!;
const choose = cafe.exercises.find((e) => e.kind === 'choose')!;
const place = cafe.exercises.find((e) => e.kind === 'place')!;
if (sort.kind !== 'sort' || choose.kind !== 'choose' || place.kind !== 'place') throw new Error('pack-cafe has one exercise of each kind');

const flip = (pole: 'from' | 'to') => (pole === 'from' ? 'to' : 'from');
const translate = (messages: Readonly<Record<string, string>>, language: string) => (key: MessageKey, params?: Params) => interpolate(messages[key] ?? key, params, language);
const en = translate(enDashboard, 'en');

/** Any answer a stored record can hold for the exercise, complete or not. */
function answers(exercise: Exercise): fc.Arbitrary<ExerciseAnswer> {
  if (exercise.kind === 'sort') {
    return fc.record(Object.fromEntries(exercise.statements.map((s) => [s.id, fc.constantFrom<'from' | 'to'>('from', 'to')])), { requiredKeys: [] }) as fc.Arbitrary<ExerciseAnswer>;
  }
  if (exercise.kind === 'choose') return fc.constantFrom(...exercise.options.map((o) => o.id));
  return fc.integer({ min: 1, max: 7 });
}

describe('the verdict on an exercise', () => {
  it('names, by their numbers as shown, the statements that are on the other side', () => {
    const answer = Object.fromEntries(sort.statements.map((s, i) => [s.id, i === 2 || i === 5 ? flip(s.pole) : s.pole]));
    const verdict = exerciseVerdict(sort, answer);
    expect(verdict).toMatchObject({ kind: 'sort', right: false, total: 8, matching: 6 });
    expect(verdict?.kind === 'sort' && verdict.misplaced.map((item) => [item.number, item.id, item.chosen, item.pole])).toEqual(
      [2, 5].map((i) => [i + 1, sort.statements[i]!.id, flip(sort.statements[i]!.pole), sort.statements[i]!.pole]),
    );
    expect(verdictSentence(en, verdict!, 'en')).toBe('2 of 8 are on the other side: statements 3 and 6.');
    expect(checkedSentence(en, verdict!)).toBe('Checked: 6 of 8 match.');
  });

  it('says it in one short sentence per check, and names the items, in every language', () => {
    const one = Object.fromEntries(sort.statements.map((s, i) => [s.id, i === 0 ? flip(s.pole) : s.pole]));
    const three = Object.fromEntries(sort.statements.map((s, i) => [s.id, i < 3 ? flip(s.pole) : s.pole]));
    // English lists are British, as every English date and number is (languages.ts): no comma before "and".
    const cases: [UiLanguage, Readonly<Record<string, string>>, string[]][] = [
      ['en', enDashboard, ['1 of 8 is on the other side: statement 1.', 'Checked: 7 of 8 match.', '3 of 8 are on the other side: statements 1, 2 and 3.', 'Checked: 5 of 8 match.']],
      ['sv', svDashboard, ['1 av 8 hör till andra sidan: påstående 1.', 'Kontrollerat: 7 av 8 stämmer.', '3 av 8 hör till andra sidan: påstående 1, 2 och 3.', 'Kontrollerat: 5 av 8 stämmer.']],
      ['da', daDashboard, ['1 af 8 hører til på den anden side: udsagn 1.', 'Tjekket: 7 af 8 passer.', '3 af 8 hører til på den anden side: udsagn 1, 2 og 3.', 'Tjekket: 5 af 8 passer.']],
    ];
    for (const [language, messages, expected] of cases) {
      const t = translate(messages, language);
      const first = exerciseVerdict(sort, one)!;
      const second = exerciseVerdict(sort, three)!;
      expect([verdictSentence(t, first, language), checkedSentence(t, first), verdictSentence(t, second, language), checkedSentence(t, second)], language).toEqual(expected);
    }
    const allRight = exerciseVerdict(sort, Object.fromEntries(sort.statements.map((s) => [s.id, s.pole])))!;
    expect(verdictSentence(en, allRight, 'en')).toBe('All 8 match. Well reasoned.');
    expect(checkedSentence(en, exerciseVerdict(sort, Object.fromEntries(sort.statements.map((s, i) => [s.id, i === 0 ? s.pole : flip(s.pole)])))!)).toBe('Checked: 1 of 8 matches.');
  });

  it('counts a statement not yet placed as not matching, never as right', () => {
    const verdict = exerciseVerdict(sort, { [sort.statements[0]!.id]: sort.statements[0]!.pole });
    expect(verdict).toMatchObject({ right: false, matching: 1 });
    expect(verdict?.kind === 'sort' && verdict.misplaced[0]).toMatchObject({ number: 2, chosen: null });
  });

  it('takes the better option as right, and places within one step of the expert as agreeing', () => {
    const best = choose.options.find((o) => o.best)!;
    const other = choose.options.find((o) => !o.best)!;
    expect(exerciseVerdict(choose, best.id)).toEqual({ kind: 'choose', right: true, chosen: best.id, best: [best.id] });
    expect(exerciseVerdict(choose, other.id)).toMatchObject({ right: false });
    expect(verdictSentence(en, exerciseVerdict(choose, other.id)!, 'en')).toBe('Another option suits the aim better.');
    const expert = place.expert.position;
    const far = expert <= 4 ? expert + 3 : expert - 3;
    expect(exerciseVerdict(place, far)).toEqual({ kind: 'place', right: false, position: far, expert, distance: 3 });
    expect(verdictSentence(en, exerciseVerdict(place, far)!, 'en')).toBe('3 steps from the expert.');
    expect(checkedSentence(en, exerciseVerdict(place, far)!)).toBe('Checked: 3 steps from the expert.');
    expect(exerciseVerdict(place, expert === 7 ? 6 : expert + 1)).toMatchObject({ right: true, distance: 1 });
  });

  it('refuses an answer of another kind instead of guessing', () => {
    expect(exerciseVerdict(sort, 'a')).toBeNull();
    expect(exerciseVerdict(choose, 3)).toBeNull();
    expect(exerciseVerdict(place, { a: 'from' })).toBeNull();
  });

  it('agrees with isCorrect on every answer to every shipped exercise, and marks exactly the statements that differ', () => {
    for (const exercise of PACKS.flatMap((pack) => pack.exercises)) {
      fc.assert(fc.property(answers(exercise), (answer) => {
        const verdict = exerciseVerdict(exercise, answer)!;
        expect(verdict.right).toBe(isCorrect(exercise, answer));
        if (verdict.kind === 'sort' && exercise.kind === 'sort' && typeof answer === 'object') {
          expect(verdict.misplaced.map((item) => item.id)).toEqual(exercise.statements.filter((s) => answer[s.id] !== s.pole).map((s) => s.id));
          expect(verdict.matching + verdict.misplaced.length).toBe(exercise.statements.length);
        }
      }));
    }
  });
});
