import { describe, expect, it } from 'vitest';
import { createAppModel } from '../../src/ui/app-model';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

describe('the app model\'s settings', () => {
  it('applies a language chosen when storage is full on this page, says it was not saved, and keeps the stored one', async () => {
    const store = new MemoryStore();
    await store.set({ settings: { schema: 1, language: 'en', theme: 'system' } });
    const app = createAppModel({ store, catalog: catalogOf(makeQuestionnaire()), browserLanguages: () => ['en'] });
    await app.start();
    store.quotaBytes = 0;
    await app.chooseLanguage('sv');
    expect(app.i18n.language.value).toBe('sv');
    expect(app.settingsNotSaved.value).toMatch(/\S/);
    expect((store.snapshot().settings as { language: string }).language).toBe('en');
    // Once there is room again, the next choice is stored and the notice goes.
    store.quotaBytes = Infinity;
    await app.chooseTheme('dark');
    expect(app.settingsNotSaved.value).toBeNull();
    expect(store.snapshot().settings).toEqual({ schema: 1, language: 'sv', theme: 'dark' });
  });
});
