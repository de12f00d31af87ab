import { isNote, isSitting, KEYS, type Note, type Sitting } from '../storage/records';

/** A stored record that failed validation: kept in storage untouched, and reported. */
export interface SetAside {
  key: string;
  reason: string;
}

export interface StoredHistory {
  /** Valid sittings, oldest first. */
  sittings: Sitting[];
  notes: Record<string, Note>;
  setAside: SetAside[];
}

/**
 * Sorts everything read from storage into valid sittings and notes, and the records
 * that fail validation. A corrupt record never hides the others.
 */
export function readStoredHistory(all: Readonly<Record<string, unknown>>): StoredHistory {
  const sittings: Sitting[] = [];
  const notes: Record<string, Note> = {};
  const setAside: SetAside[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(KEYS.sittingPrefix)) {
      if (isSitting(value) && key === `${KEYS.sittingPrefix}${value.id}`) sittings.push(value);
      else setAside.push({ key, reason: 'sitting' });
    } else if (key.startsWith(KEYS.notePrefix)) {
      if (isNote(value) && key === `${KEYS.notePrefix}${value.sittingId}`) notes[value.sittingId] = value;
      else setAside.push({ key, reason: 'note' });
    }
  }
  sittings.sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : a.id.localeCompare(b.id)));
  setAside.sort((a, b) => a.key.localeCompare(b.key));
  return { sittings, notes, setAside };
}
