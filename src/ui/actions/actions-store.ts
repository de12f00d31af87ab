import { useEffect, useState } from 'preact/hooks';
import { actionsKey, readActions, type ActionsRecord, type UnitAction } from '../../core/actions/actions';
import type { KeyValueStore } from '../../core/storage/store';

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

/** A questionnaire's actions, read when shown and again whenever any page changes them. */
export function useQuestionnaireActions(store: KeyValueStore, questionnaireId: string | undefined): readonly UnitAction[] {
  const [actions, setActions] = useState<readonly UnitAction[]>([]);
  useEffect(() => {
    if (!questionnaireId) return setActions([]);
    let live = true;
    const read = () => void readQuestionnaireActions(store, questionnaireId).then((record) => live && setActions(record?.actions ?? []), () => undefined);
    read();
    const stop = store.onChanged((keys) => {
      if (keys.includes(actionsKey(questionnaireId))) read();
    });
    return () => {
      live = false;
      stop();
    };
  }, [store, questionnaireId]);
  return actions;
}
