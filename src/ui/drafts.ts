import { draftKey, isDraft, type Draft } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from './catalog';

/** The drafts in progress, read by their keys only (never a scan of all storage). */
export async function readDrafts(store: KeyValueStore, catalog: Catalog): Promise<Record<string, Draft>> {
  const stored = await store.get(catalog.entries.map((entry) => draftKey(entry.id)));
  const drafts: Record<string, Draft> = {};
  for (const entry of catalog.entries) {
    const draft = stored[draftKey(entry.id)];
    if (isDraft(draft) && draft.questionnaire.version === entry.version) drafts[entry.id] = draft;
  }
  return drafts;
}

/** The draft touched last: the one the person was most likely in the middle of. */
export function latestDraft(drafts: Readonly<Record<string, Draft>>): Draft | null {
  let latest: Draft | null = null;
  for (const draft of Object.values(drafts)) {
    if (!latest || draft.updatedAt > latest.updatedAt) latest = draft;
  }
  return latest;
}
