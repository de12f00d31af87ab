import type { Page } from 'playwright-core';
import type { Position } from './answers';

/**
 * Takes the open questionnaire by clicking: `choose(index)` gives the position for the
 * n-th question shown, in every page of both passes of format 2 (the "now" items, then
 * the wanted pass's items again) or, in format 1, the items and each page's "wanted";
 * `n/a` chooses "Does not apply to my unit". Returns when the result is shown.
 */
export async function takeByClicks(page: Page, choose: (index: number) => Position): Promise<void> {
  let index = 0;
  for (;;) {
    await page.waitForSelector('fieldset');
    for (const fieldset of await page.locator('fieldset.scale-question').all()) {
      const position = choose(index++);
      await (position === 'n/a' ? fieldset.locator('input[value="n/a"]') : fieldset.locator('input').nth(position - 1)).check();
    }
    const finish = page.getByRole('button', { name: 'See my result' });
    if (await finish.count()) {
      await finish.click();
      await page.waitForSelector('#result-heading');
      return;
    }
    // The part shown by number: "does not apply" may have changed the count of parts, never the part.
    const part = Number(/^Part (\d+) /.exec(await page.locator('label[for="assessment-progress"]').innerText())?.[1]);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((n) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${n} `), part + 1);
  }
}
