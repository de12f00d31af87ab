import { readRoundActions, roundActionsKey, type RoundActions } from '../../core/round/round-actions';
import type { KeyValueStore } from '../../core/storage/store';

/** Every page that changes a round's agreed actions takes this lock. */
export const ROUND_ACTIONS_LOCK = 'round-actions';

export async function readAgreedActions(store: KeyValueStore, roundId: string): Promise<RoundActions | null> {
  return readRoundActions((await store.get([roundActionsKey(roundId)]))[roundActionsKey(roundId)]);
}

/** Reads a round's agreed actions, changes them and writes them back; a damaged stored record is never overwritten. */
export async function changeAgreedActions(store: KeyValueStore, roundId: string, change: (record: RoundActions) => RoundActions): Promise<RoundActions> {
  return store.exclusive(ROUND_ACTIONS_LOCK, async () => {
    const key = roundActionsKey(roundId);
    const stored = (await store.get([key]))[key];
    const record = readRoundActions(stored);
    if (stored !== undefined && record === null) throw new Error('The stored actions of this round are damaged; nothing was changed.');
    const next = change(record ?? { schema: 1, roundId, actions: [] });
    await store.set({ [key]: next });
    return next;
  });
}
