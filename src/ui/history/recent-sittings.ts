import { readRecent, recentFrom, recentKey, RECENT_LENGTH, RECENT_PREFIX, withSitting, type RecentSitting } from '../../core/history/recent';
import { readStoredHistory } from '../../core/history/stored-records';
import type { Questionnaire } from '../../core/questionnaire/types';
import { scoreQuestionnaire } from '../../core/scoring';
import { KEYS, lastTakenKey, SCHEMA_VERSION, sittingKey, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';

/** Every page that writes `recent:` records takes this lock, so two never interleave a read and a write. */
export const RECENT_LOCK = 'recent';

/** A sitting as the recent record keeps it: overall now and wanted to one decimal. */
export function recentEntryOf(questionnaire: Questionnaire | null, sitting: Sitting): RecentSitting {
  const overall = questionnaire && !questionnaire.axes ? scoreQuestionnaire(questionnaire, sitting).overall : null;
  return {
    id: sitting.id,
    completedAt: sitting.completedAt,
    version: sitting.questionnaire.version,
    now: tenth(overall?.now ?? null),
    wanted: tenth(overall?.wanted ?? null),
  };
}

function tenth(score: number | null): number | null {
  return score === null ? null : Math.round(score * 10) / 10;
}

/**
 * Stores a finished sitting with its questionnaire's last-taken time and recent record, in
 * one write. Where the recent record is missing though the questionnaire was taken before
 * (a history from before recent records, or one lost), it is made again from every stored
 * sitting of that questionnaire once the sitting is safe.
 */
export async function storeSittingWithRecent(store: KeyValueStore, catalog: Catalog, questionnaire: Questionnaire, sitting: Sitting): Promise<void> {
  const id = questionnaire.id;
  const rebuild = await store.exclusive(RECENT_LOCK, async () => {
    const stored = await store.get([recentKey(id), lastTakenKey(id)]);
    const recent = readRecent(stored[recentKey(id)]);
    const complete = recent !== null || stored[lastTakenKey(id)] === undefined;
    const items: Record<string, unknown> = { [sittingKey(sitting.id)]: sitting, [lastTakenKey(id)]: sitting.completedAt };
    if (complete) items[recentKey(id)] = withSitting(recent, recentEntryOf(questionnaire, sitting));
    await store.set(items);
    return !complete;
  });
  // Best effort: the sitting is stored; a recent record that cannot be made now is made when the dashboard next opens.
  if (rebuild) await rebuildRecent(store, catalog, [id]).catch(() => undefined);
}

/**
 * Makes the recent records again from the stored sittings: of the given questionnaires, or
 * of every one (after a restore, a deletion, or when the dashboard finds one missing).
 * Sittings of a version not at hand keep their date, without scores.
 */
export async function rebuildRecent(store: KeyValueStore, catalog: Catalog, only?: readonly string[]): Promise<void> {
  // Under the lock from the read to the write: a sitting stored meanwhile is not left out.
  await store.exclusive(RECENT_LOCK, async () => {
    const all = await store.getAll();
    // Data saved by a newer Shiftmeter is left exactly as it is (its pages say to update).
    const version = all[KEYS.schemaVersion];
    if (typeof version === 'number' && version > SCHEMA_VERSION) return;
    const latest = new Map<string, Sitting[]>();
    for (const sitting of readStoredHistory(all).sittings) {
      const id = sitting.questionnaire.id;
      if (only && !only.includes(id)) continue;
      const list = latest.get(id) ?? [];
      list.push(sitting);
      // Oldest first: only the last RECENT_LENGTH are scored.
      if (list.length > RECENT_LENGTH) list.shift();
      latest.set(id, list);
    }
    const items: Record<string, unknown> = {};
    for (const [id, list] of latest) {
      const entries = await Promise.all(list.map(async (sitting) => recentEntryOf(await loadVersion(catalog, id, sitting.questionnaire.version), sitting)));
      items[recentKey(id)] = recentFrom(entries);
    }
    const gone = Object.keys(all).filter((key) => key.startsWith(RECENT_PREFIX) && !(key in items) && (!only || only.some((id) => recentKey(id) === key)));
    if (Object.keys(items).length > 0) await store.set(items);
    if (gone.length > 0) await store.remove(gone);
  });
}

async function loadVersion(catalog: Catalog, id: string, version: number): Promise<Questionnaire | null> {
  try {
    return (await catalog.findVersion(id, version)?.load()) ?? null;
  } catch {
    return null;
  }
}

/** Each listed questionnaire's recent record key. */
export function recentKeysOf(catalog: Catalog): string[] {
  return catalog.entries.map((entry) => recentKey(entry.id));
}

/**
 * The dashboard keeps the recent records true to the sittings: it makes those missing for
 * a questionnaire taken before (a history from before they existed), and makes them again
 * whenever sittings change on any page (a deletion, an undo, a restore). `stored` is what
 * the page read at start (each questionnaire's recent record and last-taken time).
 * Returns a function that stops listening.
 */
export function keepRecentCurrent(store: KeyValueStore, catalog: Catalog, stored: Readonly<Record<string, unknown>>): () => void {
  const missing = catalog.entries
    .filter((entry) => stored[lastTakenKey(entry.id)] !== undefined && readRecent(stored[recentKey(entry.id)]) === null)
    .map((entry) => entry.id);
  // Best effort throughout: the popup shows the last-taken date until a record is made.
  if (missing.length > 0) void rebuildRecent(store, catalog, missing).catch(() => undefined);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = store.onChanged((keys) => {
    if (!keys.some((key) => key.startsWith(KEYS.sittingPrefix))) return;
    // A sitting stored with its recent record (storeSittingWithRecent, one write) left the
    // record current: rebuilding would read and check every sitting again, which in a
    // dashboard open beside the popup took longer the longer the history.
    if (keys.some((key) => key.startsWith(RECENT_PREFIX))) return;
    // A restore writes many sittings in a few writes: one rebuild after them.
    clearTimeout(timer);
    timer = setTimeout(() => void rebuildRecent(store, catalog).catch(() => undefined), 300);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
