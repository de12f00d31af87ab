import { ADDED_KEYS, addedKey } from '../../core/library/added-keys';
import { readAddedIndex, type AddedEntry } from '../../core/library/added-index';
import { isPlainObject } from '../../core/shape';
import type { Questionnaire } from '../../core/questionnaire/types';
import type { KeyValueStore } from '../../core/storage/store';
import type { CatalogEntry } from '../catalog';

/** Thrown by an added questionnaire's `load` when its record is gone or damaged. */
export class AddedQuestionnaireUnreadable extends Error {
  constructor(readonly key: string) {
    super(`The added questionnaire ${key} cannot be read`);
    this.name = 'AddedQuestionnaireUnreadable';
  }
}

/**
 * The catalog's entries for the questionnaires added in this browser, from the index:
 * the lists need no questionnaire text, and each text is read (and checked again) when
 * it is first taken or charted.
 */
export function addedCatalogEntries(index: unknown, store: KeyValueStore): CatalogEntry[] {
  return readAddedIndex(index).entries.map((entry) => addedCatalogEntry(entry, store));
}

function addedCatalogEntry(entry: AddedEntry, store: KeyValueStore): CatalogEntry {
  let loading: Promise<Questionnaire> | null = null;
  const key = addedKey(entry.id, entry.version);
  return {
    id: entry.id,
    version: entry.version,
    languages: entry.languages,
    title: entry.title,
    description: entry.description,
    poles: entry.poles,
    dimensionCount: entry.dimensionCount,
    itemCount: entry.itemCount,
    questionCount: entry.questionCount,
    origin: entry.origin === 'organisation' ? 'organisation' : 'added',
    hash: entry.hash,
    added: { at: entry.addedAt, via: entry.origin },
    load() {
      loading ??= store.get([key]).then(async (stored) => {
        const record = stored[key];
        // Its hash is the check: the record was validated when it was added or restored,
        // and any change since, by damage or by hand, changes the hash. (The full
        // validator stays out of the popup; the dashboard's library check runs it.)
        // The index may be older than the record (another page replaced it): the record's own hash decides.
        const questionnaire = isPlainObject(record) && record.hash === entry.hash && isPlainObject(record.questionnaire) ? record.questionnaire : null;
        // The hashing code is fetched when a questionnaire is opened, not with the popup's list.
        const { contentHash } = await import('../../core/library/content-hash');
        if (!questionnaire || (await contentHash(questionnaire)) !== entry.hash) throw new AddedQuestionnaireUnreadable(key);
        if (questionnaire.id !== entry.id || questionnaire.version !== entry.version) throw new AddedQuestionnaireUnreadable(key);
        return questionnaire as unknown as Questionnaire;
      });
      // A failed read may succeed later (the record restored): only a success is kept.
      loading.catch(() => void (loading = null));
      return loading;
    },
  };
}

export { ADDED_KEYS };
