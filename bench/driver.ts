import puppeteer, { type Browser, type Page as PuppeteerPage, type Target } from 'puppeteer-core';
import { launchChromium } from '../test/e2e/support/chromium';
import { FIREFOX } from '../test/e2e/support/firefox';
import { BLANK_PAGE } from './extension-copy';
import { asBenchPage, READY, waitForMark, type BenchDriver, type BenchPage } from './page-timing';

const OPEN_TIMEOUT_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Chromium over playwright with the bench's copy of dist/chrome: a fresh tab navigated
 * to the extension page. The install's welcome tab is closed so every timed tab starts alike.
 */
export async function chromiumDriver(extensionDir: string): Promise<BenchDriver> {
  const ext = await launchChromium(extensionDir);
  try {
    const isWelcome = (url: string) => url.includes('dashboard.html');
    if (!ext.context.pages().some((p) => isWelcome(p.url()))) {
      await ext.context.waitForEvent('page', { predicate: (p) => isWelcome(p.url()), timeout: 5_000 }).catch(() => undefined);
    }
    for (const page of ext.context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
  } catch (error) {
    await ext.close();
    throw error;
  }
  return {
    browser: 'chromium',
    version: ext.context.browser()?.version() ?? null,
    chromium: ext,
    async openPage(path) {
      const page = await ext.context.newPage();
      try {
        await page.goto(`chrome-extension://${ext.extensionId}/${path}`, { waitUntil: 'commit' });
      } catch (error) {
        await page.close();
        throw error;
      }
      return { page: asBenchPage(page), close: () => page.close() };
    },
    close: () => ext.close(),
  };
}

/**
 * Firefox ESR over puppeteer and WebDriver BiDi, as the e2e tests drive it
 * (test/e2e/support/firefox.ts), with the bench's copy of dist/firefox installed as a
 * temporary add-on. Firefox refuses the driver's navigation to moz-extension:// pages,
 * so each fresh tab is opened by the extension itself: one idle extension page (the
 * blank page, which the install's welcome tab is turned into) stays open and calls
 * `tabs.create`; the new tab is then driven like any other. Its marks are read on the
 * new document's own clock, so how the tab was opened does not count in the figure.
 */
export async function firefoxDriver(extensionDir: string): Promise<BenchDriver> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  try {
    await browser.installExtension(extensionDir);
    const welcome = await firstExtensionPage(browser, 'dashboard.html');
    const origin = await welcome.evaluate(() => location.origin);
    // The controller: the welcome tab, navigated by itself to the blank page (which the driver may not do).
    await welcome.evaluate((url) => {
      location.href = url;
    }, `${origin}/${BLANK_PAGE}`);
    const controller = asBenchPage(welcome);
    if ((await waitForMark(controller, READY, OPEN_TIMEOUT_MS)) === null) throw new Error('the blank page never marked ready in Firefox');
    return {
      browser: 'firefox',
      version: await browser.version(),
      async openPage(path) {
        const url = `${origin}/${path}`;
        const created = new Promise<Target>((resolve) => browser.once('targetcreated', resolve));
        await controller.evaluate((href: string) => (globalThis as any).browser.tabs.create({ url: href, active: true }).then(() => undefined), url);
        const page = await Promise.race([created.then((target) => target.page()), sleep(OPEN_TIMEOUT_MS).then(() => null)]);
        if (!page) throw new Error(`Firefox opened no tab for ${path} within ${OPEN_TIMEOUT_MS / 1000} s`);
        await untilDocumentIs(page, url.split('#')[0]!);
        return { page: asBenchPage(page), close: () => page.close() };
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

async function firstExtensionPage(browser: Browser, part: string): Promise<PuppeteerPage> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes(part)) return page;
    }
    await sleep(250);
  }
  throw new Error(`Firefox never opened the extension's ${part}`);
}

/**
 * A tab from tabs.create starts as about:blank; calls into it go to whichever document
 * it holds. Waits (one short call every 10 ms, only until the navigation commits) for
 * the extension page's own document.
 */
async function untilDocumentIs(page: PuppeteerPage, urlWithoutHash: string): Promise<void> {
  const deadline = Date.now() + OPEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href.split('#')[0] === urlWithoutHash) return;
    await sleep(10);
  }
  throw new Error(`the new tab never showed ${urlWithoutHash}`);
}

/**
 * Runs `fn` on a short-lived blank extension page of the driver's browser (the only
 * place with the extension's storage), so no extension page stays open while timing.
 */
export async function onExtensionPage<T>(driver: BenchDriver, fn: (page: BenchPage) => Promise<T>): Promise<T> {
  const tab = await driver.openPage(BLANK_PAGE);
  try {
    if ((await waitForMark(tab.page, READY, OPEN_TIMEOUT_MS)) === null) throw new Error(`${driver.browser}: the blank page never marked ready`);
    return await fn(tab.page);
  } finally {
    await tab.close();
  }
}
