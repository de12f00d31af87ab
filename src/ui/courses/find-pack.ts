import { loadedPackKey } from '../../core/pack/pack-records';
import { validateCoursePack } from '../../core/pack/validate-pack';
import type { LocalizedText } from '../../core/questionnaire/types';
import type { KeyValueStore } from '../../core/storage/store';
import type { PackEntry } from './pack-catalog';

/** A pack's title and languages, shipped or loaded by a teacher into this browser; null when there is none. */
export async function findPackTitle(store: KeyValueStore, shipped: readonly PackEntry[], packId: string): Promise<{ title: LocalizedText; languages: readonly string[] } | null> {
  const entry = shipped.find((pack) => pack.id === packId);
  if (entry) return { title: entry.title, languages: entry.languages };
  const key = loadedPackKey(packId);
  const checked = validateCoursePack((await store.get([key]))[key]);
  return checked.ok && checked.value.id === packId ? { title: checked.value.title, languages: checked.value.languages } : null;
}
