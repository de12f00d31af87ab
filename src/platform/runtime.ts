import { browser } from './browser';

/** Opens a view of the dashboard in a new tab, e.g. `#/welcome`. */
export async function openDashboard(hash = ''): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`dashboard.html${hash}`) });
}

export function browserLanguages(): readonly string[] {
  return [browser.i18n.getUILanguage(), ...(globalThis.navigator?.languages ?? [])];
}
