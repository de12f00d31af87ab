import { shippedQuestionnaireIds } from 'shiftmeter:shipped-ids';
import { ALARM_PREFIX } from './core/history/alarm-plan';
import { ensureMigrated } from './core/storage/run-migrations';
import { browser } from './platform/browser';
import { createExtensionStore } from './platform/extension-storage';
import { isReminderChange, notifyReminder, scheduleReminders } from './platform/reminders';
import { onManagedPolicyChanged, readManagedPolicy } from './platform/managed-policy';
import { openDashboard } from './platform/runtime';
import { syncPolicy } from './ui/policy/policy-sync';

// Listeners are registered synchronously at the top level, as MV3 background pages
// and service workers require to be woken by their events.

/**
 * The organisation's policy, applied to storage so the popup can list its questionnaires
 * and the pages use its settings (ui/policy/policy-sync.ts). A failure leaves the last
 * applied policy as it was: the extension never stops for a policy.
 */
async function applyPolicy(): Promise<void> {
  try {
    const shipped = { shippedIds: new Set(shippedQuestionnaireIds), ids: shippedQuestionnaireIds };
    await syncPolicy(createExtensionStore(), shipped, await readManagedPolicy(), new Date());
  } catch {
    // Storage full or unreadable: the dashboard says so when it applies the policy itself.
  }
}

// Migrate stored data on install and update, before any page reads it; welcome new users.
browser.runtime.onInstalled.addListener(async (details) => {
  await ensureMigrated(createExtensionStore());
  await applyPolicy();
  if (details.reason === 'install') await openDashboard('#/welcome');
  await scheduleReminders();
});

browser.runtime.onStartup.addListener(async () => {
  await applyPolicy();
  await scheduleReminders();
});

// Chrome reports a changed policy at once (Firefox reads it once per start).
onManagedPolicyChanged(() => void applyPolicy().then(scheduleReminders));

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
