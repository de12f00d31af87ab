import { useEffect, useState } from 'preact/hooks';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import { AssessmentScreen } from '../ui/assessment/assessment-screen';
import { BlockingError } from '../ui/blocking-error';
import { latestDraft, readDrafts } from '../ui/drafts';
import { LanguageSelect } from '../ui/language-select';
import { QuestionnaireList } from '../ui/questionnaire-list';
import { useReadyMark } from '../ui/ready';
import { createRemindersModel } from '../ui/reminders-model';

type View = { kind: 'loading' } | { kind: 'list'; drafts: Record<string, DraftMeta> } | { kind: 'assessment'; id: string };

/** The toolbar popup: resumes a questionnaire in progress, or lists them to start one. */
export function PopupApp({ openDashboard }: { openDashboard: (hash: string) => void }) {
  const app = useApp();
  const t = useT();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [reminders] = useState(() => createRemindersModel(app.store, app.catalog, app.now));

  async function showList(resume: boolean) {
    const [drafts] = await Promise.all([readDrafts(app.store, app.catalog), reminders.load()]);
    const latest = resume ? latestDraft(drafts) : null;
    setView(latest ? { kind: 'assessment', id: latest.questionnaire.id } : { kind: 'list', drafts });
  }

  useEffect(() => {
    if (app.blockingError.value === null) void showList(true);
  }, []);
  useReadyMark(view.kind === 'list');

  if (app.blockingError.value) return <main class="popup"><BlockingError /></main>;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <button type="button" class="link-button" onClick={() => openDashboard('#/welcome')}>{t('common.openDashboard')}</button>
      </header>
      {view.kind === 'loading' ? <p class="hint" role="status">{t('common.loading')}</p> : null}
      {view.kind === 'list' ? (
        <>
          <h2>{t('popup.heading')}</h2>
          <p class="hint">{t('popup.choose')}</p>
          <QuestionnaireList drafts={view.drafts} isDue={reminders.due} onOpen={(id) => setView({ kind: 'assessment', id })} />
          <LanguageSelect />
        </>
      ) : null}
      {view.kind === 'assessment' ? (
        <AssessmentScreen key={view.id} questionnaireId={view.id} onDone={() => void showList(false)} onHistory={() => openDashboard(`#/history/${view.id}`)} />
      ) : null}
    </main>
  );
}
