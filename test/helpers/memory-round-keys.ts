import type { RoundKeyStore } from '../../src/ui/team/team-store';

/** The round-key store in memory, as IndexedDB keeps it in the extension. */
export function memoryRoundKeys(): RoundKeyStore {
  const keys = new Map<string, CryptoKey>();
  return { get: async (id) => keys.get(id) ?? null, put: async (id, key) => void keys.set(id, key), clear: async () => keys.clear() };
}
