/** The part of a Playwright or Puppeteer page these helpers need, so both browsers share them. */
export interface KeyboardPage {
  keyboard: { press(key: any): Promise<void> };
  evaluate(script: string): Promise<unknown>;
}
type Page = KeyboardPage;

/**
 * Waits until `script` (an expression evaluated in the page) is true. A key press can
 * resolve before the page has moved focus or handled the change (Firefox under load
 * did this), so each step waits for its effect instead of reading once.
 */
async function waitInPage(page: Page, script: string, what: string, timeout = 5_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(`(() => !!(${script}))()`)) return;
    if (Date.now() > until) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Marks the focused element, so the next Tab can be seen to have moved focus away from it. */
const MARK_FOCUS = `(() => { document.querySelectorAll('[data-e2e-focus]').forEach((e) => e.removeAttribute('data-e2e-focus')); document.activeElement?.setAttribute('data-e2e-focus', ''); return true; })()`;
const FOCUS_MOVED = `!document.activeElement || !document.activeElement.hasAttribute('data-e2e-focus')`;

/** Presses Tab until `predicate` holds for the focused element; fails after `limit` presses. */
export async function tabUntil(page: Page, predicate: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.evaluate(MARK_FOCUS);
    await page.keyboard.press('Tab');
    // Judge the element Tab moved to, never the one it is still leaving.
    await waitInPage(page, FOCUS_MOVED, 'Tab to move focus');
    if (await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${predicate}); })()`)) return;
  }
  throw new Error(`Tab never reached an element where ${predicate}`);
}

/** Tabs into the next unanswered radio group and picks `position` with Space and the arrow keys. */
export async function answerNextByKeyboard(page: Page, position: number): Promise<void> {
  await tabUntil(page, `el.type === 'radio' && !document.querySelector('input[name="' + el.name + '"]:checked')`);
  await page.keyboard.press(' ');
  for (let i = 1; i < position; i++) await page.keyboard.press('ArrowRight');
  // The group's answer is the one asked for before the next key goes anywhere.
  const chosen = `(() => { const el = document.activeElement; if (!el || el.type !== 'radio' || !el.checked) return false;
    return [...document.querySelectorAll('input[type="radio"][name="' + el.name + '"]')].indexOf(el) === ${position - 1}; })()`;
  await waitInPage(page, chosen, `the ${position}. option of the group to be chosen`);
}

export async function pressButtonByKeyboard(page: Page, text: string): Promise<void> {
  await tabUntil(page, `(el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.trim() === ${JSON.stringify(text)}`);
  await page.keyboard.press('Enter');
}
