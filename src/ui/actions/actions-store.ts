import { useEffect, useState } from 'preact/hooks';
import { actionsKey, readActions, type ActionsRecord, type UnitAction } from '../../core/actions/actions';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';

/** Every page that changes a questionnaire's actions takes this lock, so two never interleave a read and a write. */
export const ACTIONS_LOCK = 'actions';

export async function readQuestionnaireActions(store: KeyValueStore, questionnaireId: string): Promise<ActionsRecord | null> {
  return readActions((await store.get([actionsKey(questionnaireId)]))[actionsKey(questionnaireId)]);
}

/**
 * Reads a questionnaire's actions, changes them and writes them back under the lock. A
 * stored record that is not a valid one is never overwritten: the change is refused
 * (and the record stays for the data page to report), so nothing is lost.
 */
export async function changeActions(store: KeyValueStore, questionnaireId: string, change: (record: ActionsRecord | null) => ActionsRecord): Promise<ActionsRecord> {
  return store.exclusive(ACTIONS_LOCK, async () => {
    const key = actionsKey(questionnaireId);
    const stored = (await store.get([key]))[key];
    const record = readActions(stored);
    if (stored !== undefined && record === null) throw new Error('The stored actions of this questionnaire are damaged; nothing was changed.');
    const next = change(record);
    await store.set({ [key]: next });
    return next;
  });
}

/**
 * Actions from the page's first read, by questionnaire: what the view that shows them
 * first draws before its own read is back (see primeQuestionnaireActions).
 */
const fromFirstRead = new Map<string, readonly UnitAction[]>();

/**
 * Keeps what the page's first read found of the catalog's actions (`actionKeysOf`: a key
 * that was asked for and is absent means none), so the history draws its action markers in its
 * first view instead of a read later, when they would appear under the reader's eyes.
 * The view still reads them itself, so a change made after the first read is not missed.
 */
export function primeQuestionnaireActions(catalog: Catalog, stored: Readonly<Record<string, unknown>>): void {
  for (const { id } of catalog.entries) fromFirstRead.set(id, readActions(stored[actionsKey(id)])?.actions ?? []);
}

/**
 * A questionnaire's actions, read when shown and again whenever any page changes them;
 * null until they are known for this questionnaire (never another one's, shown while
 * this one's are read).
 */
export function useQuestionnaireActions(store: KeyValueStore, questionnaireId: string | undefined): readonly UnitAction[] | null {
  const [loaded, setLoaded] = useState<{ for: string; actions: readonly UnitAction[] } | null>(null);
  useEffect(() => {
    if (!questionnaireId) return;
    let live = true;
    const read = () => void readQuestionnaireActions(store, questionnaireId).then(
      (record) => {
        fromFirstRead.delete(questionnaireId);
        if (live) setLoaded({ for: questionnaireId, actions: record?.actions ?? [] });
      },
      () => undefined,
    );
    read();
    const stop = store.onChanged((keys) => {
      if (keys.includes(actionsKey(questionnaireId))) read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [store, questionnaireId]);
  if (!questionnaireId) return [];
  if (loaded?.for === questionnaireId) return loaded.actions;
  return fromFirstRead.get(questionnaireId) ?? null;
}
