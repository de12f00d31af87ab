import { useEffect, useLayoutEffect } from 'preact/hooks';
import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { useHashRoute } from '../ui/hash-route';
import type { HistoryModelInstance } from '../ui/history/history-model';
import type { MessageKey } from '../ui/i18n/en-dashboard';
import { CoursesView } from './courses/courses-view';
import { DataView } from './data/data-view';
import { HistoryView } from './history/history-view';
import type { HomeStart } from './home-start';
import { HomeView } from './home-view';
import { PrintView } from './print-view';
import { SettingsView } from './settings-view';
import { SittingsView } from './sittings/sittings-view';
import { TakeView } from './take-view';
import { TeamView } from './team/team-view';
import { WelcomeView } from './welcome-view';

const VIEWS = ['home', 'welcome', 'take', 'history', 'sittings', 'courses', 'team', 'data', 'settings'] as const;
type View = (typeof VIEWS)[number] | 'print';

/**
 * The full-tab dashboard; the hash picks the view. `history` may already be loading (see
 * main.tsx). With no view named, someone who has taken a questionnaire sees the overview
 * of where they stand, and someone who has not the welcome.
 */
export function DashboardApp({ history, returning, homeStart }: { history: HistoryModelInstance; returning: boolean; homeStart?: HomeStart | null }) {
  const app = useApp();
  const t = useT();
  const start = returning ? 'home' : 'welcome';
  const [route = start, ...rest] = useHashRoute();
  // 'print' (a paper form) is reached from the questionnaire list, not the navigation.
  const view: View = route === 'print' ? 'print' : (VIEWS as readonly string[]).includes(route) ? (route as View) : start;
  const needsHistory = view === 'history' || view === 'sittings';
  useEffect(() => {
    if (needsHistory) void history.ensureLoaded();
  }, [needsHistory]);
  // The view's name in the window title. A layout effect, so that it runs before the views'
  // own effects: one that knows better (a round's page) then sets its own.
  useLayoutEffect(() => {
    app.pageTitle.value = view === 'print' ? t('take.print') : t(`dashboard.${view}` as MessageKey);
  }, [view, t]);

  return (
    <>
      <a class="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header class="dashboard-header">
        <span class="brand">{t('dashboard.nav')}</span>
        <nav aria-label={t('dashboard.nav')}>
          <ul>
            {VIEWS.map((name) => (
              <li key={name}>
                <a href={`#/${name}`} aria-current={view === name ? 'page' : undefined}>{t(`dashboard.${name}` as MessageKey)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="dashboard-main">
        {app.blockingError.value ? (
          <BlockingError />
        ) : view === 'print' ? (
          <PrintView questionnaireId={rest[0]} />
        ) : view === 'take' ? (
          <TakeView questionnaireId={rest[0]} coursePackId={rest[1] === 'course' ? rest[2] : undefined} />
        ) : view === 'history' ? (
          <HistoryView history={history} questionnaireId={rest[0]} />
        ) : view === 'sittings' ? (
          <SittingsView history={history} sittingId={rest[0]} />
        ) : view === 'courses' ? (
          <CoursesView packId={rest[0]} section={rest[1]} />
        ) : view === 'data' ? (
          <DataView />
        ) : view === 'team' ? (
          <TeamView route={rest} />
        ) : view === 'settings' ? (
          <SettingsView />
        ) : view === 'home' ? (
          <HomeView start={homeStart} />
        ) : (
          <WelcomeView />
        )}
      </main>
    </>
  );
}
