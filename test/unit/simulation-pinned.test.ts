import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createItemAnalyser } from '../../src/core/analysis/item-analysis';
import { parseKitFile } from '../../src/core/kit-file';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { createSimulation } from '../../src/core/round/simulation';
import { ROOT } from '../helpers/kit';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

function shipped(file: string): Questionnaire {
  const parsed = parseKitFile(readFileSync(path.join(ROOT, 'questionnaires', file), 'utf8'));
  if (!parsed.ok || parsed.file.kind !== 'questionnaire') throw new Error(`${file} is not a questionnaire`);
  return parsed.file.questionnaire;
}

/** 200 responses of a seed as text, hashed: any change to what a seed draws changes the hash. */
function drawn(questionnaire: Questionnaire, seed: number, options = {}): string {
  const simulation = createSimulation(questionnaire, seed, 'pinned', options);
  return createHash('sha256').update(Array.from({ length: 200 }, () => JSON.stringify(simulation.next())).join('\n')).digest('hex');
}

describe('simulated responses', () => {
  // Hashes taken before `--weak-item` was added: a seed gives the files it always gave,
  // for format 2 (production-service 2), format 1 (its version 1) and a questionnaire built in code.
  it('are what each seed gave before the weak-item option, when it is not used', () => {
    expect(drawn(shipped('production-service.json'), 7)).toBe('618c0a1bdf8948c7f1148aedcba5da72408c909d36413aeb839930973a3c3628');
    expect(drawn(shipped('earlier/production-service.v1.json'), 3)).toBe('9702d6218dadeaa7af01ddb3f463855cc89fed509a939e2dd83dc5e27b2404f1');
    expect(drawn(makeQuestionnaire(), 11)).toBe('d1894934328056ff5e35dffcf0d85b131cd635a5074ccef2b40887e95753d896');
  });

  it('with a weak item differ only in that item\'s answers, which the item analysis flags', () => {
    const questionnaire = shipped('production-service.json');
    const weak = 'value-3';
    const plain = createSimulation(questionnaire, 7, 'r');
    const noisy = createSimulation(questionnaire, 7, 'r', { weakItem: weak });
    const analyser = createItemAnalyser(questionnaire);
    let differs = 0;
    for (let i = 0; i < 300; i++) {
      const a = plain.next();
      const b = noisy.next();
      const { [weak]: before, ...others } = a.answers;
      const { [weak]: after, ...othersNoisy } = b.answers;
      expect(othersNoisy).toEqual(others);
      expect(b.wanted).toEqual(a.wanted);
      if (before !== after) differs++;
      analyser.add(b);
    }
    expect(differs).toBeGreaterThan(100);
    const dimensions = analyser.result(5).dimensions;
    const flagged = dimensions.filter((d) => d.items.some((item) => item.flags.some((f) => f.kind === 'low-item-rest'))).map((d) => d.id);
    expect(flagged).toEqual(['value']);
    const value = dimensions[0]!;
    const noise = value.items.find((item) => item.id === weak)!;
    expect(noise.flags.map((f) => f.kind)).toContain('low-item-rest');
    expect(noise.alphaIfDropped!).toBeGreaterThan(value.alpha!);
    expect(Math.min(...value.items.map((item) => item.itemRest!))).toBe(noise.itemRest);
  });
});
