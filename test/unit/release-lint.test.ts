import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_LINT_WARNINGS, describeLintMessage, judgeLintWarnings, type LintMessage } from '../../scripts/release/lint';

// Which web-ext lint warnings release:check accepts (scripts/release/lint.ts): only those
// its allow-list names, by code, package, file and the code the linter points at.

/** Preact's renderer as esbuild minifies it into a page: the one place it sets innerHTML. */
const preactBundle = 'const a=1;function d(e,t,p){p?(e.innerHTML=p.__html,t.__k=[]):e.textContent=""}';
const preactColumn = preactBundle.indexOf('e.innerHTML') + 1;
const files: Record<string, string> = {
  'dashboard.js': preactBundle,
  'chunks/popup-chunk-ERYC6LAY.js': preactBundle,
  'background.js': preactBundle,
  'chunks/dashboard-own-ABC.js': 'x();el.innerHTML=userText;',
};
const unsafe = (file: string, column: number): LintMessage => ({ code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file, line: 1, column });
const serviceWorker: LintMessage = { code: 'BACKGROUND_SERVICE_WORKER_IGNORED', message: 'ignored by Firefox', file: 'manifest.json' };

describe('judgeLintWarnings', () => {
  it("allows Preact's innerHTML in the pages' bundles, and the Chrome package's service worker", () => {
    const warnings = [unsafe('dashboard.js', preactColumn), unsafe('chunks/popup-chunk-ERYC6LAY.js', preactColumn), serviceWorker];
    const { allowed, refused } = judgeLintWarnings('chrome', warnings, (name) => files[name]);
    expect(refused).toEqual([]);
    expect(allowed.map(({ warning }) => warning)).toEqual(warnings);
    expect(allowed[0]!.rule.from).toMatch(/Preact/);
  });

  it('refuses an innerHTML that is not Preact’s, one in the background, an unlisted code, and the service worker in the Firefox package', () => {
    const own = unsafe('chunks/dashboard-own-ABC.js', files['chunks/dashboard-own-ABC.js']!.indexOf('el.innerHTML') + 1);
    const background = unsafe('background.js', preactColumn);
    const unplaced: LintMessage = { code: 'UNSAFE_VAR_ASSIGNMENT', message: 'Unsafe assignment to innerHTML', file: 'dashboard.js' };
    const other: LintMessage = { code: 'KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION', message: 'x', file: 'manifest.json' };
    expect(judgeLintWarnings('chrome', [own, background, unplaced, other], (name) => files[name]).refused).toEqual([own, background, unplaced, other]);
    expect(judgeLintWarnings('firefox', [serviceWorker], (name) => files[name]).refused).toEqual([serviceWorker]);
  });

  it('gives each allowed warning a library or file and a one-line reason', () => {
    for (const rule of ALLOWED_LINT_WARNINGS) {
      expect(rule.from.length, rule.code).toBeGreaterThan(0);
      expect(rule.reason, rule.code).toMatch(/^[^\n]{10,200}$/);
    }
    expect(describeLintMessage(unsafe('dashboard.js', 7))).toBe('UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML (dashboard.js:1:7)');
  });
});

describe("the premise of Preact's allowed warning", () => {
  it('holds: no source sets innerHTML or passes dangerouslySetInnerHTML', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.[cm]?[jt]sx?$/.test(entry.name) && /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=[^=]|insertAdjacentHTML|document\.write/.test(readFileSync(file, 'utf8'))) offenders.push(file);
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
