import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dimensionPoles, type Questionnaire } from '../../src/core/questionnaire/types';
import { QUESTIONNAIRE_DIR } from '../helpers/shipped-files';

const shipped = (id: string) => JSON.parse(readFileSync(path.join(QUESTIONNAIRE_DIR, `${id}.json`), 'utf8')) as Questionnaire;

describe('the poles a dimension runs between', () => {
  it("on a profile, are the ends of the dimension's own axis, not the questionnaire's poles", () => {
    const profile = shipped('innovation-orientation');
    // "origin" is scored on the direction axis: a set goal ↔ what emerges, not sustaining ↔ disruptive change.
    expect(dimensionPoles(profile, 'origin').from.en).toBe('a set goal');
    expect(dimensionPoles(profile, 'origin').to.en).toBe('what emerges');
    expect(dimensionPoles(profile, 'scope-of-change').from.sv).toBe('det beprövade');
    expect(dimensionPoles(profile, 'scope-of-change').to.da).toBe('det uafprøvede');
    for (const dimension of profile.dimensions) {
      const axis = profile.axes!.find((a) => a.id === dimension.axis)!;
      expect(dimensionPoles(profile, dimension.id)).toEqual({ from: axis.from, to: axis.to });
      expect(dimensionPoles(profile, dimension.id).to).not.toEqual(profile.poles.to);
    }
  });

  it("without axes, are the questionnaire's poles", () => {
    const questionnaire = shipped('production-service');
    for (const dimension of questionnaire.dimensions) {
      expect(dimensionPoles(questionnaire, dimension.id)).toEqual({ from: questionnaire.poles.from, to: questionnaire.poles.to });
    }
  });
});
