// The popup's size budget, checked on every `npm test` after the build: the JavaScript
// and CSS the popup loads before its first view (the files its HTML names), gzipped at
// level 9, stay within 32 KB, and none of it is Chart.js. The bench (npm run bench)
// measures what a traced load really fetches; this is the check that cannot flake.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// 32 KB since the popup lists questionnaires added by people and organisations (2026-12-02):
// their index and the organisation's settings are read with the first view. The bench's
// target stays 30 KB and reports the gap; #17 (speed in both browsers) is to close it,
// e.g. by loading the list's descriptions on demand.
const BUDGET_BYTES = 32 * 1024;
// Strings only Chart.js's own code holds (the bench looks for the same).
const CHART_JS_MARKERS = ['Canvas is already in use', 'is not a registered', 'complete date adapter'];

/** @param {string} browser */
function checkPopup(browser) {
  const dir = path.join(root, 'dist', browser);
  const html = readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((match) => /** @type {string} */ (match[1]));
  let gzipped = 0;
  /** @type {string[]} */
  const problems = [];
  for (const file of files) {
    const bytes = readFileSync(path.join(dir, file));
    gzipped += gzipSync(bytes, { level: 9 }).length;
    if (CHART_JS_MARKERS.some((marker) => bytes.includes(marker))) problems.push(`${browser}/${file} holds Chart.js, which the popup must not load before it draws a chart`);
  }
  if (files.length === 0) problems.push(`${browser}/popup.html names no script`);
  if (gzipped > BUDGET_BYTES) problems.push(`${browser}: the popup loads ${(gzipped / 1024).toFixed(1)} KB gzipped before its first view; the budget is ${BUDGET_BYTES / 1024} KB`);
  console.log(`size: ${browser} popup ${files.join(', ')}: ${(gzipped / 1024).toFixed(1)} KB gzipped of ${BUDGET_BYTES / 1024} KB`);
  return problems;
}

const problems = ['chrome', 'firefox'].flatMap(checkPopup);
for (const problem of problems) console.error(`size: ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
