import type { RoundState } from './round-state';

/**
 * Where the lead's Shiftmeter keeps each round's private key and protective state:
 * outside extension storage, so that no backup carries them and no restore reaches
 * them (IndexedDB in the extension: src/platform/round-vault.ts; memory in tests).
 * The private key is not extractable: it opens codes, and its bytes never leave.
 */
export interface RoundVault {
  key(roundId: string): Promise<CryptoKey | null>;
  /** The stored state as it is (the caller validates it), or undefined when there is none. */
  state(roundId: string): Promise<unknown>;
  /** The ids of the rounds whose private key is here. */
  roundIds(): Promise<string[]>;
  /** Every stored state by round id, to check a restore against. */
  states(): Promise<Record<string, unknown>>;
  /** A new round's key and first state, written together. */
  create(roundId: string, key: CryptoKey, state: RoundState): Promise<void>;
  putState(roundId: string, state: RoundState): Promise<void>;
  /** Removes every key and state ("Erase everything"): rounds then cannot open codes any more. */
  clear(): Promise<void>;
}
