import { signal } from '@preact/signals';
import type { AddedOrigin } from '../core/library/added-keys';
import type { QuestionnaireSummary } from '../core/questionnaire/summary';
import type { Questionnaire } from '../core/questionnaire/types';

/** Where a questionnaire that did not ship with Shiftmeter came from. */
export type CatalogOrigin = 'added' | 'organisation';

export interface CatalogEntry extends QuestionnaireSummary {
  load(): Promise<Questionnaire>;
  /** Absent for the questionnaires that ship with Shiftmeter. */
  origin?: CatalogOrigin;
  /** The content hash, for a questionnaire that did not ship (identity by content). */
  hash?: string;
  /** For one added in this browser: when, and how it came (a file, a course pack, a team round). */
  added?: { at: string; via: AddedOrigin };
}

/**
 * The questionnaires a person can take, and the earlier versions of them that sittings
 * and team rounds were answered on: those that ship with Shiftmeter, those the
 * organisation provides, and those added in this browser. The lists read `entries`
 * during render, so a questionnaire added on another page shows without a reload.
 * Injected so tests can hand in their own.
 */
export interface Catalog {
  /** The current version of each questionnaire: what the lists offer. */
  readonly entries: readonly CatalogEntry[];
  find(id: string): CatalogEntry | undefined;
  /** The given version: the current one, or an earlier one kept for what was answered on it. */
  findVersion(id: string, version: number): CatalogEntry | undefined;
  /** The ids of the questionnaires that ship with Shiftmeter, in any version: no added file may take one. */
  readonly shippedIds: ReadonlySet<string>;
  /** Every version of the questionnaires beyond the shipped ones. */
  readonly extra: readonly CatalogEntry[];
  /** Replaces the questionnaires beyond the shipped ones (every version of each). */
  setExtra(extra: readonly CatalogEntry[]): void;
}

export function createCatalog(shipped: readonly CatalogEntry[], earlier: readonly CatalogEntry[] = [], extra: readonly CatalogEntry[] = []): Catalog {
  const shippedIds = new Set([...shipped, ...earlier].map((entry) => entry.id));
  const state = signal(compose(shipped, earlier, extra, shippedIds));
  return {
    get entries() {
      return state.value.current;
    },
    find: (id) => state.value.current.find((entry) => entry.id === id),
    findVersion: (id, version) => state.value.all.find((entry) => entry.id === id && entry.version === version),
    shippedIds,
    get extra() {
      return state.value.extra;
    },
    setExtra(next) {
      state.value = compose(shipped, earlier, next, shippedIds);
    },
  };
}

/** The current version of each questionnaire (the highest of those here), and every version. */
function compose(shipped: readonly CatalogEntry[], earlier: readonly CatalogEntry[], extra: readonly CatalogEntry[], shippedIds: ReadonlySet<string>) {
  // An added file never takes a shipped id (the library refuses it); a damaged store might still hold one.
  const own = extra.filter((entry) => !shippedIds.has(entry.id));
  const latest = new Map<string, CatalogEntry>();
  for (const entry of own) {
    const seen = latest.get(entry.id);
    if (!seen || entry.version > seen.version) latest.set(entry.id, entry);
  }
  const ordered = [...latest.values()].sort((a, b) => originRank(a) - originRank(b));
  return { current: [...shipped, ...ordered], all: [...shipped, ...earlier, ...own], extra: own };
}

/** The organisation's questionnaires are listed before those a person added. */
function originRank(entry: CatalogEntry): number {
  return entry.origin === 'organisation' ? 0 : 1;
}
