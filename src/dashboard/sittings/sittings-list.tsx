import { useMemo, useState } from 'preact/hooks';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { HistoryModelInstance } from '../../ui/history/history-model';

const PAGE_SIZE = 50;

/** Every sitting, newest first, a page at a time so years of history stay quick. */
export function SittingsList({ history }: { history: HistoryModelInstance }) {
  const app = useApp();
  const t = useT();
  const formatDate = app.i18n.formatDate.value;
  const language = app.i18n.language.value;
  const [shown, setShown] = useState(PAGE_SIZE);
  const sittings = useMemo(() => [...history.sittings.value].reverse(), [history.sittings.value]);
  const notes = history.notes.value;
  if (sittings.length === 0) return <p>{t('history.empty')} <a href="#/take">{t('welcome.start')}</a></p>;
  return (
    <>
      {/* A data table may need its width; it scrolls in its own box, the page does not (WCAG 1.4.10). */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="sittings-table-caption">
      <table class="data-table" data-testid="sittings-table">
        <caption id="sittings-table-caption">{t('sittings.caption', { count: sittings.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.questionnaire')}</th>
            <th scope="col">{t('sittings.note')}</th>
          </tr>
        </thead>
        <tbody>
          {sittings.slice(0, shown).map((sitting) => {
            const entry = app.catalog.find(sitting.questionnaire.id);
            const lang = entry ? contentLanguage(entry, language) : 'en';
            return (
              <tr key={sitting.id} data-sitting={sitting.id}>
                <th scope="row"><a href={`#/sittings/${sitting.id}`}>{formatDate(sitting.completedAt)}</a></th>
                <td lang={lang}>
                  {entry ? textIn(entry.title, lang) : t('sittings.removedQuestionnaire', { id: sitting.questionnaire.id })}
                  {sitting.round ? <span class="hint small"> · {t('sittings.round', { name: sitting.round.name })}</span> : null}
                </td>
                <td>{notes[sitting.id]?.text ? t('sittings.hasNote') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </div>
      {shown < sittings.length ? (
        <button type="button" class="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          {t('sittings.showMore', { count: Math.min(PAGE_SIZE, sittings.length - shown) })}
        </button>
      ) : null}
    </>
  );
}
