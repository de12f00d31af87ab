import { isIsoDate } from '../formats/iso-date';
import { ID_PATTERN } from '../questionnaire/types';
import { isPlainObject } from '../shape';
import { RECORD_ID_PATTERN } from './record-formats';

/**
 * The compact stored form of a sitting (schema 4): one short line of text that holds
 * every value of the sitting and needs nothing else to be read back, neither the
 * questionnaire (an added one may since have been removed) nor any other record.
 *
 *   s1|<id>|<questionnaire id>|<version>|<startedAt>|<completedAt>|<language>|<items>|<answers>|<wanted per item>|<not applicable>|<dimensions>|<wanted>
 *
 * - id: a canonical lower-case uuid as its 32 hex digits, any other record id as `=` and the id.
 * - version: base 36. Times: epoch milliseconds in base 36 when `toISOString()` gives back
 *   exactly the stored text, else the text itself (it has a `:`, which base 36 has not).
 * - items: the item ids, each once, in the order they first occur in answers, wanted per
 *   item and not applicable, joined by `,`; each is front-coded: one base-36 character for
 *   how many leading characters it shares with the one before, then the rest.
 *   "value-4,value-2" is written `0value-4,62`.
 * - answers and wanted per item: one digit (1–9) per item in the items' order, `.` where the
 *   item has none; a map whose keys are in another order is written `~` and, per key,
 *   the item's position (base 36, as wide as the count needs) and the digit. So the
 *   keys come back in the order they were stored in, and a backup made from the record
 *   is the same to the byte.
 * - not applicable: the items' positions, in its own order, each as wide as above.
 * - dimensions and wanted: the dimension ids (front-coded the same way) and one digit each.
 * - `!` stands for a field the sitting does not have (wanted per item and not applicable,
 *   which only sittings of format-2 questionnaires have).
 * - `s1a|` instead of `s1|`: the sitting's fields are in alphabetical order, not in the
 *   order the app writes them. Chromium kept records stored as objects (schema 1) with
 *   their keys sorted, and schema 2 wrote them to text in that order.
 *
 * `|` and `,` cannot occur in any value written here: every value is checked against its
 * rule as it is written. The encoder is only used when decoding gives back the very same
 * JSON (`encodeSitting` checks it); a sitting it cannot write that way, because of a field
 * it does not know, a value it does not expect or an order it cannot keep, stays JSON text.
 */
export const COMPACT_PREFIX = 's1|';
/** The same form, the sitting's fields in alphabetical order. */
export const SORTED_PREFIX = 's1a|';

