import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROME_DIST = path.resolve('dist/chrome');

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a new tab and waits until it is ready. */
  open(page: string, options?: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Real Chromium with the built extension loaded, in a fresh profile of its own. `locale`
 * (e.g. sv-SE) runs the browser in that locale (--lang, and LANGUAGE and LANG, which
 * Chromium on Linux reads), so its own controls read as they do there: a date field
 * åååå-mm-dd in Sweden. Chromium needs that language's pack for it (Debian: the
 * chromium-l10n package), else it falls back to en-US without a word; so this throws
 * unless the browser then reports the locale asked for. Without `locale`, Chromium takes
 * the machine's.
 */
export async function launchChromium(extensionDir = CHROME_DIST, profileDir?: string, { locale }: { locale?: string } = {}): Promise<ChromiumExtension> {
  const userDataDir = profileDir ?? (await mkdtemp(path.join(tmpdir(), 'shiftmeter-chromium-')));
  const posixLocale = locale?.replace('-', '_');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ...(locale ? { env: { ...process.env, LANG: `${posixLocale}.UTF-8`, LANGUAGE: `${posixLocale}:${locale.split('-')[0]}` } } : {}),
    args: [
      ...(locale ? [`--lang=${locale}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1000, height: 800 },
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  if (locale) {
    const running = await worker.evaluate(() => navigator.language);
    if (running.toLowerCase() !== locale.toLowerCase()) {
      await context.close();
      throw new Error(`Chromium runs in ${running}, not ${locale}: it lacks that language's pack (on Debian: apt-get install chromium-l10n, of the version of chromium)`);
    }
  }
  return {
    context,
    extensionId,
    async open(pagePath, options = {}) {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'no-preference' });
      await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
      // The welcome tab the extension opens on install may have come to the front; a
      // page behind it gets few animation frames, which makes every click wait.
      await page.bringToFront();
      await waitForReady(page);
      return page;
    },
    async close() {
      await context.close();
      if (!profileDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the page's `shiftmeter:ready` performance mark. */
export async function waitForReady(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('shiftmeter:ready', 'mark').length > 0, undefined, { timeout });
}
