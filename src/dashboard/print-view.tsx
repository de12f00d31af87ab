import { contentLanguage, itemsOf, textIn } from '../core/questionnaire/types';
import { useApp, useT } from '../ui/app-context';
import { useQuestionnaire } from '../ui/history/use-questionnaire';
import { useReadyMark } from '../ui/ready';

const BOXES = '☐ ☐ ☐ ☐ ☐ ☐ ☐';

/** A questionnaire as a paper form for workshops; the print stylesheet hides everything else. */
export function PrintView({ questionnaireId }: { questionnaireId: string | undefined }) {
  const app = useApp();
  const t = useT();
  const questionnaire = useQuestionnaire(questionnaireId);
  useReadyMark(questionnaire !== null);
  if (questionnaire === null) return <p role="status">{t('common.loading')}</p>;
  if (questionnaire === 'missing') return <p class="notice notice-error" role="alert">{t('dashboard.notFound')}</p>;
  const lang = contentLanguage(questionnaire, app.i18n.language.value);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  return (
    <article class="paper-form" lang={lang} aria-labelledby="paper-title">
      <p class="no-print"><a href="#/take">← {t('dashboard.take')}</a></p>
      <h1 id="paper-title">{text(questionnaire.title)}</h1>
      <p>{text(questionnaire.description)}</p>
      <p class="hint">{t('print.version', { version: questionnaire.version })} · {t('print.scaleNote', { from: text(questionnaire.poles.from), to: text(questionnaire.poles.to) })}</p>
      <p class="hint">{t('print.instructions')}</p>
      <div class="button-row start no-print">
        <button type="button" class="button button-primary" onClick={() => window.print()}>{t('course.print')}</button>
      </div>
      {questionnaire.dimensions.map((dimension) => (
        <section key={dimension.id} class="paper-section">
          <h2>{text(dimension.name)}</h2>
          <table class="paper-table">
            <caption class="visually-hidden">{text(dimension.name)}</caption>
            <tbody>
              {itemsOf(questionnaire, dimension.id).map((item) => (
                <tr key={item.id}>
                  <td>{text(item.left)}</td>
                  <td class="paper-boxes" aria-label={t('print.boxes')}>{BOXES}</td>
                  <td class="paper-right">{text(item.right)}</td>
                </tr>
              ))}
              <tr class="paper-wanted">
                <td>{t('print.wantedRow')}: {text(dimension.from)}</td>
                <td class="paper-boxes" aria-label={t('print.boxes')}>{BOXES}</td>
                <td class="paper-right">{text(dimension.to)}</td>
              </tr>
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
