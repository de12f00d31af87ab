import { draftKey, isDraftMeta, type DraftMeta } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';

export function draftKeysOf(catalog: Catalog): string[] {
  return catalog.entries.map((entry) => draftKey(entry.id));
}

/**
 * The drafts in progress, read by their meta keys only (never a scan of all storage). A
 * draft of an earlier version of a questionnaire (begun before an update) counts as long
 * as that version is kept: it resumes on it (assessment-model.ts).
 */
export async function readDrafts(store: KeyValueStore, catalog: Catalog): Promise<Record<string, DraftMeta>> {
  return draftsFrom(await store.get(draftKeysOf(catalog)), catalog);
}

export function draftsFrom(stored: Readonly<Record<string, unknown>>, catalog: Catalog): Record<string, DraftMeta> {
  const drafts: Record<string, DraftMeta> = {};
  for (const entry of catalog.entries) {
    const draft = stored[draftKey(entry.id)];
    if (isDraftMeta(draft) && catalog.findVersion(entry.id, draft.questionnaire.version)) drafts[entry.id] = draft;
  }
  return drafts;
}

/** The draft touched last: the one the person was most likely in the middle of. */
export function latestDraft(drafts: Readonly<Record<string, DraftMeta>>): DraftMeta | null {
  let latest: DraftMeta | null = null;
  for (const draft of Object.values(drafts)) {
    if (!latest || draft.updatedAt > latest.updatedAt) latest = draft;
  }
  return latest;
}
