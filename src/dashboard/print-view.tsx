import { asksWantedPerItem, contentLanguage, itemsOf, textIn, type Questionnaire } from '../core/questionnaire/types';
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
      {questionnaire.dimensions.map((dimension) => <PaperSection key={dimension.id} questionnaire={questionnaire} dimensionId={dimension.id} part="now" lang={lang} />)}
      {/* Format 2 is asked as the extension asks it: "wanted" is a second part over the same pairs. */}
      {asksWantedPerItem(questionnaire) ? (
        <>
          <h2 class="paper-part">{t('print.wantedPart')}</h2>
          <p class="hint">{t('print.wantedPartIntro')}</p>
          {questionnaire.dimensions.map((dimension) => <PaperSection key={`w-${dimension.id}`} questionnaire={questionnaire} dimensionId={dimension.id} part="wanted" lang={lang} />)}
        </>
      ) : null}
    </article>
  );
}

/**
 * One dimension's pairs on paper. In the "now" part of a questionnaire of format 2 each
 * pair has a "does not apply" box; format 1 ends each dimension with its one wanted row.
 */
function PaperSection({ questionnaire, dimensionId, part, lang }: { questionnaire: Questionnaire; dimensionId: string; part: 'now' | 'wanted'; lang: string }) {
  const t = useT();
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  const dimension = questionnaire.dimensions.find((d) => d.id === dimensionId)!;
  const perItem = asksWantedPerItem(questionnaire);
  return (
    <section class="paper-section">
      <h2>{part === 'wanted' ? `${t('print.wantedPart')}: ${text(dimension.name)}` : text(dimension.name)}</h2>
      <table class="paper-table">
        <caption class="visually-hidden">{text(dimension.name)}</caption>
        <tbody>
          {itemsOf(questionnaire, dimension.id).flatMap((item) => [
            <tr key={item.id}>
              <td>{text(item.left)}</td>
              <td class="paper-boxes" aria-label={t('print.boxes')}>{BOXES}</td>
              <td class="paper-right">{text(item.right)}</td>
            </tr>,
            ...(perItem && part === 'now' ? [<tr key={`${item.id}-na`} class="paper-not-applicable"><td colSpan={3}>{t('print.notApplicable')}</td></tr>] : []),
          ])}
          {perItem ? null : (
            <tr class="paper-wanted">
              <td>{t('print.wantedRow')}: {text(dimension.from)}</td>
              <td class="paper-boxes" aria-label={t('print.boxes')}>{BOXES}</td>
              <td class="paper-right">{text(dimension.to)}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
