import { actionsKey } from '../core/actions/actions';
import { ROUND_KEYS, type Round } from '../core/round/round-record';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from '../ui/catalog';
import { draftKeysOf } from '../ui/drafts';
import { recentKeysOf } from '../ui/history/recent-sittings';
import { reminderKeysOf } from '../ui/reminders-model';
import { roundsFrom } from '../ui/team/team-store';

/** What the summary shows, as read when the dashboard started. */
export interface HomeStartData {
  /** The page's first read, which carried `homeKeysOf`. */
  stored: Readonly<Record<string, unknown>>;
  /** The rounds, or null when they must be read again (see `startHome`). */
  rounds: Promise<Round[] | null>;
}

/**
 * The summary's reads, sent as the dashboard starts when it opens on the summary, so its
 * first view needs no reads after the page's first (each read is a round trip, and Firefox
 * spends about a quarter of a millisecond on every key asked for). The data is handed
 * over once: a summary shown again later reads afresh.
 */
export interface HomeStart {
  /** Called with the page's first read, before the first render. */
  firstRead(stored: Readonly<Record<string, unknown>>): void;
  /** The data, the first time only, and only once the first read is back; null after. */
  take(): HomeStartData | null;
}

/** The keys the summary reads by name: each questionnaire's recent record, actions, draft and reminder. */
export function homeKeysOf(catalog: Catalog): string[] {
  return [...recentKeysOf(catalog), ...catalog.entries.map((entry) => actionsKey(entry.id)), ...draftKeysOf(catalog), ...reminderKeysOf(catalog)];
}

/**
 * Starts reading the rounds now: call it after the page's first read is sent, which
 * storage then answers first. A rounds read that saw records of another schema (sent
 * before the start migrated them) is set aside, and the summary reads them itself.
 */
export function startHome(store: KeyValueStore): HomeStart {
  const rounds = store.getPrefixed([ROUND_KEYS.roundPrefix, KEYS.schemaVersion])
    .then((all) => (all[KEYS.schemaVersion] === SCHEMA_VERSION ? roundsFrom(all) : null))
    .catch(() => null);
  let stored: Readonly<Record<string, unknown>> | null = null;
  let taken = false;
  return {
    firstRead(read) {
      stored = read;
    },
    take() {
      if (taken || !stored) return null;
      taken = true;
      return { stored, rounds };
    },
  };
}
