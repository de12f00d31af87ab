import { describe, expect, it } from 'vitest';
import { reflectionRows } from '../../src/ui/assessment/reflection-questions';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';
import { shippedQuestionnaireFiles } from '../helpers/shipped-files';
import type { Questionnaire } from '../../src/core/questionnaire/types';

const text = (en: string) => ({ en, sv: `${en} (sv)`, da: `${en} (da)` });

function withReflectionOn(indexes: number[]): Questionnaire {
  const q = structuredClone(makeProfileQuestionnaire()) as any;
  for (const index of indexes) {
    q.dimensions[index].reflection = { singleLoop: text(`Single ${index}`), doubleLoop: text(`Double ${index}`) };
  }
  return q as Questionnaire;
}

describe('reflectionRows (the result view\'s questions to discuss)', () => {
  it('gives nothing for a questionnaire without reflection questions, so the result shows no section', () => {
    expect(reflectionRows(makeQuestionnaire(), 'en')).toEqual([]);
  });

  it('lists the dimensions that have questions, in file order, in the content language', () => {
    expect(reflectionRows(withReflectionOn([2, 0]), 'sv')).toEqual([
      { dimension: 'dim-1', name: 'Dimension 1 (sv)', singleLoop: 'Single 0 (sv)', doubleLoop: 'Double 0 (sv)' },
      { dimension: 'dim-3', name: 'Dimension 3 (sv)', singleLoop: 'Single 2 (sv)', doubleLoop: 'Double 2 (sv)' },
    ]);
  });

  it('falls back to English for a language the file lacks, as every other text does', () => {
    expect(reflectionRows(withReflectionOn([1]), 'fi')[0]).toMatchObject({ name: 'Dimension 2', singleLoop: 'Single 1', doubleLoop: 'Double 1' });
  });

  it('shows both questions of every dimension of each shipped questionnaire, in Swedish and Danish too', () => {
    for (const file of shippedQuestionnaireFiles()) {
      const questionnaire = JSON.parse(file.text) as Questionnaire;
      for (const language of ['en', 'sv', 'da']) {
        const rows = reflectionRows(questionnaire, language);
        expect(rows.map((row) => row.dimension), file.name).toEqual(questionnaire.dimensions.map((d) => d.id));
        for (const row of rows) {
          expect(row.singleLoop, `${file.name} ${row.dimension} ${language}`).toBe(questionnaire.dimensions.find((d) => d.id === row.dimension)!.reflection!.singleLoop[language]);
        }
      }
    }
  });
});
