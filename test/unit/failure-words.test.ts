import { describe, expect, it } from 'vitest';
import { failureWords } from '../../src/dashboard/failure-words';
import { StorageFullError } from '../../src/core/storage/store';
import { storageFailure } from '../../src/ui/storage-errors';
import { loadDashboardMessages } from '../../src/ui/i18n/dashboard-messages';
import { createTranslator, type Translate } from '../../src/ui/i18n/translator';

async function translatorIn(language: 'en' | 'sv' | 'da'): Promise<Translate> {
  const i18n = createTranslator(loadDashboardMessages);
  await i18n.setLanguage(language);
  return i18n.t.value;
}

describe('why a write failed, in words', () => {
  it("says a full storage in the page language with what to do, never the browser's English", async () => {
    for (const language of ['en', 'sv', 'da'] as const) {
      const t = await translatorIn(language);
      const words = failureWords(t, storageFailure(new StorageFullError(new Error('QUOTA_BYTES quota exceeded'))));
      expect(words).toBe(t('storage.full'));
      expect(words).not.toMatch(/quota|Storage is full/i);
    }
  });

  it("gives any other failure in the browser's words, ended as a sentence", async () => {
    const t = await translatorIn('en');
    expect(failureWords(t, storageFailure(new Error('IO error: disk gone')))).toBe('IO error: disk gone.');
    expect(failureWords(t, storageFailure(new Error('The database is closed.')))).toBe('The database is closed.');
    expect(failureWords(t, storageFailure('not an error'))).toBe('not an error.');
  });
});
