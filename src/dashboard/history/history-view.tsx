import { useMemo } from 'preact/hooks';
import { scoreSittings } from '../../core/history/series';
import { contentLanguage as pickLanguage, textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { navigateInPlace } from '../../ui/hash-route';
import type { HistoryModelInstance } from '../../ui/history/history-model';
import { useEarlierVersions, useQuestionnaire } from '../../ui/history/use-questionnaire';
import { useReadyMark } from '../../ui/ready';
import { useQuestionnaireActions } from '../../ui/actions/actions-store';
import { SetAsideNotice } from '../set-aside-notice';
import { Comparison } from './comparison';
import { OverTime } from './over-time';

let chartsMarked = false;
/** For the benchmark: the first time the history's charts are painted. */
function markChartsDrawn() {
  if (chartsMarked) return;
  chartsMarked = true;
  performance.mark('shiftmeter:charts-drawn');
}

/** How each questionnaire a person has taken moves over time. */
export function HistoryView({ history, questionnaireId }: { history: HistoryModelInstance; questionnaireId: string | undefined }) {
  const app = useApp();
  const t = useT();
  const sittings = history.sittings.value;
  // Newest first, so the questionnaire taken last is the one shown first.
  const takenIds = useMemo(() => [...new Set([...sittings].reverse().map((s) => s.questionnaire.id))], [sittings]);
  // Read during render, so a questionnaire added again on another page brings its charts back.
  const taken = takenIds.filter((id) => app.catalog.find(id));
  const removed = takenIds.filter((id) => !app.catalog.find(id));
  const selectedId = questionnaireId && taken.includes(questionnaireId) ? questionnaireId : taken[0];
  const questionnaire = useQuestionnaire(selectedId);
  // Sittings answered on an earlier version are charted too, for the dimensions that continue.
  const versions = useMemo(() => [...new Set(sittings.filter((s) => s.questionnaire.id === selectedId).map((s) => s.questionnaire.version))].sort(), [sittings, selectedId]);
  const earlier = useEarlierVersions(selectedId, versions);
  const actions = useQuestionnaireActions(app.store, selectedId);
  const status = history.status.value;
  // Ready once what the first view draws is known, the action markers too.
  useReadyMark(status.kind === 'failed' || (status.kind === 'ready' && (selectedId === undefined || (questionnaire !== null && earlier !== null && actions !== null))));
  const language = app.i18n.language.value;
  const series = useMemo(
    () => (questionnaire && questionnaire !== 'missing' ? scoreSittings(questionnaire, sittings, earlier ?? []) : []),
    [questionnaire, sittings, earlier],
  );

  if (status.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (status.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: status.detail })}</p>;
  return (
    <section aria-labelledby="history-heading">
      <h1 id="history-heading" tabIndex={-1}>{t('history.heading')}</h1>
      <SetAsideNotice history={history} />
      {removed.length > 0 ? (
        <p class="notice" data-testid="removed-questionnaires">
          {t('history.removed', { count: sittings.filter((s) => removed.includes(s.questionnaire.id)).length, ids: removed.join(', ') })}
        </p>
      ) : null}
      {taken.length === 0 && removed.length > 0 ? null : taken.length === 0 ? (
        <p>{t('history.empty')} <a href="#/take">{t('welcome.start')}</a></p>
      ) : (
        <div class="field">
          <label for="history-questionnaire">{t('history.questionnaire')}</label>
          <select id="history-questionnaire" value={selectedId} onChange={(event) => navigateInPlace('history', (event.currentTarget as HTMLSelectElement).value)}>
            {taken.map((id) => {
              const entry = app.catalog.find(id)!;
              const lang = pickLanguage(entry, language);
              return <option key={id} value={id} lang={lang}>{textIn(entry.title, lang)}</option>;
            })}
          </select>
        </div>
      )}
      {questionnaire && questionnaire !== 'missing' && series.length > 0 ? (
        <>
          <OverTime
            questionnaire={questionnaire}
            series={series}
            notes={history.notes.value}
            actions={actions ?? []}
            contentLanguage={pickLanguage(questionnaire, language)}
            onDrawn={markChartsDrawn}
          />
          {series.length > 1 ? (
            <Comparison questionnaire={questionnaire} series={series} contentLanguage={pickLanguage(questionnaire, language)} />
          ) : (
            <p class="hint">{t('history.oneSitting')}</p>
          )}
          <p><a href="#/sittings">{t('history.allSittings')}</a></p>
        </>
      ) : null}
    </section>
  );
}
