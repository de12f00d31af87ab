import { isPlainObject } from '../shape';
import { decodeSitting, encodeSitting, isCompactForm } from './compact-sitting';
import { fromStoredText, isSittingKey, parsedOrAsIs, toStoredText } from './stored-text';

/**
 * How records are kept in extension storage, apart from how the code sees them.
 *
 * Sittings are kept as text. Chromium turns every value of every record into a value
 * object of its own on the way out of storage and into the page; a sitting has some
 * forty of them. The dashboard reads every sitting at once, and the benchmark measured
 * `storage.local.get(null)` of 1,000 sittings at 60–70 ms as objects and about 10 ms as
 * text parsed in the page. Each sitting keeps a key of its own, so writes stay per record
 * and one damaged record cannot take others with it.
 *
 * Since schema 4 a sitting's text is its compact form (compact-sitting.ts), about a
 * quarter of its JSON: Chrome's `storage.local` holds 10 MB, and 10,000 sittings took
 * 8.6 MB of it as JSON text. The compact form is written only when it reads back as
 * exactly the same JSON; any other sitting (a field or value that form does not know, a
 * team round's) stays JSON text, as in schema 2 and 3. Reading accepts all three forms:
 * an object (schema 1), JSON text and the compact form.
 *
 * Added questionnaires and their index are kept as JSON text for the same reason
 * (stored-text.ts, which the popup's first read needs without the sitting codec).
 *
 * The platform's store applies this on every read and write, so nothing else sees text:
 * the rest of the code, backups included, sees the same sitting objects in every form.
 */
export function toStoredValue(key: string, value: unknown): unknown {
  if (!isSittingKey(key)) return toStoredText(key, value);
  if (!isPlainObject(value)) return value;
  return encodeSitting(value) ?? JSON.stringify(value);
}

/**
 * Text that does not parse (JSON text that is not JSON, a compact form that does not
 * decode) comes back as the text it is: the record is then damaged, set aside and
 * reported like any other, and never deleted or rewritten. A record still stored as an
 * object (data from before schema 2) reads as it is.
 */
export function fromStoredValue(key: string, value: unknown): unknown {
  if (!isSittingKey(key)) return fromStoredText(key, value);
  if (typeof value !== 'string') return value;
  if (isCompactForm(value)) return decodeSitting(value) ?? value;
  return parsedOrAsIs(value);
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
