// Renders the store listing's screenshots (1280×800) in English, Swedish and Danish from
// the built extension in real Chromium, with realistic seeded history, and the 440×280
// promotional tile: `node build.mjs && npx tsx scripts/store-screenshots.ts`.
// Writes store-assets/screenshots/<en|sv|da>/1-popup.png … 5-history-dark.png and
// store-assets/promo/tile-440x280.png.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, launchChromium, type ChromiumExtension } from '../test/e2e/support/chromium';
import { shippedQuestionnaire } from '../test/e2e/support/answers';
import { makeSittings } from '../test/e2e/support/seed';
import { toStoredItems } from '../src/core/storage/stored-form';

const LANGUAGES = ['en', 'sv', 'da'] as const;
type Language = (typeof LANGUAGES)[number];
const QUESTIONNAIRES = ['production-service', 'control-service', 'performance-capacity', 'npm-npg', 'silos-joined-up', 'innovation-orientation'];
const SIZE = { width: 1280, height: 800 };
/**
 * The browser's locale for each language's screenshots, so the browser's own controls
 * (the date field's dd/mm/yyyy, åååå-mm-dd, dd.mm.åååå) read as the person's browser
 * shows them. English is en-GB: the listing is for European public servants, who write
 * the day before the month.
 */
const LOCALE: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE', da: 'da-DK' };
// The history ends two weeks before today, so the popup and overview read as a returning person's.
const HISTORY_START = Date.now() - 200 * 86_400_000;
const ACTION: Record<Language, string> = {
  en: 'Ask two citizens each week what they needed from us',
  sv: 'Fråga två medborgare varje vecka vad de behövde av oss',
  da: 'Spørg to borgere hver uge, hvad de havde brug for fra os',
};

/** Four sittings of each shipped questionnaire, with ids of their own, and each one's last-taken time. */
function seedRecords(language: Language): Record<string, unknown> {
  const records: Record<string, unknown> = {};
  for (const id of QUESTIONNAIRES) {
    const sittings = makeSittings(shippedQuestionnaire(id), 4, HISTORY_START) as Record<string, { id: string; completedAt: string; language: string }>;
    let last = '';
    for (const sitting of Object.values(sittings)) {
      const own = `${sitting.id}-${id}`;
      records[`sitting:${own}`] = { ...sitting, id: own, language };
      if (sitting.completedAt > last) last = sitting.completedAt;
    }
    records[`last-taken:${id}`] = last;
  }
  return toStoredItems(records);
}

/** Opens an extension page at 1280×800. */
async function open(ext: ChromiumExtension, page: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const opened = await ext.open(page, { colorScheme, reducedMotion: 'reduce' });
  await opened.setViewportSize(SIZE);
  return opened;
}

/** The popup is 30rem wide: shown in the middle of the 1280×800 picture. */
async function centre(popup: Page): Promise<void> {
  // Through the CSSOM: the extension's policy refuses an added style element.
  await popup.evaluate(() => document.querySelector<HTMLElement>('.popup')?.style.setProperty('margin-inline', 'auto', 'important'));
}

/** Answers the fieldsets shown and goes on, page by page, until the result is shown. */
async function finish(page: Page): Promise<void> {
  let index = 0;
  for (;;) {
    await page.waitForSelector('fieldset.scale-question');
    for (const fieldset of await page.locator('fieldset.scale-question').all()) {
      if (!(await fieldset.locator('input:checked').count())) await fieldset.locator('input').nth((index * 3) % 7).check();
      index++;
    }
    const before = await page.locator('label[for="assessment-progress"]').innerText().catch(() => '');
    await page.locator('button[type="submit"].button-primary').click();
    await page.waitForFunction(
      (text) => document.querySelector('#result-heading') || document.querySelector('label[for="assessment-progress"]')?.textContent !== text,
      before,
    );
    if (await page.locator('#result-heading').count()) return;
  }
}

