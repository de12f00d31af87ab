import { shippedQuestionnaires } from 'shiftmeter:catalog';
import { createExtensionStore } from '../platform/extension-storage';
import { browserLanguages } from '../platform/runtime';
import { createCatalog, type Catalog } from '../ui/catalog';
import { lastTakenKey } from '../core/storage/records';
import { createHistoryModel } from '../ui/history/history-model';
import { loadDashboardMessages } from '../ui/i18n/dashboard-messages';
import { reminderKeysOf } from '../ui/reminders-model';
import { renderPage } from '../ui/render-page';
import '../ui/styles/base.css';
import { DashboardApp } from './dashboard-app';

const store = createExtensionStore();
const catalog = createCatalog(shippedQuestionnaires);
const history = createHistoryModel({ store, now: () => new Date() });

void renderPage(
  { store, catalog, browserLanguages, extraMessages: loadDashboardMessages },
  (_app, prefetched) => {
    // Views built on the history start reading it before the first render rather than after
    // it; not earlier, since storage answers in order and the settings read must not wait
    // behind every sitting.
    if (/^#\/(history|sittings)/.test(location.hash)) {
      void history.load();
      preloadLatestQuestionnaire(catalog, prefetched);
    }
    return <DashboardApp history={history} />;
  },
  reminderKeysOf(catalog),
);

/** Starts loading the chunk of the questionnaire taken last, which the history shows first. */
function preloadLatestQuestionnaire(catalog: Catalog, stored: Readonly<Record<string, unknown>>) {
  let latest: { id: string; at: string } | null = null;
  for (const entry of catalog.entries) {
    const at = stored[lastTakenKey(entry.id)];
    if (typeof at === 'string' && (!latest || at > latest.at)) latest = { id: entry.id, at };
  }
  if (latest) void catalog.find(latest.id)?.load();
}
