import type { Page } from 'playwright-core';

/**
 * Takes the open questionnaire by clicking: `choose(index)` gives the position for the
 * n-th question shown (items and "wanted" alike). Returns when the result is shown.
 */
export async function takeByClicks(page: Page, choose: (index: number) => number): Promise<void> {
  let index = 0;
  for (;;) {
    await page.waitForSelector('fieldset');
    for (const fieldset of await page.locator('fieldset.scale-question').all()) {
      await fieldset.locator('input').nth(choose(index++) - 1).check();
    }
    const finish = page.getByRole('button', { name: 'See my result' });
    if (await finish.count()) {
      await finish.click();
      await page.waitForSelector('#result-heading');
      return;
    }
    const part = await page.locator('label[for="assessment-progress"]').innerText();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((before) => document.querySelector('label[for="assessment-progress"]')?.textContent !== before, part);
  }
}
