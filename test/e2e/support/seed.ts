import { asksWantedPerItem, type Questionnaire } from '../../../src/core/questionnaire/types';

/**
 * Realistic stored sittings, spread unevenly over time, for tests and the benchmark,
 * shaped as the app stores a sitting of the questionnaire's format: format 1 with one
 * "wanted" per dimension; format 2 with "wanted" per item (`wantedItems`), `wanted: {}`
 * and the items answered "does not apply" (none here).
 */
export function makeSittings(questionnaire: Questionnaire, count: number, start = Date.parse('2024-01-15T09:00:00.000Z')) {
  const records: Record<string, unknown> = {};
  const perItem = asksWantedPerItem(questionnaire);
  let time = start;
  for (let n = 0; n < count; n++) {
    time += (10 + ((n * 37) % 80)) * 86_400_000;
    const drift = Math.min(6, 1 + Math.floor((n * 6) / Math.max(1, count)));
    const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((drift + i + n) % 7)]));
    const wanted = perItem ? {} : Object.fromEntries(questionnaire.dimensions.map((d, i) => [d.id, 1 + ((i + 5) % 7)]));
    const id = `seed-${String(n).padStart(5, '0')}`;
    const iso = new Date(time).toISOString();
    records[`sitting:${id}`] = {
      schema: 1, id, questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt: new Date(time - 600_000).toISOString(), completedAt: iso, language: 'en', answers, wanted,
      ...(perItem ? { wantedItems: Object.fromEntries(questionnaire.items.map((item, i) => [item.id, 1 + ((i + 5) % 7)])), notApplicable: [] } : {}),
    };
  }
  return records;
}
