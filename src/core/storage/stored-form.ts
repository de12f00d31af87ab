import { isPlainObject } from '../shape';
import { ADDED_KEYS } from '../library/added-keys';
import { KEYS } from './records';

/**
 * How records are kept in extension storage, apart from how the code sees them.
 *
 * Sittings are kept as JSON text. Chromium turns every value of every record into a
 * value object of its own on the way out of storage and into the page; a sitting has
 * some forty of them. The dashboard reads every sitting at once, and the benchmark
 * measured `storage.local.get(null)` of 1,000 sittings at 60–70 ms as objects and about
 * 10 ms as text parsed in the page. Each sitting keeps a key of its own, so writes stay
 * per record and one damaged record cannot take others with it.
 *
 * Added questionnaires and their index are kept as text for the same reason: a
 * questionnaire is hundreds of values, and the popup reads the index on every opening.
 *
 * The platform's store applies this on every read and write, so nothing else sees text.
 */
const storedAsText = (key: string) => key.startsWith(KEYS.sittingPrefix) || key.startsWith(ADDED_KEYS.prefix) || key === ADDED_KEYS.index;

export function toStoredValue(key: string, value: unknown): unknown {
  return storedAsText(key) && isPlainObject(value) ? JSON.stringify(value) : value;
}

/**
 * Text that does not parse comes back as the text it is: the record is then damaged,
 * set aside and reported like any other, and never deleted or rewritten. A record
 * still stored as an object (data from before schema 2) reads as it is.
 */
export function fromStoredValue(key: string, value: unknown): unknown {
  if (!storedAsText(key) || typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function toStoredItems(items: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) stored[key] = toStoredValue(key, value);
  return stored;
}

export function fromStoredItems(items: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) read[key] = fromStoredValue(key, value);
  return read;
}
