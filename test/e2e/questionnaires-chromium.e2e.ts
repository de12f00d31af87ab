import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { shippedQuestionnaire } from './support/answers';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { takeByClicks } from './support/take-by-clicks';
import { storedRecords } from './support/stored';

const LOCK = JSON.parse(readFileSync('questionnaires/lock.json', 'utf8')) as Record<string, string>;
const SHIPPED = Object.keys(LOCK).map((entry) => entry.split('@')[0]!);

describe('every shipped questionnaire in Chromium', () => {
  let ext: ChromiumExtension;
  beforeAll(async () => {
    ext = await launchChromium();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('lists all six in the popup', async () => {
    const popup = await ext.open('popup.html');
    await eventually(() => popup.locator('button[data-questionnaire]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.questionnaire)), (listed) => {
      expect(new Set(listed)).toEqual(new Set(SHIPPED));
      expect(listed).toHaveLength(6);
      expect(listed[0]).toBe('production-service');
    });
    await popup.close();
  });

  it.each(SHIPPED)('runs %s from start to result, storing a sitting that scores as shown', async (id) => {
    const questionnaire = shippedQuestionnaire(id);
    const popup = await ext.open('popup.html');
    await popup.click(`button[data-questionnaire="${id}"]`);
    await takeByClicks(popup, (index) => 1 + ((index * 3 + id.length) % 7));
    await eventually(async () => ({
      shown: await popup.getByTestId('overall-score').innerText(),
      sittings: Object.values(await storedRecords(popup)).filter((v: any) => v?.questionnaire?.id === id && v.completedAt) as any[],
    }), ({ shown, sittings }) => {
      expect(sittings).toHaveLength(1);
      expect(sittings[0].questionnaire.version).toBe(questionnaire.version);
      expect(Object.keys(sittings[0].answers)).toHaveLength(questionnaire.items.length);
      expect(shown).toBe(String(Math.round(scoreQuestionnaire(questionnaire, sittings[0]).overall.now!)));
    });
    await popup.close();
  });
});
