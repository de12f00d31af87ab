import { useEffect, useLayoutEffect } from 'preact/hooks';
import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { useHashRoute } from '../ui/hash-route';
import { useReadyMark } from '../ui/ready';
import type { HistoryModelInstance } from '../ui/history/history-model';
import type { MessageKey } from '../ui/i18n/en-dashboard';
import type { HomeStart } from './home-start';
import type { JSX } from 'preact';
import { isViewName, useView, type ViewModule, type ViewName } from './views';

/**
 * The navigation's tabs, in their order: every view but 'print' (a paper form, reached
 * from the questionnaire list). The views themselves are defined once, in views.ts.
 */
const TABS = ['home', 'welcome', 'take', 'history', 'sittings', 'courses', 'team', 'data', 'settings'] as const satisfies readonly ViewName[];
// A view added to views.ts without a tab (or a tab without a view) fails the type check here.
type Untabbed = Exclude<ViewName, (typeof TABS)[number] | 'print'>;
const everyViewTabbed: [Untabbed] extends [never] ? true : Untabbed = true;
void everyViewTabbed;

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
  const view: ViewName = isViewName(route) ? route : start;
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
      {/* The focus moves by script: following "#main" would make it the address, which names no view, and open the start view. */}
      <a class="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>{t('common.skipToContent')}</a>
      <header class="dashboard-header">
        <span class="brand">{t('dashboard.nav')}</span>
        <nav aria-label={t('dashboard.nav')}>
          <ul>
            {TABS.map((name) => (
              <li key={name}>
                <a href={`#/${name}`} aria-current={view === name ? 'page' : undefined}>{t(`dashboard.${name}` as MessageKey)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class="dashboard-main" tabIndex={-1}>
        {app.blockingError.value ? <BlockingError /> : <CurrentView view={view} rest={rest} history={history} homeStart={homeStart} />}
      </main>
    </>
  );
}

interface CurrentViewProps {
  view: ViewName;
  rest: readonly string[];
  history: HistoryModelInstance;
  homeStart: HomeStart | null | undefined;
}

/** The view the hash names. */
function CurrentView({ view, rest, history, homeStart }: CurrentViewProps) {
  switch (view) {
    case 'print': return <Lazy view="print" render={(m) => <m.PrintView questionnaireId={rest[0]} />} />;
    case 'take': return <Lazy view="take" render={(m) => <m.TakeView questionnaireId={rest[0]} coursePackId={rest[1] === 'course' ? rest[2] : undefined} />} />;
    case 'history': return <Lazy view="history" render={(m) => <m.HistoryView history={history} questionnaireId={rest[0]} />} />;
    case 'sittings': return <Lazy view="sittings" render={(m) => <m.SittingsView history={history} sittingId={rest[0]} />} />;
    // One instance per pack: another pack's page, or a late load of the last one, is never drawn under this one's address.
    case 'courses': return <Lazy view="courses" render={(m) => <m.CoursesView key={rest[0] ?? ''} packId={rest[0]} section={rest[1]} />} />;
    case 'data': return <Lazy view="data" render={(m) => <m.DataView />} />;
    case 'team': return <Lazy view="team" render={(m) => <m.TeamView route={rest} />} />;
    case 'settings': return <Lazy view="settings" render={(m) => <m.SettingsView />} />;
    case 'home': return <Lazy view="home" render={(m) => <m.HomeView start={homeStart} />} />;
    default: return <Lazy view="welcome" render={(m) => <m.WelcomeView />} />;
  }
}

/** A view once its chunk is in (views.ts): nothing while it loads, which takes a few milliseconds; a message if it cannot load. */
function Lazy<V extends ViewName>({ view, render }: { view: V; render: (module: ViewModule<V>) => JSX.Element }) {
  const state = useView(view);
  if (state.kind === 'loading') return null;
  if (state.kind === 'failed') return <ViewFailed detail={state.detail} />;
  return render(state.module);
}

/** What shows in place of a view whose code could not be loaded; the page is as ready as it will get, as with a failed read. */
function ViewFailed({ detail }: { detail: string }) {
  const t = useT();
  useReadyMark(true);
  return <p class="notice notice-error" role="alert">{t('dashboard.viewFailed', { detail })}</p>;
}
