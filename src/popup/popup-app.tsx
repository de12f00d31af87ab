import { useModel } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { draftsFrom, latestDraft, readDrafts } from '../ui/drafts';
import { LanguageSelect } from '../ui/language-select';
import { readRecent, recentKey, type RecentRecord } from '../core/history/recent';
import { actionsKey, isActionDue, openActions, readActions } from '../core/actions/actions';
import { QuestionnaireRows } from './questionnaire-rows';
import { focusNextViewHeading, useReadyMark } from '../ui/ready';
import { RemindersModel } from '../ui/reminders-model';
import { LazyAssessmentScreen, loadAssessmentScreen } from './assessment-loader';
import type { Catalog, CatalogEntry } from '../ui/catalog';
import { actionKeysOf } from '../ui/actions/action-keys';
import { draftKey, lastTakenKey, reminderKey } from '../core/storage/records';

type View = { kind: 'list'; drafts: Record<string, DraftMeta>; recent: Record<string, RecentRecord | null>; actions: Record<string, OpenActionState> } | { kind: 'assessment'; id: string };

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
    if (!latest) return { kind: 'list', drafts, recent: recentFrom(prefetched, app.catalog), actions: openActionCounts(prefetched, app.catalog, app.now()) };
    // Fetch the questionnaire now rather than from the runner's effect after the first
    // frame: a few ms sooner on screen (the module loader shares the one request).
    void app.catalog.findVersion(latest.questionnaire.id, latest.questionnaire.version)?.load();
    void loadAssessmentScreen();
    return { kind: 'assessment', id: latest.questionnaire.id };
  });

  // A hundred questionnaires added from files would make a long list and a large first read: the first few are listed, the rest on demand.
  const [showAll, setShowAll] = useState(false);

  // Each change of view counts here, so a list read that comes back after the person has opened a questionnaire does not close it again.
  const viewChanges = useRef(0);
  async function showList(all = showAll) {
    const asked = ++viewChanges.current;
    const [drafts, stored] = await Promise.all([
      readDrafts(app.store, app.catalog),
      app.store.get([...recentKeysOf(app.catalog), ...actionKeysOf(app.catalog)]).catch(() => ({})),
      reminders.load(),
    ]);
    const recent = recentFrom(stored, app.catalog);
    const actions = openActionCounts(stored, app.catalog, app.now());
    if (asked !== viewChanges.current) return;
    // Back from a questionnaire ("Stop for now", "Done"): the list's heading takes the focus.
    if (!all) focusNextViewHeading();
    setShowAll(all);
    setView({ kind: 'list', drafts, recent, actions });
  }

  useReadyMark(view.kind === 'list' && !app.blockingError.value);
  if (app.blockingError.value) return <main class="popup"><BlockingError /></main>;
  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('app.name')}</h1>
        <button type="button" class="link-button" onClick={() => openDashboard('#/')}>{t('common.openDashboard')}</button>
      </header>
      {view.kind === 'list' ? (
        <>
          <div class="popup-subhead">
            <h2 data-view-heading>{t('popup.heading')}</h2>
            {/* Before the list: a member with an invitation should not have to pass six questionnaires to find it. */}
            <button type="button" class="link-button" onClick={() => openDashboard('#/team/answer')}>{t('team.popupInvitation')}</button>
          </div>
          <QuestionnaireRows
            entries={showAll ? app.catalog.entries : listedFirst(app.catalog)}
            hidden={showAll ? 0 : app.catalog.entries.length - listedFirst(app.catalog).length}
            onShowAll={() => void showList(true)}
            drafts={view.drafts}
            recent={view.recent}
            openActions={Object.fromEntries(Object.entries(view.actions).map(([id, state]) => [id, state.count]))}
            lastTaken={(id) => reminders.states.value[id]?.lastTaken ?? null}
            isDue={(id) => reminders.due.value.has(id) || (view.actions[id]?.due ?? false)}
            onOpen={(id) => {
              viewChanges.current++;
              setView({ kind: 'assessment', id });
            }}
          />
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
 * Everything the popup's first view needs (drafts, reminders, the latest sittings' scores), read in the same storage call as the settings
 * (for added questionnaires, in one more: see AppModel.start).
 */
export function popupKeys(catalog: Catalog): string[] {
  return listedFirst(catalog).flatMap((entry) => [draftKey(entry.id), reminderKey(entry.id), lastTakenKey(entry.id), recentKey(entry.id), actionsKey(entry.id)]);
}

/** Questionnaires added in this browser listed before "Show all": enough for a course or an agency's own few. */
export const ADDED_LISTED_FIRST = 10;

/** What the list shows first: every shipped and organisation questionnaire, and the first few added ones. */
function listedFirst(catalog: Catalog): readonly CatalogEntry[] {
  const added = catalog.entries.filter((entry) => entry.origin === 'added');
  if (added.length <= ADDED_LISTED_FIRST) return catalog.entries;
  const hidden = new Set(added.slice(ADDED_LISTED_FIRST));
  return catalog.entries.filter((entry) => !hidden.has(entry));
}

/** Each listed questionnaire's recent record (only these keys: the scoring that makes them is not in the popup's first view). */
function recentKeysOf(catalog: Catalog): string[] {
  return catalog.entries.map((entry) => recentKey(entry.id));
}

interface OpenActionState {
  count: number;
  /** An open action's day has passed: the questionnaire is due for the sitting that asks how it went. */
  due: boolean;
}

/** How many actions of each questionnaire wait to be reviewed, and whether one is due. */
function openActionCounts(stored: Readonly<Record<string, unknown>>, catalog: Catalog, now: Date): Record<string, OpenActionState> {
  return Object.fromEntries(catalog.entries.map((entry) => {
    const open = openActions(readActions(stored[actionsKey(entry.id)]));
    return [entry.id, { count: open.length, due: open.some((action) => isActionDue(action, now)) }];
  }));
}

function recentFrom(stored: Readonly<Record<string, unknown>>, catalog: Catalog): Record<string, RecentRecord | null> {
  return Object.fromEntries(catalog.entries.map((entry) => [entry.id, readRecent(stored[recentKey(entry.id)])]));
}
