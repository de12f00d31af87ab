import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartLines, summaryLineIds } from '../../src/core/history/chart-lines';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { scoreQuestionnaire } from '../../src/core/scoring';
import type { Sitting } from '../../src/core/storage/records';
import { makeSittings } from '../e2e/support/seed';

const shipped = (id: string) => JSON.parse(readFileSync(`questionnaires/${id}.json`, 'utf8')) as Questionnaire;

describe('the lines a history can draw', () => {
  it('start with the overall score for a questionnaire with one scale', () => {
    const lines = chartLines(shipped('production-service'));
    expect(lines[0]).toMatchObject({ id: 'overall', kind: 'overall', name: null });
    expect(summaryLineIds(lines)).toEqual(['overall']);
    expect(lines.filter((line) => line.kind === 'dimension')).toHaveLength(shipped('production-service').dimensions.length);
  });

  it("give a profile its two axes instead of an overall score, each read from the sitting's axis scores", () => {
    const profile = shipped('innovation-orientation');
    const lines = chartLines(profile);
    expect(lines.some((line) => line.kind === 'overall')).toBe(false);
    expect(summaryLineIds(lines)).toEqual(profile.axes!.map((axis) => `axis:${axis.id}`));
    const [sitting] = Object.values(makeSittings(profile, 1)) as Sitting[];
    const score = scoreQuestionnaire(profile, sitting!);
    for (const axis of profile.axes!) {
      const line = lines.find((l) => l.id === `axis:${axis.id}`)!;
      expect(line.name).toEqual(axis.name);
      expect(line.poles).toEqual({ from: axis.from, to: axis.to });
      expect(line.now(score)).toBe(score.axes!.find((a) => a.axis === axis.id)!.now);
      expect(line.now(score)).not.toBeNull();
    }
    // A dimension of a profile runs between its own axis's ends.
    const dimension = profile.dimensions[0]!;
    const axis = profile.axes!.find((a) => a.id === dimension.axis)!;
    expect(lines.find((l) => l.id === dimension.id)!.poles).toEqual({ from: axis.from, to: axis.to });
  });
});
