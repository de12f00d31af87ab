import { actionKeysOf } from '../ui/actions/action-keys';
import { readRoundIndex, ROUND_INDEX_KEY } from '../core/round/round-index';
import type { Round } from '../core/round/round-record';
import { KEYS, SCHEMA_VERSION } from '../core/storage/records';
import type { KeyValueStore } from '../core/storage/store';
import type { Catalog } from '../ui/catalog';
import { draftKeysOf } from '../ui/drafts';
import { recentKeysOf } from '../ui/history/recent-sittings';
import { reminderKeysOf } from '../ui/reminders-model';
import { roundsByIndex } from '../ui/team/team-store';

/** What the summary shows, as read when the dashboard started. */
export interface HomeStartData {
  /** The page's first read, which carried `homeKeysOf`. */
  stored: Readonly<Record<string, unknown>>;
  /** The rounds, or null when the view must list them itself (see `startHome`). */
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
  return [...recentKeysOf(catalog), ...actionKeysOf(catalog), ...draftKeysOf(catalog), ...reminderKeysOf(catalog)];
}

/**
 * Starts reading the rounds now, by their index: call it after the page's first read is
 * sent, which storage then answers first. Where the index is missing (rounds from before
 * it) or the read saw records of another schema (sent before the start migrated them), it
 * is set aside, and the summary lists the rounds itself.
 */
export function startHome(store: KeyValueStore): HomeStart {
  const rounds = store.get([ROUND_INDEX_KEY, KEYS.schemaVersion])
    .then((stored) => {
      const index = readRoundIndex(stored[ROUND_INDEX_KEY]);
      return index && stored[KEYS.schemaVersion] === SCHEMA_VERSION ? roundsByIndex(store, index) : null;
    })
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
