import { useApp, useT } from '../ui/app-context';
import { BlockingError } from '../ui/blocking-error';
import { useHashRoute } from '../ui/hash-route';
import { TakeView } from './take-view';
import { WelcomeView } from './welcome-view';

const VIEWS = ['welcome', 'take'] as const;

/** The full-tab dashboard; the hash picks the view. */
export function DashboardApp() {
  const app = useApp();
  const t = useT();
  const [view = 'welcome', ...rest] = useHashRoute();
  const current = (VIEWS as readonly string[]).includes(view) ? view : 'welcome';
  return (
    <>
      <a class="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header class="dashboard-header">
        <span class="brand">{t('dashboard.nav')}</span>
        <nav aria-label={t('dashboard.nav')}>
          <ul>
            <li><a href="#/welcome" aria-current={current === 'welcome' ? 'page' : undefined}>{t('dashboard.welcome')}</a></li>
            <li><a href="#/take" aria-current={current === 'take' ? 'page' : undefined}>{t('dashboard.take')}</a></li>
          </ul>
        </nav>
      </header>
      <main id="main" class="dashboard-main">
        {app.blockingError.value ? <BlockingError /> : current === 'take' ? <TakeView questionnaireId={rest[0]} /> : <WelcomeView />}
      </main>
    </>
  );
}
