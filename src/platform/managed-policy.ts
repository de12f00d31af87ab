import { browser } from './browser';

/**
 * The organisation's policy as the browser's managed storage holds it, unread
 * (src/core/policy/read-policy.ts checks it), or null when there is none. Chrome
 * resolves {} without a policy; Firefox rejects ("Managed storage manifest not found"),
 * as it does whenever it cannot read one: no policy is what either means here, so this
 * never rejects.
 */
export async function readManagedPolicy(): Promise<unknown> {
  try {
    const items: unknown = await browser.storage.managed.get();
    if (typeof items !== 'object' || items === null) return items ?? null;
    return Object.keys(items).length === 0 ? null : items;
  } catch {
    return null;
  }
}

/**
 * Calls `listener` when the policy changes; returns the function that stops it. Chrome
 * reports a change as it happens; Firefox reads the policy once per start and never
 * reports one.
 */
export function onManagedPolicyChanged(listener: () => void): () => void {
  const handler = (_changes: unknown, areaName: string) => {
    if (areaName === 'managed') listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