const FIELD = '|';
const LIST = ',';
const ABSENT = '!';
const NONE = '.';
const REORDERED = '~';
const OTHER_ID = '=';
const FIELDS = 12;
/** The fields a sitting may have that this form holds; any other keeps the sitting in JSON text. */
const KNOWN_FIELDS = new Set(['schema', 'id', 'questionnaire', 'startedAt', 'completedAt', 'language', 'answers', 'wanted', 'wantedItems', 'notApplicable']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX32 = /^[0-9a-f]{32}$/;
const LANGUAGE = /^[A-Za-z0-9-]{0,8}$/;
const BASE36 = /^[0-9a-z]+$/;
const FIRST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_MS = Date.parse('9999-12-31T23:59:59.999Z');
/** The longest shared prefix one base-36 character can say. */
const MAX_SHARED = 35;

/** Thrown inside the codec for anything it does not write or read; never leaves this file. */
class NotCompact extends Error {}

function fail(): never {
  throw new NotCompact();
}

/**
 * The compact form of `value`, or null when it has none: it is not a sitting this form
 * knows, or decoding the form would not give back exactly the same JSON.
 */
export function encodeSitting(value: unknown): string | null {
  let body: string;
  try {
    body = encode(value);
  } catch (error) {
    if (error instanceof NotCompact) return null;
    throw error;
  }
  const json = JSON.stringify(value);
  for (const prefix of [COMPACT_PREFIX, SORTED_PREFIX]) {
    const back = decodeSitting(prefix + body);
    if (back !== null && JSON.stringify(back) === json) return prefix + body;
  }
  return null;
}

/** The sitting a compact form holds, or null if the text is not one (a damaged record). */
export function decodeSitting(text: string): Record<string, unknown> | null {
  try {
    return decode(text);
  } catch (error) {
    if (error instanceof NotCompact) return null;
    throw error;
  }
}

export const isCompactForm = (value: unknown): value is string => typeof value === 'string' && (value.startsWith(COMPACT_PREFIX) || value.startsWith(SORTED_PREFIX));

function encode(value: unknown): string {
  if (!isPlainObject(value)) fail();
  for (const key of Object.keys(value)) if (!KNOWN_FIELDS.has(key)) fail();
  if (value.schema !== 1) fail();
  const questionnaire = value.questionnaire;
  if (!isPlainObject(questionnaire) || Object.keys(questionnaire).length !== 2) fail();
  const answers = positions(value.answers);
  const wanted = positions(value.wanted);
  const wantedItems = value.wantedItems === undefined ? undefined : positions(value.wantedItems);
  const notApplicable = value.notApplicable === undefined ? undefined : ids(value.notApplicable);
  const items = [...new Set([...Object.keys(answers), ...Object.keys(wantedItems ?? {}), ...(notApplicable ?? [])])];
  const width = widthFor(items.length);
  return [
    encodeId(value.id),
    id(questionnaire.id),
    encodeVersion(questionnaire.version),
    encodeTime(value.startedAt),
    encodeTime(value.completedAt),
    language(value.language),
    frontCoded(items),
    encodePositions(answers, items, width),
    wantedItems === undefined ? ABSENT : encodePositions(wantedItems, items, width),
    notApplicable === undefined ? ABSENT : notApplicable.map((item) => index(items.indexOf(item), width)).join(''),
    frontCoded(Object.keys(wanted)),
    Object.values(wanted).join(''),
  ].join(FIELD);
}

function decode(text: string): Record<string, unknown> {
  const sorted = text.startsWith(SORTED_PREFIX);
  if (!sorted && !text.startsWith(COMPACT_PREFIX)) fail();
  const fields = text.slice((sorted ? SORTED_PREFIX : COMPACT_PREFIX).length).split(FIELD);
  if (fields.length !== FIELDS) fail();
  const [sittingId, questionnaireId, version, startedAt, completedAt, lang, itemList, answers, wantedItems, notApplicable, dimensionList, wanted] = fields;
  const items = fromFrontCoded(itemList!);
  const width = widthFor(items.length);
  const dimensions = fromFrontCoded(dimensionList!);
  if (wanted!.length !== dimensions.length) fail();
  const sitting: Record<string, unknown> = {
    schema: 1,
    id: decodeId(sittingId!),
    questionnaire: { id: id(questionnaireId), version: decodeVersion(version!) },
    startedAt: decodeTime(startedAt!),
    completedAt: decodeTime(completedAt!),
    language: language(lang),
    answers: decodePositions(answers!, items, width),
    wanted: Object.fromEntries(dimensions.map((dimension, i) => [dimension, digit(wanted![i]!)])),
  };
  if (wantedItems !== ABSENT) sitting.wantedItems = decodePositions(wantedItems!, items, width);
  if (notApplicable !== ABSENT) {
    if (notApplicable!.length % width !== 0) fail();
    sitting.notApplicable = Array.from({ length: notApplicable!.length / width }, (_, i) => items[fromIndex(notApplicable!.slice(i * width, (i + 1) * width), items.length)]!);
  }
  return sorted ? Object.fromEntries(Object.keys(sitting).sort().map((key) => [key, sitting[key]])) : sitting;
}

function id(value: unknown): string {
  if (typeof value !== 'string' || !ID_PATTERN.regex.test(value)) fail();
  return value;
}

function ids(value: unknown): string[] {
  if (!Array.isArray(value)) fail();
  return value.map(id);
}

function language(value: unknown): string {
  if (typeof value !== 'string' || !LANGUAGE.test(value)) fail();
  return value;
}

/** An id → position map whose positions are single digits 1–9. */
function positions(value: unknown): Record<string, number> {
  if (!isPlainObject(value)) fail();
  for (const [key, position] of Object.entries(value)) {
    id(key);
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 1 || position > 9) fail();
  }
  return value as Record<string, number>;
}

function digit(char: string): number {
  if (char < '1' || char > '9' || char.length !== 1) fail();
  return Number(char);
}

function encodeId(value: unknown): string {
  if (typeof value !== 'string' || !RECORD_ID_PATTERN.regex.test(value)) fail();
  return UUID.test(value) ? value.replaceAll('-', '') : OTHER_ID + value;
}

