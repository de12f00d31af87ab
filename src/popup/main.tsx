import { earlierVersions, shippedQuestionnaires } from 'shiftmeter:catalog';
import { createExtensionStore, sittingForm } from '../platform/extension-storage';
import { browserLanguages, openDashboard } from '../platform/runtime';
import { createCatalog } from '../ui/catalog';
import { renderPage } from '../ui/render-page';
import { adoptStylesheet } from '../ui/styles/adopt-stylesheet';
import baseCss from '../ui/styles/base.css';
import { PopupApp, popupKeys } from './popup-app';

// Earlier versions too, titled as the current one: a draft begun on one before an update resumes on it.
const earlier = earlierVersions.flatMap((version) => {
  const current = shippedQuestionnaires.find((entry) => entry.id === version.id);
  return current ? [{ ...current, ...version }] : [];
});
const catalog = createCatalog(shippedQuestionnaires, earlier);
void renderPage(
  { store: createExtensionStore(), catalog, browserLanguages },
  (_app, prefetched) => <PopupApp prefetched={prefetched} openDashboard={(hash) => void openDashboard(hash).then(() => window.close())} />,
  popupKeys,
// Once the list is up, the sittings' stored form is fetched, so a finished sitting is
// written the moment it is finished (the popup can close at any click).
).then(() => void sittingForm());
// After renderPage has sent its storage read: the stylesheet is parsed while the read is
// on its way, and is in place before the first render, which waits for that read.
adoptStylesheet(baseCss);
