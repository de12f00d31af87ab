import { shippedQuestionnaires } from 'shiftmeter:catalog';
import { createExtensionStore } from '../platform/extension-storage';
import { browserLanguages } from '../platform/runtime';
import { createCatalog } from '../ui/catalog';
import { renderPage } from '../ui/render-page';
import '../ui/styles/base.css';
import { DashboardApp } from './dashboard-app';

void renderPage(
  { store: createExtensionStore(), catalog: createCatalog(shippedQuestionnaires), browserLanguages },
  () => <DashboardApp />,
);
