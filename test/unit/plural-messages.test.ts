import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { sv } from '../../src/ui/i18n/sv';
import { da } from '../../src/ui/i18n/da';
import { enDashboard } from '../../src/ui/i18n/en-dashboard';
import { svDashboard } from '../../src/ui/i18n/sv-dashboard';
import { daDashboard } from '../../src/ui/i18n/da-dashboard';
import { interpolate, type Params } from '../../src/ui/i18n/interpolate';

/** Every message file, with the language its plural rules come from. */
const FILES: readonly (readonly [string, string, Readonly<Record<string, string>>])[] = [
  ['en.ts', 'en', en],
  ['sv.ts', 'sv', sv],
  ['da.ts', 'da', da],
  ['en-dashboard.ts', 'en', enDashboard],
  ['sv-dashboard.ts', 'sv', svDashboard],
  ['da-dashboard.ts', 'da', daDashboard],
];

/** Names used as `{name}` or `{name, plural, …}` in a message. */
function placeholders(template: string): { plural: string[]; plain: string[] } {
  const plural = new Set([...template.matchAll(/\{(\w+), plural,/g)].map(([, name]) => name!));
  const plain = new Set([...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!));
  return { plural: [...plural], plain: [...plain].filter((name) => !plural.has(name)) };
}

const cases = FILES.flatMap(([file, language, messages]) =>
  Object.entries(messages)
    .filter(([, template]) => template.includes('plural,'))
    .map(([key, template]) => ({ file, language, key, template })),
);

describe('messages with plural forms', () => {
  it('exist in every language', () => {
    for (const [file] of FILES) expect(cases.some((c) => c.file === file), file).toBe(true);
  });

  describe.each(cases)('$file $key', ({ language, template }) => {
    const { plural, plain } = placeholders(template);
    const sample: Record<string, string | number> = Object.fromEntries([...plural.map((name) => [name, 7]), ...plain.map((name) => [name, 'Sample'])]);

    it('has a "one" and an "other" form in every plural block', () => {
      const blocks = [...template.matchAll(/\{\w+, plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g)];
      expect(blocks.length).toBe((template.match(/plural,/g) ?? []).length);
      for (const [, forms] of blocks) {
        const categories = [...forms!.matchAll(/(\w+)\s*\{/g)].map(([, category]) => category);
        expect(categories).toContain('one');
        expect(categories).toContain('other');
      }
    });

    // Each placeholder at 1 and at 2 (the others at sample values), and all of them at once.
    const renders: Params[] = [1, 2].flatMap((value) => [
      ...[...plural, ...plain].map((name) => ({ ...sample, [name]: value })),
      Object.fromEntries([...plural, ...plain].map((name) => [name, value])),
    ]);

    it.each(renders)('renders fully with %o', (params) => {
      const text = interpolate(template, params, language);
      expect(text).not.toMatch(/[{}#]/);
      for (const name of plural) expect(text).toContain(String(params[name]));
    });
  });
});