async function screenshots(language: Language): Promise<void> {
  const dir = path.resolve('store-assets/screenshots', language);
  await mkdir(dir, { recursive: true });
  const out = (name: string) => path.join(dir, name);
  const ext = await launchChromium(undefined, undefined, { locale: LOCALE[language] });
  try {
    const setup = await open(ext, 'popup.html');
    await setup.evaluate(
      (records) => chrome.storage.local.set(records),
      { settings: { schema: 1, language, theme: 'system' }, ...seedRecords(language) },
    );
    await setup.close();
    // The dashboard builds the recent records the returning person's popup shows.
    const warm = await open(ext, 'dashboard.html');
    await warm.waitForTimeout(1500);
    await warm.close();

    const popup = await open(ext, 'popup.html');
    await centre(popup);
    await popup.waitForTimeout(500);
    await popup.screenshot({ path: out('1-popup.png') });

    await popup.click('button[data-questionnaire="production-service"]');
    await popup.waitForSelector('fieldset.scale-question');
    for (const fieldset of (await popup.locator('fieldset.scale-question').all()).slice(0, 2)) await fieldset.locator('input').nth(4).check();
    await popup.screenshot({ path: out('2-question.png') });

    await finish(popup);
    const plan = popup.locator('#plan-heading');
    await plan.waitFor();
    await popup.locator('.action-plan fieldset input[type="checkbox"]').first().check();
    await popup.locator('.action-entry textarea').first().fill(ACTION[language]);
    // Blurred first: the planner saves and says so, and the picture is framed on that layout.
    await popup.locator('.action-entry textarea').first().blur();
    await popup.waitForTimeout(300);
    await popup.evaluate(() => {
      document.querySelector('#plan-heading')?.scrollIntoView({ block: 'start' });
      // The result's buttons either fully in the picture or below it, never cut by its edge.
      const buttons = document.querySelector('.result .button-row')?.getBoundingClientRect();
      if (buttons && buttons.top < innerHeight && buttons.bottom > innerHeight) scrollBy(0, buttons.top - innerHeight - 1);
    });
    await popup.screenshot({ path: out('3-result-action.png') });
    await popup.close();

    const overview = await open(ext, 'dashboard.html');
    await overview.waitForTimeout(1000);
    await overview.screenshot({ path: out('4-overview.png') });
    await overview.close();

    const history = await open(ext, 'dashboard.html#/history/production-service', 'dark');
    await history.waitForFunction(() => performance.getEntriesByName('shiftmeter:charts-drawn').length > 0, undefined, { timeout: 15_000 });
    await history.waitForTimeout(600);
    await history.screenshot({ path: out('5-history-dark.png') });
  } finally {
    await ext.close();
  }
}

async function promoTile(): Promise<void> {
  const icon = await readFile(path.resolve('store-assets/icon.svg'));
  const iconUrl = `data:image/svg+xml;base64,${icon.toString('base64')}`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  html,body{margin:0;width:440px;height:280px;background:#fff;overflow:hidden}
  body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:#1d2530;box-sizing:border-box;padding:30px 32px;display:flex;flex-direction:column;justify-content:space-between;border-top:8px solid #0b5cad}
  header{display:flex;align-items:center;gap:14px}
  header img{width:56px;height:56px}
  h1{margin:0;font-size:38px;letter-spacing:-.5px;color:#0b5cad}
  p{margin:0;font-size:18px;white-space:nowrap;line-height:1.35;color:#333}
  </style></head><body>
  <header><img src="${iconUrl}" alt=""><h1>Shiftmeter</h1></header>
  <p>See how your unit's work shifts over time</p>
  <svg width="376" height="56" viewBox="0 0 376 56" aria-hidden="true">
    <line x1="14" y1="28" x2="362" y2="28" stroke="#c9ced6" stroke-width="4" stroke-linecap="round"/>
    <circle cx="14" cy="28" r="12" fill="#0b5cad"/>
    <circle cx="362" cy="28" r="12" fill="#b3541e"/>
    <line x1="150" y1="8" x2="150" y2="48" stroke="#0b5cad" stroke-width="5" stroke-linecap="round"/>
    <line x1="252" y1="8" x2="252" y2="48" stroke="#b3541e" stroke-width="5" stroke-linecap="round" stroke-dasharray="6 6"/>
    <path d="M160 28 H236" stroke="#1d2530" stroke-width="2.5"/><path d="M232 22 L242 28 L232 34" fill="none" stroke="#1d2530" stroke-width="2.5"/>
  </svg>
  </body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 440, height: 280 } });
    await page.setContent(html, { waitUntil: 'load' });
    await mkdir(path.resolve('store-assets/promo'), { recursive: true });
    await page.screenshot({ path: path.resolve('store-assets/promo/tile-440x280.png') });
  } finally {
    await browser.close();
  }
}

for (const language of LANGUAGES) {
  await screenshots(language);
  console.log(`store-assets/screenshots/${language}: 5 screenshots written`);
}
await promoTile();
console.log('store-assets/promo/tile-440x280.png written');
