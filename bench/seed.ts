import { mulberry32 } from '../src/core/round/random';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchPage } from './page-timing';
import * as records from '../src/core/storage/records';
import { toStoredItems } from '../src/core/storage/stored-form';
import { ADDED_KEYS, addedKey } from '../src/core/library/added-keys';
import type { AddedRecord } from '../src/core/library/added-record';
import { contentHash } from '../src/core/library/content-hash';
import { entryOf } from '../src/core/library/library';
import type { Questionnaire } from '../src/core/questionnaire/types';
import { recentFrom, recentKey, RECENT_LENGTH } from '../src/core/history/recent';
import { recentEntryOf } from '../src/ui/history/recent-sittings';

const QUESTIONNAIRE_ID = 'production-service';
const BATCH = 500;

interface QuestionnaireShape {
  formatVersion: number;
  id: string;
  version: number;
  dimensions: { id: string }[];
  items: { id: string; dimension: string; leftPole: 'from' | 'to' }[];
}

// Deterministic numbers (the kit's simulator's generator), so every bench run stores the same history.
function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const clampScale = (value: number) => Math.min(7, Math.max(1, Math.round(value)));

/**
 * `count` finished sittings of production-service, spread evenly over 2019–2025 with
 * answers that drift slowly per dimension plus noise, as a unit's practice would; shaped
 * as the app stores a sitting of the questionnaire's format (format 2: "wanted" per item,
 * on the item's own scale, and `wanted: {}`).
 * Each is checked with the product's own isSitting: a record the app would set aside
 * would measure the wrong thing. The Sitting shape is being reworked (the note moved
 * to a key of its own), so `note: ''` is added only if this checkout's isSitting wants it.
 */
export function makeSittings(count: number, seed = 1): records.Sitting[] {
  const questionnaire = JSON.parse(readFileSync(path.resolve('questionnaires', `${QUESTIONNAIRE_ID}.json`), 'utf8')) as QuestionnaireShape;
  const random = mulberry32(seed);
  const start = Date.parse('2019-01-01T08:00:00Z');
  const span = Date.parse('2025-12-31T16:00:00Z') - start;
  const trend = Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, 2 + random() * 3]));
  const sittings: records.Sitting[] = [];
  for (let i = 0; i < count; i++) {
    const completed = start + Math.floor((span * (i + random())) / Math.max(count, 1));
    for (const id of Object.keys(trend)) trend[id] = Math.min(6.5, Math.max(1.5, trend[id]! + (random() - 0.45) * 0.2));
    // The trend runs from the "from" pole (1) to the "to" pole (7); an item with "to" on the left is answered mirrored.
    const onItem = (item: QuestionnaireShape['items'][number], position: number) => (item.leftPole === 'from' ? position : 8 - position);
    const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, onItem(item, clampScale(trend[item.dimension]! + (random() - 0.5) * 3))]));
    const perItem = questionnaire.formatVersion >= 2;
    const wanted = perItem ? {} : Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, clampScale(trend[d.id]! + 1 + random() * 2)]));
    const wantedItems = perItem ? Object.fromEntries(questionnaire.items.map((item) => [item.id, onItem(item, clampScale(trend[item.dimension]! + 1 + random() * 2))])) : undefined;
    const sitting: Record<string, unknown> = {
      schema: 1,
      id: uuid(random),
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      startedAt: new Date(completed - (4 + Math.floor(random() * 20)) * 60_000).toISOString(),
      completedAt: new Date(completed).toISOString(),
      language: 'en',
      answers,
      wanted,
      ...(wantedItems ? { wantedItems, notApplicable: [] } : {}),
    };
    if (!records.isSitting(sitting)) sitting.note = '';
    if (!records.isSitting(sitting)) throw new Error(`bench: a generated sitting is not valid for this checkout's isSitting: ${JSON.stringify(sitting)}`);
    sittings.push(sitting as unknown as records.Sitting);
  }
  return sittings;
}

/** The keys the app writes when a sitting is finished, for these sittings. */
function storedItems(sittings: readonly records.Sitting[]): Record<string, unknown>[] {
  const batches: Record<string, unknown>[] = [];
  for (let i = 0; i < sittings.length; i += BATCH) {
    // In the form the extension's store writes them (compact text, src/core/storage/stored-form.ts).
    batches.push(toStoredItems(Object.fromEntries(sittings.slice(i, i + BATCH).map((s) => [records.sittingKey(s.id), s]))));
  }
  // As the app keeps them when a sitting is finished: the latest completion per
  // questionnaire, and the recent record the popup and the dashboard's summary draw from
  // (without it the popup shows a date where a person sees their last scores and trend,
  // and the dashboard rebuilds it from every sitting on its first opening).
  const latest = sittings.at(-1);
  if (latest) {
    const questionnaire = JSON.parse(readFileSync(path.resolve('questionnaires', `${QUESTIONNAIRE_ID}.json`), 'utf8')) as Questionnaire;
    const recent = recentFrom(sittings.slice(-RECENT_LENGTH).map((sitting) => recentEntryOf(questionnaire, sitting)));
    batches.push({ [records.lastTakenKey(QUESTIONNAIRE_ID)]: latest.completedAt, [recentKey(QUESTIONNAIRE_ID)]: recent });
  }
  return batches;
}

