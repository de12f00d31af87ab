import { failureWords } from './failure-words';
import { useModel } from '@preact/signals';
import { contentLanguage, textIn } from '../core/questionnaire/types';
import { CADENCES, THEMES, type Cadence } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import type { MessageKey } from '../ui/i18n/en-dashboard';
import { LanguageSelect } from '../ui/language-select';
import { useReadyMark } from '../ui/ready';
import { RemindersModel } from '../ui/reminders-model';
import { PolicyNotice } from './policy-notice';

/** Language, theme and reminders. */
export function SettingsView() {
  const app = useApp();
  const t = useT();
  const reminders = useModel(() => new RemindersModel({ store: app.store, catalog: app.catalog, now: app.now }));
  const read = reminders.read.value;
  useReadyMark(read.kind !== 'loading');
  const language = app.i18n.language.value;
  const theme = app.settings.value.theme;
  const formatDate = app.i18n.formatDate.value;
  const lastSave = reminders.lastSave.value;

  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1}>{t('settings.heading')}</h1>
      <PolicyNotice />
      <LanguageSelect id="settings-language" reportNotSaved={false} />
      <fieldset class="radio-row">
        <legend>{t('settings.theme')}</legend>
        {THEMES.map((value) => (
          <label key={value}>
            <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => void app.chooseTheme(value)} />
            {t(`settings.theme.${value}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      {app.settingsNotSaved.value ? <p class="notice notice-error" role="alert">{t('common.choiceNotSaved', { detail: app.settingsNotSaved.value })}</p> : null}
      <h2 id="reminders-heading">{t('settings.reminders')}</h2>
      <p class="hint">{t('settings.remindersHint')}</p>
      {read.kind === 'loading' ? (
        <p role="status">{t('common.loading')}</p>
      ) : read.kind === 'failed' ? (
        <p class="notice notice-error" role="alert">{t('error.load', { detail: read.detail })}</p>
      ) : (
        // A group named "Reminders": each select is named by its questionnaire only, which out of context says nothing of reminders.
        <div role="group" aria-labelledby="reminders-heading">
        {app.catalog.entries.map((entry) => {
          const lang = contentLanguage(entry, language);
          const reminder = reminders.states.value[entry.id]?.reminder ?? null;
          const cadence = reminder?.cadence ?? 'off';
          const due = reminders.nextDue.value[entry.id];
          const id = `cadence-${entry.id}`;
          return (
            <div class="field" key={entry.id}>
              <label for={id} lang={lang}>{textIn(entry.title, lang)}</label>
              <select
                id={id}
                value={cadence}
                aria-describedby={`${id}-next`}
                onChange={(event) => void reminders.setCadence(entry.id, (event.currentTarget as HTMLSelectElement).value as Cadence)}
              >
                {CADENCES.map((value) => <option key={value} value={value}>{t(`cadence.${value}` as MessageKey)}</option>)}
              </select>
              <span id={`${id}-next`} class="hint small">
                {due ? t('settings.nextDue', { date: formatDate(due.toISOString()) }) : ''}
                {reminder?.suggested ? `${due ? ' · ' : ''}${t('settings.suggested')}` : ''}
              </span>
            </div>
          );
        })}
        </div>
      )}
      {lastSave.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('settings.notSaved', { detail: failureWords(t, lastSave) })}</p> : null}
      <p role="status" class="hint">{lastSave.kind === 'saved' ? t('settings.saved') : ''}</p>
    </section>
  );
}
