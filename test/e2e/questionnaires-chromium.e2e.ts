import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreQuestionnaire } from '../../src/core/scoring';
import { shippedQuestionnaire } from './support/answers';
import { launchChromium, type ChromiumExtension } from './support/chromium';
import { eventually } from './support/eventually';
import { takeByClicks } from './support/take-by-clicks';
import { storedRecords } from './support/stored';

const LOCK = JSON.parse(readFileSync('questionnaires/lock.json', 'utf8')) as Record<string, string>;
/** Each questionnaire once: the lock keeps every version (id@version), the earlier ones too. */
const SHIPPED = [...new Set(Object.keys(LOCK).map((entry) => entry.split('@')[0]!))];

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
    // A profile (a questionnaire with axes) shows each axis instead of one overall score.
    const profile = questionnaire.axes !== undefined;
    await eventually(async () => ({
      shown: profile
        ? await popup.locator('[data-testid="profile-table"] tbody tr').evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-axis')}: ${row.querySelector('td')?.textContent}`))
        : [await popup.getByTestId('overall-score').innerText()],
      sittings: Object.values(await storedRecords(popup)).filter((v: any) => v?.questionnaire?.id === id && v.completedAt) as any[],
    }), ({ shown, sittings }) => {
      expect(sittings).toHaveLength(1);
      expect(sittings[0].questionnaire.version).toBe(questionnaire.version);
      expect(Object.keys(sittings[0].answers)).toHaveLength(questionnaire.items.length);
      // Both passes of format 2 were answered: a wanted position for every item.
      expect(Object.keys(sittings[0].wantedItems)).toHaveLength(questionnaire.items.length);
      const score = scoreQuestionnaire(questionnaire, sittings[0]);
      expect(shown).toEqual(profile ? score.axes!.map((axis) => `${axis.axis}: ${Math.round(axis.now!)}`) : [String(Math.round(score.overall.now!))]);
    });
    if (profile) await expect(popup.getByTestId('overall-score').count()).resolves.toBe(0);
    await popup.close();
  });
});
