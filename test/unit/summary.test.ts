import { describe, expect, it } from 'vitest';
import { minutesFor, questionCountOf } from '../../src/core/questionnaire/summary';
import { makeProfileQuestionnaire, makeQuestionnaire } from '../helpers/questionnaire-fixture';

describe('how long a sitting takes, as the list says it', () => {
  it('counts the answers a sitting asks for: format 2 asks every statement pair twice, format 1 once plus one wanted per dimension', () => {
    expect(questionCountOf(makeQuestionnaire(8, 3))).toBe(24 + 8);
    expect(questionCountOf(makeProfileQuestionnaire())).toBe(2 * 12);
  });

  it('says about ten seconds an answer, in whole minutes, never less than one: a version-2 questionnaire of 24 pairs is about 8 minutes, within the ten the instrument allows', () => {
    expect(minutesFor(48)).toBe(8);
    expect(minutesFor(36)).toBe(6);
    expect(minutesFor(1)).toBe(1);
  });
});
