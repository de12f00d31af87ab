import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = path.resolve('dist/firefox');

/**
 * Real Firefox ESR over WebDriver BiDi with the built extension installed. Firefox
 * refuses navigation to moz-extension:// from the driver, so tests start from the
 * welcome page the extension opens itself on install.
 *
 * `downloadsTo`: every download saved into that folder without asking. Puppeteer sets a
 * download folder over CDP only, so Firefox is started with preferences that do it, and
 * a test reads the file from there as Firefox saved it.
 */
export async function launchFirefox(options: { downloadsTo?: string } = {}): Promise<{ browser: Browser; welcome: Page }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    ...(options.downloadsTo ? { extraPrefsFirefox: savingDownloadsTo(options.downloadsTo) } : {}),
  });
  await browser.installExtension(FIREFOX_DIST);
  try {
    return { browser, welcome: await extensionPage(browser, 'dashboard.html') };
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox never opened the Shiftmeter welcome page (${(error as Error).message})`);
  }
}

function savingDownloadsTo(downloads: string): Record<string, unknown> {
  return {
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.manager.showWhenStarting': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json',
  };
}

/**
 * Polls `predicate` in the page until it returns something truthy. Puppeteer's own
 * waitForFunction and waitForSelector build the predicate with `new Function` inside
 * the page, which the extension's CSP refuses in some Firefox ESR releases (140 does,
 * 153 did not); `evaluate` goes through WebDriver BiDi's script.callFunction, which the
 * page's CSP does not govern.
 */
export async function waitUntil<Args extends unknown[]>(
  page: Page,
  predicate: (...args: Args) => unknown,
  options: { timeout?: number } = {},
  ...args: Args
): Promise<void> {
  const timeout = options.timeout ?? 10_000;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(predicate as (...a: unknown[]) => unknown, ...args)) return;
      lastError = null;
    } catch (error) {
      // A navigation in progress destroys the context; the next poll finds the new page.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited ${timeout} ms for ${predicate.toString().slice(0, 200)}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/** waitForSelector without puppeteer's in-page `new Function` (see waitUntil). */
export function waitForElement(page: Page, selector: string, options: { timeout?: number } = {}): Promise<void> {
  return waitUntil(page, (css: string) => document.querySelector(css) !== null, options, selector);
}

/**
 * Reloads the page from inside it (the driver may not navigate moz-extension:// pages)
 * and waits for the new document's ready mark; the old document, still answering for a
 * moment, has a ready mark of its own, so the new one is told apart by its time origin.
 */
export async function reloadPage(page: Page): Promise<void> {
  const before = await page.evaluate(() => performance.timeOrigin);
  await page.evaluate(() => location.reload());
  await waitUntil(page, (origin: number) => performance.timeOrigin !== origin && performance.getEntriesByName('shiftmeter:ready', 'mark').length > 0, { timeout: 15_000 }, before);
}

export async function waitForReadyMark(page: Page): Promise<void> {
  await waitUntil(page, () => performance.getEntriesByName('shiftmeter:ready', 'mark').length > 0, { timeout: 15_000 });
}

/*
 * Page actions through `evaluate` alone. Puppeteer's element handles ($, $$eval, type,
 * select) go through a helper it injects once per page; after the page reloads itself
 * Firefox may drop that helper's handle ("no such handle"), so tests find elements anew
 * on every call. Each action first waits for its element, as a person waits for a page
 * to show what they are about to click: a view that renders a moment later (after a hash
 * change, say) is never acted on before it is there.
 */

/** Sets a field's value the way typing does, so Preact's input handler sees it. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate((sel, text) => {
    const field = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) throw new Error(`no field ${sel}`);
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }, selector, value);
}

/** Focuses a field and types into it with real key events. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate((sel) => {
    const field = document.querySelector(sel) as HTMLElement | null;
    if (!field) throw new Error(`no field ${sel}`);
    field.focus();
  }, selector);
  await page.keyboard.type(text);
}

/** Chooses an option of a select as a change by the person would. */
export async function selectOption(page: Page, selector: string, value: string): Promise<void> {
  await waitForElement(page, selector);
  await page.evaluate((sel, chosen) => {
    const select = document.querySelector(sel) as HTMLSelectElement | null;
    if (!select) throw new Error(`no select ${sel}`);
    select.value = chosen;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, selector, value);
}

export async function clickButton(page: Page, text: string): Promise<void> {
  await waitUntil(page, (label: string) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === label), {}, text);
  await page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    if (!button) throw new Error(`no button ${label}`);
    button.click();
  }, text);
}

/**
 * Chooses a file in a file input, as the file picker would. The one action that needs an
 * element handle (BiDi's input.setFiles takes the element): found just before, let go
 * of at once, so a reload cannot leave it stale (see the actions above).
 */
export async function chooseFile(page: Page, selector: string, file: string): Promise<void> {
  await waitForElement(page, selector);
  const input = (await page.$(selector)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`no ${selector}`);
  await input.uploadFile(file);
  await input.dispose();
}

/**
 * Firefox with an extension installed for good in a profile of its own, not as a
 * temporary add-on: a proxy file in the profile's extensions folder names the extension's
 * folder (unsigned, which Firefox ESR allows). Replacing that folder's contents between
 * two starts of the profile is an update, as in Chromium. A temporary add-on can be
 * replaced in one session (installExtension with the same gecko id), but Firefox closes
 * its pages then and the driver may not open moz-extension:// again; a URL on the command
 * line may, so `startAt` (an extension page, e.g. `popup.html`) is where the start opens.
 */
export async function launchFirefoxProfile(folder: string, profile: string, startAt?: { origin: string; page: string }): Promise<Browser> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  await mkdir(path.join(profile, 'extensions'), { recursive: true });
  await writeFile(path.join(profile, 'extensions', manifest.browser_specific_settings.gecko.id), folder);
  return puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile, dumpio: Boolean(process.env.FIREFOX_DUMPIO),
    // startupScanScopes: the profile's add-ons are checked for changes as the start begins; without
    // it Firefox found the replaced folder later and quit under the driver.
    extraPrefsFirefox: { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15, 'extensions.startupScanScopes': 15 },
    args: startAt ? [`${startAt.origin}/${startAt.page}`] : [],
  });
}

/** The first open page of the extension whose address contains `part`. */
export async function extensionPage(browser: Browser, part: string, timeout = 30_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && href.includes(part)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const open = await Promise.all((await browser.pages()).map((page) => page.evaluate(() => location.href).catch((error: Error) => `(${error.message.slice(0, 80)})`)));
  throw new Error(`Firefox has no extension page with ${part} open; open: ${open.join(', ')}`);
}

/** Extension pages reach each other by the page's own navigation, which Firefox allows. */
export async function goTo(page: Page, target: string): Promise<void> {
  await page.evaluate((url) => {
    location.href = url;
  }, target);
  await waitUntil(page, (url) => location.href.endsWith(url) && performance.getEntriesByName('shiftmeter:ready', 'mark').length > 0, { timeout: 15_000 }, target);
}

/** Shows a view of the open dashboard by its address, as a link in the page does (the hash route; no new document). */
export async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target;
  }, hash);
}
