import { ALARM_PREFIX } from './core/history/alarm-plan';
import { ensureMigrated } from './core/storage/run-migrations';
import { browser } from './platform/browser';
import { createExtensionStore } from './platform/extension-storage';
import { isReminderChange, notifyReminder, scheduleReminders } from './platform/reminders';
import { openDashboard } from './platform/runtime';

// Listeners are registered synchronously at the top level, as MV3 background pages
// and service workers require to be woken by their events.

// Migrate stored data on install and update, before any page reads it; welcome new users.
browser.runtime.onInstalled.addListener(async (details) => {
  await ensureMigrated(createExtensionStore());
  if (details.reason === 'install') await openDashboard('#/welcome');
  await scheduleReminders();
});

browser.runtime.onStartup.addListener(() => void scheduleReminders());

// A new cadence, or a sitting just finished, moves the next reminder.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && isReminderChange(Object.keys(changes))) void scheduleReminders();
});

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name.startsWith(ALARM_PREFIX)) void notifyReminder(alarm.name);
});

browser.notifications.onClicked.addListener((id) => {
  if (!id.startsWith(ALARM_PREFIX)) return;
  void browser.notifications.clear(id);
  void openDashboard(`#/take/${encodeURIComponent(id.slice(ALARM_PREFIX.length))}`);
});
