// The layers of src/, enforced: which folder may import which (README, "Layout").
// typescript-eslint only parses here; type checking is tsc's (npm run typecheck).
import tseslint from 'typescript-eslint';

const UI = ['preact', 'preact/*', '@preact/*', 'chart.js', 'chart.js/*'];
const BROWSER = ['webextension-polyfill'];

/**
 * no-restricted-imports patterns: each group a list of gitignore-style globs and why.
 * @param {...[globs: string[], message: string]} groups
 */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

const LAYER = {
  core: ['**/ui/**', '**/platform/**', '**/dashboard/**', '**/popup/**', '**/cli/**', '**/background'],
  views: ['**/platform/**', '**/cli/**'],
};

export default [
  { ignores: ['dist/**', 'node_modules/**', 'bench/**', 'test/**', 'scripts/**', '*.mjs', 'bin/**', 'vitest.config.ts'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // Pure logic: runs in the pages, the kit and the tests alike.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [LAYER.core, 'src/core imports nothing outside src/core'],
        [[...UI, ...BROWSER], 'src/core is pure: no UI library, no browser API'],
        [['node:*'], 'src/core runs in the browser too: no Node modules'],
      ),
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'chrome', 'browser', 'navigator', 'location'],
    },
  },
  {
    // The one layer that touches browser APIs: it may use core, nothing above it.
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/ui/**', '**/dashboard/**', '**/popup/**', '**/cli/**'], 'src/platform imports only src/core'],
        [UI, 'src/platform has no UI'],
      ),
    },
  },
  {
    // Views and shared UI reach the browser only through what the entry point hands them.
    files: ['src/ui/**/*.{ts,tsx}', 'src/dashboard/**/*.{ts,tsx}', 'src/popup/**/*.{ts,tsx}'],
    ignores: ['src/dashboard/main.tsx', 'src/popup/main.tsx'],
    rules: {
      'no-restricted-imports': forbid(
        [LAYER.views, 'views get browser services from the app context (src/ui/app-context.ts), never from src/platform'],
        [BROWSER, 'only src/platform imports webextension-polyfill'],
      ),
    },
  },
  {
    // The survey kit: core, and the interface texts as plain data; nothing that pulls in Preact.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [['**/platform/**', '**/dashboard/**', '**/popup/**'], 'src/cli imports src/core'],
        [[...UI, ...BROWSER], 'the kit carries no UI and no browser code'],
      ).map((option) => (typeof option === 'string' ? option : {
        patterns: [...option.patterns, {
          // The interface texts are plain data; the translator and everything else of src/ui is not for the kit.
          regex: '/ui/(?!i18n/(en|sv|da)(-dashboard)?$|i18n/languages$|i18n/interpolate$)',
          message: 'src/cli may import src/core and the message files of src/ui/i18n, nothing else of the UI',
        }],
      })),
    },
  },
];
