import { useEffect, useLayoutEffect } from 'preact/hooks';
import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { useHashRoute } from '../ui/hash-route';
import type { HistoryModelInstance } from '../ui/history/history-model';
import type { MessageKey } from '../ui/i18n/en-dashboard';
import { HistoryView } from './history/history-view';
import { HomeView } from './home-view';
import { lazyView } from './lazy-view';
import { WelcomeView } from './welcome-view';

// The views a person opens less often are chunks of their own (lazy-view.tsx); the overview,
// the welcome and the history, where the dashboard most often opens, come with it.
const CoursesView = lazyView(() => import('./courses/courses-view').then((m) => m.CoursesView));
const DataView = lazyView(() => import('./data/data-view').then((m) => m.DataView));
const PrintView = lazyView(() => import('./print-view').then((m) => m.PrintView));
const SettingsView = lazyView(() => import('./settings-view').then((m) => m.SettingsView));
const SittingsView = lazyView(() => import('./sittings/sittings-view').then((m) => m.SittingsView));
const TakeView = lazyView(() => import('./take-view').then((m) => m.TakeView));
const TeamView = lazyView(() => import('./team/team-view').then((m) => m.TeamView));

/** Starts loading the chunk of the view a route names, if it has one: main.tsx asks for the first view's at once. */
export function preloadView(route: string | undefined): void {
  const views: Record<string, { preload(): Promise<unknown> }> = { courses: CoursesView, data: DataView, print: PrintView, settings: SettingsView, sittings: SittingsView, take: TakeView, team: TeamView };
  if (route && Object.hasOwn(views, route)) void views[route]!.preload();
}

const VIEWS = ['home', 'welcome', 'take', 'history', 'sittings', 'courses', 'team', 'data', 'settings'] as const;
type View = (typeof VIEWS)[number] | 'print';

/**
 * The full-tab dashboard; the hash picks the view. `history` may already be loading (see
 * main.tsx). With no view named, someone who has taken a questionnaire sees the overview
 * of where they stand, and someone who has not the welcome.
 */
export function DashboardApp({ history, returning }: { history: HistoryModelInstance; returning: boolean }) {
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
          <PrintView.View questionnaireId={rest[0]} />
        ) : view === 'take' ? (
          <TakeView.View questionnaireId={rest[0]} coursePackId={rest[1] === 'course' ? rest[2] : undefined} />
        ) : view === 'history' ? (
          <HistoryView history={history} questionnaireId={rest[0]} />
        ) : view === 'sittings' ? (
          <SittingsView.View history={history} sittingId={rest[0]} />
        ) : view === 'courses' ? (
          <CoursesView.View packId={rest[0]} section={rest[1]} />
        ) : view === 'data' ? (
          <DataView.View />
        ) : view === 'team' ? (
          <TeamView.View route={rest} />
        ) : view === 'settings' ? (
          <SettingsView.View />
        ) : view === 'home' ? (
          <HomeView />
        ) : (
          <WelcomeView />
        )}
      </main>
    </>
  );
}
