import type { Questionnaire } from '../../../src/core/questionnaire/types';

/** Realistic stored sittings, spread unevenly over time, for tests and the benchmark. */
export function makeSittings(questionnaire: Questionnaire, count: number, start = Date.parse('2024-01-15T09:00:00.000Z')) {
  const records: Record<string, unknown> = {};
  let time = start;
  for (let n = 0; n < count; n++) {
    time += (10 + ((n * 37) % 80)) * 86_400_000;
    const drift = Math.min(6, 1 + Math.floor((n * 6) / Math.max(1, count)));
    const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((drift + i + n) % 7)]));
    const wanted = Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, 1 + ((i + 5) % 7)]));
    const id = `seed-${String(n).padStart(5, '0')}`;
    const iso = new Date(time).toISOString();
    records[`sitting:${id}`] = {
      schema: 1, id, questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt: new Date(time - 600_000).toISOString(), completedAt: iso, language: 'en', answers, wanted,
    };
  }
  return records;
}
