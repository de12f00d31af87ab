import { useEffect, useState } from 'preact/hooks';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import { AssessmentScreen } from '../ui/assessment/assessment-screen';
import { readDrafts } from '../ui/drafts';
import { navigate } from '../ui/hash-route';
import { QuestionnaireList } from '../ui/questionnaire-list';
import { useReadyMark } from '../ui/ready';

/** The questionnaires in a full tab: the list, or one being taken. */
export function TakeView({ questionnaireId }: { questionnaireId: string | undefined }) {
  const t = useT();
  if (questionnaireId) {
    return (
      <section class="take" aria-label={t('dashboard.take')}>
        <AssessmentScreen key={questionnaireId} questionnaireId={questionnaireId} onDone={() => navigate('take')} onHistory={() => navigate('history', questionnaireId)} />
      </section>
    );
  }
  return <TakeList />;
}

function TakeList() {
  const app = useApp();
  const t = useT();
  const [drafts, setDrafts] = useState<Record<string, DraftMeta> | null>(null);
  useEffect(() => {
    void readDrafts(app.store, app.catalog).then(setDrafts);
  }, []);
  useReadyMark(drafts !== null);
  return (
    <section class="take">
      <h1 tabIndex={-1}>{t('dashboard.take')}</h1>
      <p class="hint">{t('popup.choose')}</p>
      {drafts ? <QuestionnaireList drafts={drafts} headingLevel={2} onOpen={(id) => navigate('take', id)} printLink={(id) => ({ href: `#/print/${id}`, label: t('take.print') })} /> : <p role="status">{t('common.loading')}</p>}
    </section>
  );
}
