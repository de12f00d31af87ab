import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
// @ts-expect-error build.mjs is plain JavaScript without type declarations
import { questionnaireFiles } from '../build.mjs';
import { KEYS } from '../src/core/storage/records';
import { popupKeys } from '../src/popup/popup-app';
import { START_KEYS } from '../src/ui/app-model';
import type { Catalog } from '../src/ui/catalog';
import { pageWithModule } from './extension-copy';

export const POPUP_FLOOR_PAGE = 'popup-floor.html';

/**
 * The floor taken apart, each part a page of its own timed in the same runs: what one
 * storage read of one key costs a page, what the popup's first read costs, and what
 * parsing the popup's script costs. They show how much of the floor any page pays that
 * reads storage at all, or that ships a script of that size, in each browser.
 */
export const POPUP_FLOOR_PARTS = {
  oneKey: 'popup-floor-one-key.html',
  firstRead: 'popup-floor-read.html',
  script: 'popup-floor-script.html',
} as const;

export type FloorPart = keyof typeof POPUP_FLOOR_PARTS;

/**
 * A page that does what the popup cannot avoid before its list can show, and nothing
 * else: it loads a script as large as popup.js (the popup's own code, in a function that
 * is never called, so the browser parses all of it and runs none) and reads the keys the
 * popup reads at its start, in one storage call, then marks ready. The popup's distance
 * from this page is what its own work costs (deciding, rendering, styling); this page's
 * distance from the blank page is what any popup of that size reading that storage pays,
 * which no change to the popup's logic can win back. Beside it, its parts
 * (POPUP_FLOOR_PARTS).
 *
 * Written only into the bench's copy of the build, like the blank page. Returns why it
 * could not be made, or null.
 */
export async function addPopupFloorPage(extensionDir: string): Promise<string | null> {
  const popupJs = await readFile(path.join(extensionDir, 'popup.js'), 'utf8');
  // The entry ends with the names its lazily loaded chunks import from it; a function body cannot export.
  const body = popupJs.replace(/export\s*\{[^}]*\};?\s*$/, '');
  if (/^\s*(export|import)\b/m.test(body.replace(/import\(/g, ''))) return 'popup.js has an import or export the floor page cannot wrap in a function';
  const keys = await popupFirstReadKeys();
  const storage = `const storage = (globalThis.browser ?? globalThis.chrome).storage.local;`;
  const readThenReady = (asked: readonly string[]) => `storage.get(${JSON.stringify(asked)}).then(() => performance.mark('shiftmeter:ready'));`;
  const neverRun = `function popupCodeNeverRun() {\n${body}\n}`;
  const pages: [page: string, lines: string[]][] = [
    [POPUP_FLOOR_PAGE, [storage, readThenReady(keys), neverRun]],
    // The settings: the one record every page reads.
    [POPUP_FLOOR_PARTS.oneKey, [storage, readThenReady([KEYS.settings])]],
    [POPUP_FLOOR_PARTS.firstRead, [storage, readThenReady(keys)]],
    [POPUP_FLOOR_PARTS.script, [`performance.mark('shiftmeter:ready');`, neverRun]],
  ];
  for (const [page, lines] of pages) {
    const script = page.replace(/\.html$/, '.js');
    await writeFile(path.join(extensionDir, script), [...lines, ''].join('\n'));
    await writeFile(path.join(extensionDir, page), pageWithModule('popup floor', script));
  }
  return null;
}

/** The keys of the popup's first storage call with the shipped questionnaires and none added (AppModel.start). */
async function popupFirstReadKeys(): Promise<string[]> {
  const files: { data: { id: string } }[] = await questionnaireFiles();
  const catalog = { entries: files.map(({ data }) => ({ id: data.id, origin: 'shipped' })) } as unknown as Catalog;
  return [...START_KEYS, ...popupKeys(catalog)];
}
