import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/core/round/aggregator';
import { contributionOf } from '../../src/core/round/figure-sums';
import { checkAgainst, makeResponse } from '../../src/core/round/response';
import { createSimulation } from '../../src/core/round/simulation';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { makeProfileQuestionnaire } from '../helpers/questionnaire-fixture';

// Team rounds on a questionnaire of format 2: "does not apply" answers are simply not in
// the response, and "wanted" travels per item, under item ids, scored like "now".
const questionnaire = makeProfileQuestionnaire();
const items = questionnaire.items.map((item) => item.id);

describe('team rounds on a questionnaire of format 2', () => {
  it('a member\'s response carries wanted per answered item and nothing of the items that do not apply', () => {
    const answers = Object.fromEntries(items.filter((id) => id !== 'dim-1-3').map((id) => [id, 3]));
    const wantedItems = Object.fromEntries(items.map((id) => [id, 6]));
    const response = makeResponse({ questionnaire, round: 'r1', response: 'a', answers, wanted: {}, wantedItems });
    expect(Object.keys(response.answers)).not.toContain('dim-1-3');
    expect(Object.keys(response.wanted).sort()).toEqual(Object.keys(answers).sort());
    expect(checkAgainst(response, questionnaire)).toEqual([]);
    // A response of format 1's kind (wanted per dimension) does not fit a questionnaire of format 2.
    expect(checkAgainst({ ...response, wanted: { 'dim-1': 4 } }, questionnaire).map((p) => p.message)).toEqual([
      'names no item of test-questionnaire version 2',
    ]);
  });

  it('adds to each dimension\'s wanted figure the person\'s wanted score, as in their own result', () => {
    const answers = Object.fromEntries(items.map((id, i) => [id, 1 + (i % 7)]));
    const wantedItems = Object.fromEntries(items.map((id, i) => [id, 7 - (i % 7)]));
    const response = makeResponse({ questionnaire, round: 'r1', response: 'a', answers, wanted: {}, wantedItems });
    const own = scoreQuestionnaire(questionnaire, { answers, wanted: {}, wantedItems });
    const contribution = contributionOf(questionnaire, response);
    contribution.dimensions.forEach((part, d) => {
      const wantedScore = own.dimensions[d]!.wanted!;
      // Kept as the position on the dimension's scale it stands for: 1 + score × 6 / 100.
      expect(part.wanted).toBeCloseTo(1 + (wantedScore * 6) / 100, 10);
      // The same score, made with one division: equal scores are equal numbers to the last bit (exact-mean.ts).
      expect(part.now).toBeCloseTo(own.dimensions[d]!.now!, 10);
    });
  });

  it('publishes a wanted mean equal to the mean of the members\' wanted scores, from the minimum group', () => {
    const aggregator = createAggregator({ questionnaire, minGroup: 3, round: 'r1' });
    const members = [2, 4, 6].map((position, i) => makeResponse({
      questionnaire, round: 'r1', response: `m${i}`,
      answers: Object.fromEntries(items.map((id) => [id, 4])), wanted: {},
      wantedItems: Object.fromEntries(items.map((id) => [id, position])),
    }));
    members.slice(0, 2).forEach((r, i) => aggregator.add(`${i}`, r));
    expect(aggregator.result().suppressed).toBe(true);
    aggregator.add('2', members[2]!);
    const expected = members.map((r) => scoreQuestionnaire(questionnaire, { answers: r.answers, wanted: {}, wantedItems: r.wanted }).dimensions[0]!.wanted!);
    expect(aggregator.result().dimensions[0]!.wantedMean).toBe(Math.round(expected.reduce((a, b) => a + b, 0) / 3));
  });

  it('simulates responses that fit the questionnaire, with wanted per item, the same for the same seed', () => {
    const first = createSimulation(questionnaire, 5, 'r1');
    const again = createSimulation(questionnaire, 5, 'r1');
    for (let i = 0; i < 50; i++) {
      const response = first.next();
      expect(checkAgainst(response, questionnaire)).toEqual([]);
      expect(Object.keys(response.wanted).every((id) => items.includes(id))).toBe(true);
      expect(again.next()).toEqual(response);
    }
  });
});
