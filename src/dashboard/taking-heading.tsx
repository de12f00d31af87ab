import { contentLanguage, textIn } from '../core/questionnaire/types';
import { useApp, useT } from '../ui/app-context';
import { usePageTitle } from '../ui/page-title';

/**
 * The questionnaire being taken in a tab, as the page's h1 and its window title. Each
 * page of a questionnaire has an h2 of its own (a dimension, the actions, the result);
 * without this the page had no h1 while a questionnaire was taken, and a tab list said
 * only "Self-assessments". A version is given where one is answered on purpose (a team
 * round's); a draft of an earlier version carries the current title (the popup's catalog).
 */
export function TakingHeading({ questionnaireId, version }: { questionnaireId: string; version?: number }) {
  const app = useApp();
  const t = useT();
  const entry = version === undefined ? app.catalog.find(questionnaireId) : app.catalog.findVersion(questionnaireId, version) ?? app.catalog.find(questionnaireId);
  const lang = entry ? contentLanguage(entry, app.i18n.language.value) : undefined;
  const title = entry && lang ? textIn(entry.title, lang) : null;
  usePageTitle(title, t('dashboard.take'));
  // A questionnaire this browser does not have: the screen below says so; the heading names the view.
  return title === null ? <h1 class="taking-heading">{t('dashboard.take')}</h1> : <h1 class="taking-heading" lang={lang}>{title}</h1>;
}
