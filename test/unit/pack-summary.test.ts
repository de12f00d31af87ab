import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoredExerciseAnswer } from '../../src/core/pack/pack-records';
import { MAX_SUMMARY_NAME, packSummary, selfAssessmentSummary, type PackSummaryInput } from '../../src/core/pack/pack-summary';
import type { CoursePack } from '../../src/core/pack/types';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../src/core/scoring';
import type { Sitting } from '../../src/core/storage/records';

const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;
const questionnaire = JSON.parse(readFileSync('questionnaires/production-service.json', 'utf8')) as Questionnaire;
const [sort, choose, place] = [pack.exercises[0]!, pack.exercises[1]!, pack.exercises[2]!];
if (sort.kind !== 'sort' || choose.kind !== 'choose' || place.kind !== 'place') throw new Error('pack-cafe starts with sort, choose, place');
const at = '2027-03-01T10:00:00.000Z';
const stored = (answer: StoredExerciseAnswer['answer'], checked: boolean): StoredExerciseAnswer => ({ schema: 1, answer, checked, updatedAt: at });
const flip = (pole: 'from' | 'to') => (pole === 'from' ? 'to' : 'from');

function input(overrides: Partial<PackSummaryInput> = {}): PackSummaryInput {
  return { pack, language: 'en', madeAt: at, answers: {}, notes: {}, name: { include: false, text: '' }, selfAssessment: null, ...overrides };
}

const sitting: Sitting = {
  schema: 1,
  id: 'sitting-1',
  questionnaire: { id: questionnaire.id, version: questionnaire.version },
  startedAt: at,
  completedAt: at,
  language: 'en',
  answers: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, (i % 7) + 1])),
  wanted: Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, ((i * 3) % 7) + 1])),
};

describe('a student’s summary', () => {
  it('carries the name only when the student ticked to include it, trimmed and no longer than a name', () => {
    expect(packSummary(input({ name: { include: false, text: 'Åsa Lind' } })).name).toBeNull();
    expect(packSummary(input({ name: { include: true, text: '  Åsa Lind ' } })).name).toBe('Åsa Lind');
    expect(packSummary(input({ name: { include: true, text: '   ' } })).name).toBeNull();
    expect(packSummary(input({ name: { include: true, text: 'x'.repeat(500) } })).name).toHaveLength(MAX_SUMMARY_NAME);
  });

  it('holds every exercise in order with the answers, and a verdict only where feedback was asked for', () => {
    const sortAnswer = Object.fromEntries(sort.statements.map((s, i) => [s.id, i === 3 ? flip(s.pole) : s.pole]));
    const summary = packSummary(input({
      answers: { [sort.id]: stored(sortAnswer, true), [choose.id]: stored(choose.options.find((o) => !o.best)!.id, false) },
    }));
    expect(summary.title).toBe(pack.title.en);
    expect(summary.exercises.map((e) => [e.number, e.id, e.status])).toEqual(pack.exercises.map((e, i) => [i + 1, e.id, i === 0 ? 'checked' : i === 1 ? 'not-checked' : 'not-answered']));
    const [first, second, third] = summary.exercises;
    expect(first?.kind === 'sort' && first.statements[3]).toEqual({
      number: 4, text: sort.statements[3]!.text.en, chosen: pack.poles[flip(sort.statements[3]!.pole)].en, belongs: pack.poles[sort.statements[3]!.pole].en, matches: false,
    });
    expect(first?.kind === 'sort' && first.statements.filter((s) => s.matches).length).toBe(7);
    expect(first?.verdict).toMatchObject({ kind: 'sort', matching: 7, misplaced: [{ number: 4 }] });
    // Not checked: the answer is there, what the feedback would say is not.
    expect(second).toMatchObject({ kind: 'choose', status: 'not-checked', verdict: null, better: [], choice: choose.options.find((o) => !o.best)!.text.en });
    expect(third).toMatchObject({ kind: 'place', status: 'not-answered', position: null, expert: null });
  });

  it('says where a checked placement and the expert stand, and which option was the better one', () => {
    const summary = packSummary(input({ language: 'sv', answers: { [place.id]: stored(1, true), [choose.id]: stored(choose.options.find((o) => !o.best)!.id, true) } }));
    expect(summary.exercises[2]).toMatchObject({ kind: 'place', practice: place.practice.sv, position: 1, expert: place.expert.position, status: 'checked' });
    expect(summary.exercises[1]).toMatchObject({ better: choose.options.filter((o) => o.best).map((o) => o.text.sv), verdict: { right: false } });
    expect(summary.title).toBe(pack.title.sv);
  });

  it('keeps each reflection with its prompt, and says none was written rather than printing blanks', () => {
    const summary = packSummary(input({ notes: { [pack.reflections[0]!.id]: '  First line\nsecond line  ', [pack.reflections[1]!.id]: ' \n ' } }));
    expect(summary.reflections).toEqual(pack.reflections.map((r, i) => ({ id: r.id, prompt: r.prompt.en, text: i === 0 ? 'First line\nsecond line' : null })));
  });

  it('shows the self-assessment with the figures the result view shows', () => {
    const result = selfAssessmentSummary(questionnaire, sitting, 'da');
    const score = scoreQuestionnaire(questionnaire, sitting);
    expect(result).toMatchObject({ questionnaireId: questionnaire.id, title: questionnaire.title.da, completedAt: at, from: questionnaire.poles.from.da, to: questionnaire.poles.to.da, overall: score.overall });
    expect(result.dimensions.map((d) => [d.id, d.name, d.now, d.wanted, d.gap])).toEqual(score.dimensions.map((d) => [d.dimension, questionnaire.dimensions.find((x) => x.id === d.dimension)!.name.da, d.now, d.wanted, d.gap]));
    expect(packSummary(input({ selfAssessment: result })).selfAssessment).toBe(result);
    expect(packSummary(input()).selfAssessment).toBeNull();
  });
});
