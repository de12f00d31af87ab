import { ensureMigrated } from './core/storage/run-migrations';
import { browser } from './platform/browser';
import { createExtensionStore } from './platform/extension-storage';
import { openDashboard } from './platform/runtime';

// Migrate stored data on install and update, before any page reads it; welcome new users.
browser.runtime.onInstalled.addListener(async (details) => {
  await ensureMigrated(createExtensionStore());
  if (details.reason === 'install') await openDashboard('#/welcome');
});
