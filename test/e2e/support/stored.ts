import type { Page } from 'playwright-core';
import { fromStoredItems } from '../../../src/core/storage/stored-form';

/** Everything in the extension's storage as it is kept there (sittings as JSON text). */
export function storedRaw(page: Page): Promise<Record<string, any>> {
  return page.evaluate(() => chrome.storage.local.get(null));
}

/** Everything in the extension's storage, read as the extension reads it (sittings parsed). */
export async function storedRecords(page: Page): Promise<Record<string, any>> {
  return fromStoredItems(await storedRaw(page));
}
