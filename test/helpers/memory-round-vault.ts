import type { RoundVault } from '../../src/core/round/round-vault';

/** The round vault in memory, as IndexedDB keeps it in the extension (states cloned, as structured clone does). */
export function memoryRoundVault(): RoundVault & { keys: Map<string, CryptoKey>; stored: Map<string, unknown> } {
  const keys = new Map<string, CryptoKey>();
  const stored = new Map<string, unknown>();
  const clone = <T>(value: T): T => structuredClone(value);
  return {
    keys,
    stored,
    key: async (id) => keys.get(id) ?? null,
    state: async (id) => clone(stored.get(id)),
    roundIds: async () => [...keys.keys()],
    states: async () => Object.fromEntries([...stored].map(([id, value]) => [id, clone(value)])),
    create: async (id, key, state) => {
      keys.set(id, key);
      stored.set(id, clone(state));
    },
    putState: async (id, state) => void stored.set(id, clone(state)),
    clear: async () => {
      keys.clear();
      stored.clear();
    },
  };
}
