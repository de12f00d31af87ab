import { isPlainObject } from '../shape';
import { ADDED_KEYS } from '../library/added-keys';
import { KEYS } from './records';

/**
 * The part of the stored form (stored-form.ts) that needs no sitting codec: added
 * questionnaires and their index, kept as JSON text, and every other record as it is.
 * The popup's first read holds no sitting, so its first view loads only this; the
 * compact form of sittings comes with stored-form.ts when a sitting is read or written.
 */
export const isSittingKey = (key: string): boolean => key.startsWith(KEYS.sittingPrefix);

/** Records other than sittings kept as JSON text: a questionnaire is hundreds of values, and the popup reads the index on every opening. */
export const isJsonTextKey = (key: string): boolean => key.startsWith(ADDED_KEYS.prefix) || key === ADDED_KEYS.index;

export const holdsSittings = (keys: Iterable<string>): boolean => {
  for (const key of keys) if (isSittingKey(key)) return true;
  return false;
};

export function toStoredText(key: string, value: unknown): unknown {
  return isJsonTextKey(key) && isPlainObject(value) ? JSON.stringify(value) : value;
}

/** A record's JSON text, parsed; text that does not parse comes back as the text it is: the record is then damaged and reported, never deleted or rewritten. */
export function parsedOrAsIs(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function fromStoredText(key: string, value: unknown): unknown {
  return isJsonTextKey(key) && typeof value === 'string' ? parsedOrAsIs(value) : value;
}

function withoutSittings(items: Readonly<Record<string, unknown>>): void {
  if (holdsSittings(Object.keys(items))) throw new Error('Sittings are read and written with stored-form.ts, which knows their compact form.');
}

export function toStoredTextItems(items: Readonly<Record<string, unknown>>): Record<string, unknown> {
  withoutSittings(items);
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) stored[key] = toStoredText(key, value);
  return stored;
}

export function fromStoredTextItems(items: Readonly<Record<string, unknown>>): Record<string, unknown> {
  withoutSittings(items);
  const read: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(items)) read[key] = fromStoredText(key, value);
  return read;
}