function decodeId(text: string): string {
  if (text.startsWith(OTHER_ID)) {
    const value = text.slice(1);
    if (!RECORD_ID_PATTERN.regex.test(value)) fail();
    return value;
  }
  if (!HEX32.test(text)) fail();
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function encodeVersion(value: unknown): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) fail();
  return value.toString(36);
}

function decodeVersion(text: string): number {
  if (!BASE36.test(text)) fail();
  const value = Number.parseInt(text, 36);
  if (!Number.isSafeInteger(value) || value < 1 || value.toString(36) !== text) fail();
  return value;
}

function encodeTime(value: unknown): string {
  if (!isIsoDate(value)) fail();
  const ms = Date.parse(value);
  return new Date(ms).toISOString() === value ? ms.toString(36) : value;
}

function decodeTime(text: string): string {
  // A time kept as text (one `toISOString()` would not write back the same) has a colon.
  if (text.includes(':')) {
    if (!isIsoDate(text)) fail();
    return text;
  }
  if (!/^-?[0-9a-z]+$/.test(text)) fail();
  const ms = Number.parseInt(text, 36);
  // From 0000-01-01 to 9999-12-31: the years `toISOString()` writes with four digits.
  if (!Number.isSafeInteger(ms) || ms < FIRST_MS || ms > LAST_MS) fail();
  return new Date(ms).toISOString();
}


/** How many base-36 digits a position among `count` items takes. */
function widthFor(count: number): number {
  let width = 1;
  while (36 ** width < count) width++;
  return width;
}

function index(position: number, width: number): string {
  return position.toString(36).padStart(width, '0');
}

function fromIndex(text: string, count: number): number {
  if (!BASE36.test(text)) fail();
  const position = Number.parseInt(text, 36);
  if (position >= count) fail();
  return position;
}

function frontCoded(list: readonly string[]): string {
  let previous = '';
  return list.map((item) => {
    let shared = 0;
    const most = Math.min(previous.length, item.length - 1, MAX_SHARED);
    while (shared < most && previous[shared] === item[shared]) shared++;
    previous = item;
    return shared.toString(36) + item.slice(shared);
  }).join(LIST);
}

/**
 * Item lists decoded lately, by their text: the sittings of one questionnaire mostly share
 * theirs, and the dashboard reads every sitting at once. The lists are never changed.
 */
const decodedLists = new Map<string, readonly string[]>();
const MAX_DECODED_LISTS = 64;

function fromFrontCoded(text: string): readonly string[] {
  const known = decodedLists.get(text);
  if (known) return known;
  const list = decodeFrontCoded(text);
  if (decodedLists.size >= MAX_DECODED_LISTS) decodedLists.delete(decodedLists.keys().next().value!);
  decodedLists.set(text, list);
  return list;
}

function decodeFrontCoded(text: string): string[] {
  if (text === '') return [];
  let previous = '';
  return text.split(LIST).map((entry) => {
    const shared = Number.parseInt(entry.charAt(0), 36);
    if (!(shared <= previous.length)) fail();
    previous = id(previous.slice(0, shared) + entry.slice(1));
    return previous;
  });
}

/**
 * One digit per item in the items' order (`.` for none), or, when the map's keys are
 * in another order, `~` and position–digit pairs in the map's own order.
 */
function encodePositions(map: Readonly<Record<string, number>>, items: readonly string[], width: number): string {
  const keys = Object.keys(map);
  const at = keys.map((key) => items.indexOf(key));
  if (at.every((position, i) => i === 0 || position > at[i - 1]!)) {
    const digits = Array<string>((at.at(-1) ?? -1) + 1).fill(NONE);
    keys.forEach((key, i) => (digits[at[i]!] = String(map[key])));
    return digits.join('');
  }
  return REORDERED + keys.map((key, i) => index(at[i]!, width) + String(map[key])).join('');
}

function decodePositions(text: string, items: readonly string[], width: number): Record<string, number> {
  const map: Record<string, number> = {};
  if (text.startsWith(REORDERED)) {
    const pairs = text.slice(1);
    if (pairs.length % (width + 1) !== 0) fail();
    for (let i = 0; i < pairs.length; i += width + 1) {
      const item = items[fromIndex(pairs.slice(i, i + width), items.length)]!;
      if (Object.hasOwn(map, item)) fail();
      map[item] = digit(pairs.charAt(i + width));
    }
    return map;
  }
  if (text.length > items.length) fail();
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== NONE) map[items[i]!] = digit(text[i]!);
  }
  return map;
}
