import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/ui/i18n/translator';

const SITTING = '2026-03-03T14:05:00.000Z';

describe('dates as each language writes them', () => {
  it('writes English dates the British way (day first, 24-hour clock), Swedish and Danish as in Sweden and Denmark', async () => {
    const i18n = createTranslator();
    const seen: Record<string, [string, string]> = {};
    for (const language of ['en', 'sv', 'da'] as const) {
      await i18n.setLanguage(language);
      // The day in UTC: a test machine's time zone must not move it across midnight.
      const day = i18n.formatDay.value('2026-03-03T12:00:00.000Z');
      const stamp = i18n.formatDate.value(SITTING);
      seen[language] = [day, stamp];
    }
    expect(seen.en![0]).toBe('3 Mar 2026');
    expect(seen.en![1]).toMatch(/^3 March 2026(,| at) \d\d:05$/);
    expect(seen.en![1]).not.toMatch(/AM|PM/);
    expect(seen.sv![0]).toBe('3 mars 2026');
    expect(seen.da![0]).toBe('3. mar. 2026');
  });
});
