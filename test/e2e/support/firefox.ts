import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = path.resolve('dist/firefox');

/**
 * Real Firefox ESR over WebDriver BiDi with the built extension installed. Firefox
 * refuses navigation to moz-extension:// from the driver, so tests start from the
 * welcome page the extension opens itself on install.
 */
export async function launchFirefox(): Promise<{ browser: Browser; welcome: Page }> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await browser.installExtension(FIREFOX_DIST);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes('dashboard.html')) return { browser, welcome: page };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await browser.close();
  throw new Error('Firefox never opened the Shiftmeter welcome page');
}

export async function waitForReadyMark(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:ready', 'mark').length > 0, { timeout: 15_000 });
}
