import { expect } from 'vitest';
import type { Page } from 'puppeteer-core';
import { parseInvitation } from '../../../src/core/round/invitation';
import { fromStoredItems } from '../../../src/core/storage/stored-form';
import { axeViolations, formatViolations } from './axe';
import { eventually } from './eventually';
import { clickButton, fill, show, waitForElement, waitUntil } from './firefox';
import type { Theme } from './languages';

/*
 * What the extension's pages keep and show, read and checked in Firefox ESR the way
 * ./firefox.ts drives them: through evaluate, never an element handle.
 */

/**
 * Everything in the extension's storage as it is kept there (sittings as JSON text), read
 * in the page (the extension's `browser` API lives there) and handed back as JSON text,
 * so Node gets plain data.
 */
export async function storedRaw(page: Page): Promise<Record<string, any>> {
  return JSON.parse(await page.evaluate(() => (globalThis as any).browser.storage.local.get(null).then((data: unknown) => JSON.stringify(data)))) as Record<string, any>;
}

/** Everything in the extension's storage, read as the extension reads it (sittings parsed). */
export async function storedData(page: Page): Promise<Record<string, any>> {
  return fromStoredItems(await storedRaw(page));
}

/**
 * The dashboard's own theme setting, as Settings sets it (<html data-theme>). The Firefox
 * tests choose the theme in the page; Chromium's emulate the colour-scheme preference.
 */
export const setTheme = (page: Page) => async (theme: Theme): Promise<void> => {
  await page.evaluate((chosen) => {
    document.documentElement.dataset.theme = chosen;
  }, theme);
};

/** axe with the page's dark theme and then its light one (as Settings sets them), ending in light. */
export async function expectNoAxeViolationsLightAndDark(page: Page, what: string): Promise<void> {
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page)(theme);
    const violations = await axeViolations(page);
    expect(violations, `${what} (${theme}):\n${formatViolations(violations)}`).toEqual([]);
  }
}

/** Waits for the assessment page to show part `n` (its progress label reads "Part n of …"). */
export async function waitForPart(page: Page, n: number): Promise<void> {
  await waitUntil(page, (part: number) => document.querySelector('label[for="assessment-progress"]')?.textContent?.startsWith(`Part ${part} `), {}, n);
}

/**
 * The lead starts a round of the shipped questionnaire on the Team page, named `name`
 * with the minimum group `minGroup`, and gets its invitation code, read until it parses.
 */
export async function startTeamRound(page: Page, name: string, minGroup: number): Promise<string> {
  await show(page, '#/team');
  await waitForElement(page, '#round-name');
  await fill(page, '#round-name', name);
  await fill(page, '#round-min-group', String(minGroup));
  await clickButton(page, 'Start the round');
  await waitForElement(page, '#invitation-code');
  return eventually(() => page.evaluate(() => (document.querySelector('#invitation-code') as HTMLTextAreaElement).value), (text) => expect(parseInvitation(text).ok).toBe(true));
}
