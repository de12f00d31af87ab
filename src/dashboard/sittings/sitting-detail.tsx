import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { contentLanguage, itemsOf, textIn } from '../../core/questionnaire/types';
import { scoreQuestionnaire } from '../../core/scoring';
import { useApp, useT } from '../../ui/app-context';
import { navigate } from '../../ui/hash-route';
import type { MessageKey } from '../../ui/i18n/en-dashboard';
import type { HistoryModelInstance } from '../../ui/history/history-model';
import { useQuestionnaire } from '../../ui/history/use-questionnaire';
import { NoteEditor } from './note-editor';
import { figureText } from '../../ui/figures';

/** One sitting: its scores, every answer in words, the reflection note, and delete. */
export function SittingDetail({ history, sittingId }: { history: HistoryModelInstance; sittingId: string }) {
  const app = useApp();
  const t = useT();
  const sitting = history.sittings.value.find((s) => s.id === sittingId);
  // The version the sitting was answered on, an earlier one included.
  const questionnaire = useQuestionnaire(sitting?.questionnaire.id, sitting?.questionnaire.version);
  const heading = useRef<HTMLHeadingElement>(null);
  // The heading takes the focus once it is there: the first render may still be loading the questionnaire.
  const shown = sitting !== undefined && questionnaire !== null;
  useLayoutEffect(() => {
    if (shown) heading.current?.focus();
  }, [sittingId, shown]);
  // While its delete is being written: the sitting leaves the list before the page moves on, and "not stored" must not be said.
  const [deleting, setDeleting] = useState(false);
  const format = app.i18n.formatNumber.value;

  if (!sitting && deleting) return null;
  // Still a page with a heading: an address of a sitting deleted elsewhere, or mistyped.
  if (!sitting) return <><h1 tabIndex={-1}>{t('sittings.heading')}</h1><p role="alert" class="notice notice-error">{t('sittings.notFound')} <a href="#/sittings">{t('history.allSittings')}</a></p></>;
  if (questionnaire === null) return <p role="status">{t('common.loading')}</p>;
  const lang = questionnaire && questionnaire !== 'missing' ? contentLanguage(questionnaire, app.i18n.language.value) : 'en';
  const matches = questionnaire && questionnaire !== 'missing' && questionnaire.version === sitting.questionnaire.version ? questionnaire : null;
  const score = matches ? scoreQuestionnaire(matches, sitting) : null;
  const figure = (value: number | null | undefined) => figureText(format, value);

  async function remove() {
    setDeleting(true);
    const deleted = await history.deleteSitting(sittingId);
    if (deleted) navigate('sittings');
    else setDeleting(false);
  }

  return (
    <article aria-labelledby="sitting-heading">
      <p><a href="#/sittings">← {t('history.allSittings')}</a></p>
      <h1 id="sitting-heading" tabIndex={-1} ref={heading}>{app.i18n.formatDate.value(sitting.completedAt)}</h1>
      <p><span lang={lang}>{matches ? textIn(matches.title, lang) : sitting.questionnaire.id}</span> · {t('print.version', { version: sitting.questionnaire.version })}{sitting.round ? ` · ${t('sittings.round', { name: sitting.round.name })}` : ''}</p>
      {questionnaire === 'missing' || (questionnaire && !matches) ? <p class="notice">{t('sittings.versionGone')}</p> : null}
      {matches && score ? (
        <table class="data-table" data-testid="sitting-scores">
          <caption>{t('result.tableCaption')}</caption>
          <thead><tr><th scope="col">{t('result.dimension')}</th><th scope="col">{t('result.now')}</th><th scope="col">{t('result.wanted')}</th></tr></thead>
          <tbody>
            {matches.dimensions.map((dimension, index) => (
              <tr key={dimension.id}>
                <th scope="row" lang={lang}>{textIn(dimension.name, lang)}</th>
                <td>{figure(score.dimensions[index]?.now)}</td>
                <td>{figure(score.dimensions[index]?.wanted)}</td>
              </tr>
            ))}
            <tr><th scope="row">{t('result.overall')}</th><td>{figure(score.overall.now)}</td><td>{figure(score.overall.wanted)}</td></tr>
          </tbody>
        </table>
      ) : null}
      <NoteEditor key={sitting.id} history={history} sittingId={sitting.id} />
      {matches ? (
        <details class="table-toggle">
          <summary>{t('sittings.answers')}</summary>
          {matches.dimensions.map((dimension) => (
            <section key={dimension.id} lang={lang}>
              <h2>{textIn(dimension.name, lang)}</h2>
              <ul class="answer-list">
                {itemsOf(matches, dimension.id).map((item) => {
                  const position = sitting.answers[item.id];
                  return (
                    <li key={item.id}>
                      <span>{textIn(item.left, lang)}</span> ↔ <span>{textIn(item.right, lang)}</span>
                      <br />
                      <span class="answer-position" lang={app.i18n.language.value}>
                        {position ? t(`assess.point${position}` as MessageKey) : sitting.notApplicable?.includes(item.id) ? t('assess.notApplicable') : '–'}
                      </span>
                      {sitting.wantedItems?.[item.id] ? (
                        <span class="answer-position" lang={app.i18n.language.value}> · {t('result.wanted')}: {t(`assess.point${sitting.wantedItems[item.id]}` as MessageKey)}</span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </details>
      ) : null}
      <div class="button-row">
        <button type="button" class="button" onClick={() => void remove()}>{t('sittings.delete')}</button>
      </div>
    </article>
  );
}
