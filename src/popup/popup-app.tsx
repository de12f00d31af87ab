import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { draftKeysOf, draftsFrom, latestDraft, readDrafts } from '../ui/drafts';
import { LanguageSelect } from '../ui/language-select';
import { QuestionnaireList } from '../ui/questionnaire-list';
import { focusNextViewHeading, useReadyMark } from '../ui/ready';
import { reminderKeysOf, RemindersModel } from '../ui/reminders-model';
import { LazyAssessmentScreen, loadAssessmentScreen } from './assessment-loader';
import type { Catalog } from '../ui/catalog';

type View = { kind: 'list'; drafts: Record<string, DraftMeta> } | { kind: 'assessment'; id: string };

export interface PopupAppProps {
  openDashboard: (hash: string) => void;
  /** Drafts and reminders, read with the settings before the first render (see `popupKeys`). */
  prefetched: Readonly<Record<string, unknown>>;
}

/** The toolbar popup: resumes a questionnaire in progress, or lists them to start one. */
export function PopupApp({ openDashboard, prefetched }: PopupAppProps) {
  const app = useApp();
  const t = useT();
  // From the reminders read with the settings: the first view needs no read of its own.
  const reminders = useModel(() => new RemindersModel({ store: app.store, catalog: app.catalog, now: app.now }, prefetched));
  // The first view is decided from data already read, so it renders complete at once.
  const [view, setView] = useState<View>(() => {
    const drafts = draftsFrom(prefetched, app.catalog);
    const latest = latestDraft(drafts);
    if (!latest) return { kind: 'list', drafts };
    // Fetch the questionnaire now rather than from the runner's effect after the first
    // frame: a few ms sooner on screen (the module loader shares the one request).
    void app.catalog.findVersion(latest.questionnaire.id, latest.questionnaire.version)?.load();
    void loadAssessmentScreen();
    return { kind: 'assessment', id: latest.questionnaire.id };
  });

  async function showList() {
    const [drafts] = await Promise.all([readDrafts(app.store, app.catalog), reminders.load()]);
    // Back from a questionnaire ("Stop for now", "Done"): the list's heading takes the focus.
    focusNextViewHeading();
    setView({ kind: 'list', drafts });
  }

  useReadyMark(view.kind === 'list' && !app.blockingError.value);
  if (app.blockingError.value) return <main class="popup"><BlockingError /></main>;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <button type="button" class="link-button" onClick={() => openDashboard('#/welcome')}>{t('common.openDashboard')}</button>
      </header>
      {view.kind === 'list' ? (
        <>
          <h2 data-view-heading>{t('popup.heading')}</h2>
          <p class="hint">{t('popup.choose')}</p>
          {/* Before the list: a member with an invitation should not have to pass six questionnaires to find it. */}
          <p><button type="button" class="link-button" onClick={() => openDashboard('#/team/answer')}>{t('team.popupInvitation')}</button></p>
          <QuestionnaireList drafts={view.drafts} isDue={(id) => reminders.due.value.has(id)} onOpen={(id) => setView({ kind: 'assessment', id })} />
          {/* Fetched once the list is up, so opening a questionnaire does not wait for it. */}
          <PreloadAssessment />
          <LanguageSelect />
        </>
      ) : null}
      {view.kind === 'assessment' ? (
        <LazyAssessmentScreen key={view.id} questionnaireId={view.id} onDone={() => void showList()} onHistory={() => openDashboard(`#/history/${view.id}`)} />
      ) : null}
    </main>
  );
}

function PreloadAssessment() {
  useEffect(() => void loadAssessmentScreen(), []);
  return null;
}

/**
 * Everything the popup's first view needs, read in the same storage call as the settings
 * (for added questionnaires, in one more: see AppModel.start).
 */
export function popupKeys(catalog: Catalog): string[] {
  return [...draftKeysOf(catalog), ...reminderKeysOf(catalog)];
}
