// Renders the store listing's screenshots (1280×800) from the built extension in real
// Chromium, with realistic seeded history: `node build.mjs && tsx scripts/store-screenshots.ts`.
import path from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium';
import { shippedQuestionnaire } from '../test/e2e/support/answers';
import { makeSittings } from '../test/e2e/support/seed';
import { toStoredItems } from '../src/core/storage/stored-form';
import { takeByClicks } from '../test/e2e/support/take-by-clicks';

const out = (name: string) => path.resolve('store-assets/screenshots', name);
const ext = await launchChromium();
try {
  const questionnaire = shippedQuestionnaire('production-service');
  const popup = await ext.open('popup.html');
  await popup.setViewportSize({ width: 1280, height: 800 });
  await popup.screenshot({ path: out('1-popup-list.png') });
  await popup.click('button[data-questionnaire="production-service"]');
  await popup.waitForSelector('fieldset');
  for (const fieldset of (await popup.locator('fieldset.scale-question').all()).slice(0, 2)) await fieldset.locator('input').nth(4).check();
  await popup.screenshot({ path: out('2-question.png') });
  await takeByClicks(popup, (index) => 1 + ((index * 3) % 7));
  await popup.screenshot({ path: out('3-result.png') });
  await popup.evaluate((records) => chrome.storage.local.set(records), toStoredItems(makeSittings(questionnaire, 9)));
  const history = await ext.open('dashboard.html#/history/production-service');
  await history.setViewportSize({ width: 1280, height: 800 });
  await history.getByLabel('What we measure').check();
  await history.waitForTimeout(600);
  await history.screenshot({ path: out('4-history.png') });
  await history.emulateMedia({ colorScheme: 'dark' });
  await history.locator('#comparison-heading').scrollIntoViewIfNeeded();
  await history.waitForTimeout(600);
  await history.screenshot({ path: out('5-compare-dark.png') });
  console.log('store-assets/screenshots: 5 screenshots written');
} finally {
  await ext.close();
}
