import { useApp, useT } from './app-context';
import { isUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from './i18n/languages';

/**
 * A native select of the interface language; "browser default" follows the browser. A
 * choice that could not be stored is said here, unless the page says it once for all its settings.
 */
export function LanguageSelect({ id = 'language-select', reportNotSaved = true }: { id?: string; reportNotSaved?: boolean }) {
  const app = useApp();
  const t = useT();
  const chosen = app.settings.value.language;
  const organisation = app.policy.value.defaultLanguage;
  return (
    <div class="field">
      <label for={id}>{t('common.language')}</label>
      <select
        id={id}
        value={chosen ?? ''}
        onChange={(event) => {
          const value = (event.currentTarget as HTMLSelectElement).value;
          void app.chooseLanguage(isUiLanguage(value) ? value : null);
        }}
      >
        <option value="">{organisation ? t('common.languageOrganisation', { language: LANGUAGE_NAMES[organisation] }) : t('common.languageAuto')}</option>
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>{LANGUAGE_NAMES[language]}</option>
        ))}
      </select>
      {reportNotSaved && app.settingsNotSaved.value ? <p class="notice notice-error" role="alert">{t('common.choiceNotSaved', { detail: app.settingsNotSaved.value })}</p> : null}
    </div>
  );
}
