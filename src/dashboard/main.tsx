import { earlierQuestionnaires, shippedQuestionnaires } from 'shiftmeter:catalog';
import { createExtensionStore, sittingForm } from '../platform/extension-storage';
import { readManagedPolicy } from '../platform/managed-policy';
import { createRoundVault } from '../platform/round-vault';
import { browserLanguages } from '../platform/runtime';
import { createCatalog, type Catalog } from '../ui/catalog';
import { lastTakenKey } from '../core/storage/records';
import { actionKeysOf } from '../ui/actions/action-keys';
import { primeQuestionnaireActions } from '../ui/actions/actions-store';
import { HistoryModel } from '../ui/history/history-model';
import { keepRecentCurrent, recentKeysOf } from '../ui/history/recent-sittings';
import { syncPolicy } from '../ui/policy/policy-sync';
import { loadDashboardMessages } from '../ui/i18n/dashboard-messages';
import { reminderKeysOf } from '../ui/reminders-model';
import { loadChart } from '../ui/charts/chart-js';
import { renderPage } from '../ui/render-page';
import { parseRoute } from '../ui/hash-route';
import { adoptStylesheet } from '../ui/styles/adopt-stylesheet';
import baseCss from '../ui/styles/base.css';
import dashboardCss from './dashboard.css';
import { DashboardApp } from './dashboard-app';
import { homeKeysOf, startHome } from './home-start';
import { isViewName, loadView } from './views';

const store = createExtensionStore();
const catalog = createCatalog(shippedQuestionnaires, earlierQuestionnaires);
// The history model is made here, so its read can start before the first render, and
// this module is its one owner: it lives as long as the page (the views come and go).
const history = new HistoryModel({ store, now: () => new Date() });
addEventListener('pagehide', (event) => {
  // Not when the page is only put aside to come back (the back-forward cache).
  if (!event.persisted) history[Symbol.dispose]();
});
const opensOnHistory = /^#\/(history|sittings)/.test(location.hash);
// The history's chart marks the actions chosen after a result.
const drawsActions = /^#\/history/.test(location.hash);
// The chunk of the view the page opens on is fetched now, beside the first reads (views.ts).
// With no view named it is the summary for a returning person, the welcome otherwise;
// which one is known only after the first read, so the summary (the likelier) is fetched.
const openingView = parseRoute(location.hash)[0] ?? 'home';
void loadView(isViewName(openingView) ? openingView : 'home').catch(() => undefined);
// No view named (a returning person's summary, or the welcome) or the summary itself.
const opensOnHome = /^(#\/?)?(home)?$/.test(location.hash);

void renderPage(
  { store, catalog, browserLanguages, extraMessages: loadDashboardMessages, roundVault: createRoundVault(),
    applyPolicy: async (shipped) => syncPolicy(store, shipped, await readManagedPolicy(), new Date()) },
  (_app, prefetched) => {
    if (opensOnHistory) preloadLatestQuestionnaire(catalog, prefetched);
    if (drawsActions) primeQuestionnaireActions(catalog, prefetched);
    keepRecentCurrent(store, catalog, prefetched);
    // Someone who has taken any questionnaire opens on the overview.
    const returning = catalog.entries.some((entry) => prefetched[lastTakenKey(entry.id)] !== undefined);
    home?.firstRead(prefetched);
    return <DashboardApp history={history} returning={returning} homeStart={home} />;
  },
  // The history's first view also draws the action markers of the questionnaire it shows.
  (shown) => (opensOnHome ? homeKeysOf(shown) : [...reminderKeysOf(shown), ...recentKeysOf(shown), ...(drawsActions ? actionKeysOf(shown) : [])]),
);
// The summary's other read (the rounds) goes out now, after the first, as the history's does below.
const home = opensOnHome ? startHome(store) : null;
// Views built on the history start reading it now, while the settings read that
// renderPage has just sent is on its way: storage answers in the order asked, so the
// small read still comes back first, and the large one no longer waits for it to return.
// (A read from before a migration is set aside by the history model; see its readAll.)
if (opensOnHistory) void history.ensureLoaded();
// Every view but the welcome reads sittings sooner or later: their stored form is fetched beside the first reads.
void sittingForm();
// The history's charts need Chart.js, a large chunk: fetched while the history is read, so
// the charts are drawn in the same frame as the rest of the view.
if (/^#\/history/.test(location.hash)) void loadChart();
// The stylesheet is parsed while the reads are on their way, and is in place before the
// first render, which waits for them.
adoptStylesheet(baseCss);
adoptStylesheet(dashboardCss);

/** Starts loading the chunk of the questionnaire taken last, which the history shows first. */
function preloadLatestQuestionnaire(catalog: Catalog, stored: Readonly<Record<string, unknown>>) {
  let latest: { id: string; at: string } | null = null;
  for (const entry of catalog.entries) {
    const at = stored[lastTakenKey(entry.id)];
    if (typeof at === 'string' && (!latest || at > latest.at)) latest = { id: entry.id, at };
  }
  if (latest) void catalog.find(latest.id)?.load();
}