/**
 * Empties extension storage and writes `count` sittings from an extension page (the
 * only place with the extension's storage), in batches so no message gets huge.
 * After `clear` the schema version goes back, as the background's install step left it.
 * Returns the bytes in use, which shows how close 10,000 sittings come to the quota.
 */
export async function seedSittings(page: BenchPage, count: number): Promise<StoredSize> {
  await page.evaluate(async (schemaVersion: number) => {
    const storage = ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local;
    await storage.clear();
    await storage.set({ schemaVersion });
  }, records.SCHEMA_VERSION);
  for (const batch of storedItems(makeSittings(count))) {
    await page.evaluate((items: Record<string, unknown>) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set(items), batch);
  }
  const stored = await storedSize(page, 'sitting:');
  if (stored.count !== count) throw new Error(`bench: stored ${stored.count} sittings, wanted ${count}`);
  return stored;
}

/**
 * Adds `count` questionnaires as a person would add them from files (each a copy of a
 * shipped one under an id of its own), with the index the popup reads: the bench's
 * check that many added questionnaires keep the popup quick. Written on top of what is
 * stored; returns the bytes in use.
 */
export async function seedAddedQuestionnaires(page: BenchPage, count: number): Promise<StoredSize> {
  const shipped = JSON.parse(readFileSync(path.resolve('questionnaires', `${QUESTIONNAIRE_ID}.json`), 'utf8')) as Questionnaire;
  const items: Record<string, unknown> = {};
  const entries = [];
  for (let i = 0; i < count; i++) {
    const questionnaire: Questionnaire = { ...shipped, id: `added-${String(i).padStart(3, '0')}`, title: Object.fromEntries(Object.entries(shipped.title).map(([lang, text]) => [lang, `${text} (${i + 1})`])) };
    const record: AddedRecord = { schema: 1, hash: await contentHash(questionnaire), addedAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), origin: 'file', questionnaire };
    items[addedKey(questionnaire.id, questionnaire.version)] = record;
    entries.push(entryOf(record, questionnaire));
  }
  items[ADDED_KEYS.index] = { schema: 1, entries };
  const stored = toStoredItems(items);
  const keys = Object.keys(stored);
  for (let i = 0; i < keys.length; i += 20) {
    await page.evaluate((batch: Record<string, unknown>) => ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local.set(batch), Object.fromEntries(keys.slice(i, i + 20).map((key) => [key, stored[key]])));
  }
  return storedSize(page, 'added:');
}

/**
 * What is stored: how many keys start with `prefix`, Chromium's own count of the bytes
 * in use (getBytesInUse: each key's length plus its value as JSON), and the same count
 * made in the page from what storage.local.get returns, as UTF-8. Firefox's
 * storage.local has no getBytesInUse (it keeps the data in IndexedDB, with no quota
 * of 10 MB), so there `bytesInUse` is null and `jsonBytes` is the figure.
 */
export interface StoredSize {
  count: number;
  bytesInUse: number | null;
  jsonBytes: number;
}

function storedSize(page: BenchPage, prefix: string): Promise<StoredSize> {
  return page.evaluate(async (start: string) => {
    const storage = ((globalThis as any).browser ?? (globalThis as any).chrome).storage.local;
    const all = (await storage.get(null)) as Record<string, unknown>;
    const encoder = new TextEncoder();
    let jsonBytes = 0;
    for (const [key, value] of Object.entries(all)) jsonBytes += encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;
    const bytesInUse = typeof storage.getBytesInUse === 'function' ? ((await storage.getBytesInUse(null)) as number) : null;
    return { count: Object.keys(all).filter((key) => key.startsWith(start)).length, bytesInUse, jsonBytes };
  }, prefix);
}

/**
 * The bytes `count` sittings would take in storage.local as Chromium counts them
 * (each key's length plus its value as JSON, UTF-8), computed here from the stored form
 * alone: the figure for a history the browser's quota refused.
 */
export function storedJsonBytes(count: number): number {
  const items: Record<string, unknown> = Object.assign({ schemaVersion: records.SCHEMA_VERSION }, ...storedItems(makeSittings(count)));
  return Object.entries(items).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)), 0);
}
