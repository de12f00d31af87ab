import { shippedQuestionnaires } from 'shiftmeter:catalog';
import { createExtensionStore } from '../platform/extension-storage';
import { browserLanguages, openDashboard } from '../platform/runtime';
import { createCatalog } from '../ui/catalog';
import { renderPage } from '../ui/render-page';
import '../ui/styles/base.css';
import { PopupApp } from './popup-app';

void renderPage(
  { store: createExtensionStore(), catalog: createCatalog(shippedQuestionnaires), browserLanguages },
  () => <PopupApp openDashboard={(hash) => void openDashboard(hash).then(() => window.close())} />,
);
