/** The part of a Playwright or Puppeteer page these helpers need, so both browsers share them. */
export interface KeyboardPage {
  keyboard: { press(key: any): Promise<void> };
  evaluate(script: string): Promise<unknown>;
}
type Page = KeyboardPage;

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
export async function tabUntil(page: Page, predicate: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${predicate}); })()`)) return;
  }
  throw new Error(`Tab never reached an element where ${predicate}`);
}

/** Tabs into the next unanswered radio group and picks `position` with Space and the arrow keys. */
export async function answerNextByKeyboard(page: Page, position: number): Promise<void> {
  await tabUntil(page, `el.type === 'radio' && !document.querySelector('input[name="' + el.name + '"]:checked')`);
  await page.keyboard.press(' ');
  for (let i = 1; i < position; i++) await page.keyboard.press('ArrowRight');
}

export async function pressButtonByKeyboard(page: Page, text: string): Promise<void> {
  await tabUntil(page, `(el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim() === ${JSON.stringify(text)}`);
  await page.keyboard.press('Enter');
}
