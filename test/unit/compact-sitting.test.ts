import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSittings } from '../../bench/seed';
import { makeBackup } from '../../src/core/backup/backup';
import { readStoredHistory } from '../../src/core/history/stored-records';
import { COMPACT_PREFIX, decodeSitting, encodeSitting, isCompactForm, SORTED_PREFIX } from '../../src/core/storage/compact-sitting';
import { isSitting, sittingKey, type Sitting } from '../../src/core/storage/records';
import { fromStoredItems, fromStoredValue, toStoredItems, toStoredValue } from '../../src/core/storage/stored-form';

const ID = /^[a-z][a-z0-9-]{0,63}$/;
const id = fc.stringMatching(ID);
/** Ids that share prefixes as a questionnaire's do ("knowledge-1", "knowledge-2"), and any others. */
const itemId = fc.oneof(
  fc.tuple(fc.constantFrom('value', 'co-production', 'knowledge', 'a', 'relationship-with-the-people-we-serve'), fc.integer({ min: 1, max: 60 })).map(([stem, n]) => `${stem}-${n}`),
  id,
);
const position = fc.integer({ min: 1, max: 7 });
const recordId = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/));
/** A time as toISOString() writes it, from year 0 to 9999, and now and then one written otherwise (no milliseconds, more digits). */
const time = fc.oneof(
  { weight: 5, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d+Z$/, 'Z')) },
  { weight: 1, arbitrary: fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2100-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString().replace(/Z$/, '123Z')) },
);
const positionsOf = (ids: readonly string[]) => fc.array(position, { minLength: ids.length, maxLength: ids.length }).map((values) => Object.fromEntries(ids.map((key, i) => [key, values[i]!])));

const common = fc.record({
  schema: fc.constant(1 as const),
  id: recordId,
  questionnaire: fc.record({ id, version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) }),
  startedAt: time,
  completedAt: time,
  language: fc.oneof(fc.constantFrom('en', 'sv', 'da'), fc.stringMatching(/^[a-z]{2,3}$/), fc.constant('')),
});

/** Format 1: answers (some items may be missing) and wanted per dimension. */
const format1 = fc.tuple(common, fc.uniqueArray(itemId, { maxLength: 60 }), fc.uniqueArray(id, { maxLength: 12 }))
  .chain(([base, items, dimensions]) => fc.tuple(fc.shuffledSubarray(items), fc.shuffledSubarray(dimensions)).chain(([answered, wanted]) => fc.tuple(positionsOf(answered), positionsOf(wanted)).map(([answers, wantedMap]) => ({ ...base, answers, wanted: wantedMap }))));

/**
 * Format 2: answers in the order given, wanted per item in any order (the app keeps the
 * questionnaire's), "does not apply" in the order chosen, wanted per dimension empty.
 */
const format2 = fc.tuple(common, fc.uniqueArray(itemId, { maxLength: 60 }))
  .chain(([base, items]) => fc.shuffledSubarray(items).chain((answered) => fc.tuple(
    positionsOf(answered),
    fc.shuffledSubarray(answered).chain(positionsOf),
    fc.shuffledSubarray(items.filter((item) => !answered.includes(item))),
  ).map(([answers, wantedItems, notApplicable]) => ({ ...base, answers, wanted: {}, wantedItems, notApplicable }))));

/** Runs a property with a seed of its own and names it when the property fails, so the case can be run again (FC_SEED=…). */
function assertWithSeed(property: fc.IProperty<unknown>, numRuns: number) {
  const seed = process.env.FC_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FC_SEED);
  try {
    fc.assert(property, { seed, numRuns });
  } catch (error) {
    console.error(`compact-sitting property failed with seed ${seed}: run again with FC_SEED=${seed}`);
    throw error;
  }
}

const text = (sitting: unknown) => JSON.stringify(sitting);

/** A record as Chromium gives back one stored as an object (schema 1): every object's keys in alphabetical order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
}

describe('the compact form of a sitting', () => {
  it('reads back every valid sitting of format 1 and 2 exactly, in compact form, its keys in the app\'s order or Chromium\'s', () => {
    const sitting = fc.tuple(fc.oneof(format1, format2), fc.boolean()).map(([made, sorted]) => (sorted ? sortedKeys(made) : made) as typeof made);
    assertWithSeed(fc.property(sitting, (sitting) => {
      expect(isSitting(sitting)).toBe(true);
      const key = sittingKey(sitting.id);
      const stored = toStoredValue(key, sitting);
      expect(isCompactForm(stored)).toBe(true);
      const read = fromStoredValue(key, stored);
      expect(read).toEqual(sitting);
      // The same JSON to the character, key order included: a backup cannot tell the forms apart.
      expect(text(read)).toBe(text(sitting));
    }), 1000);
  });

  it('writes the bench’s sittings compactly, as in the docs’ example', () => {
    const [sitting] = makeSittings(1);
    const compact = encodeSitting(sitting)!;
    expect(compact).toMatch(/^s1\|4e8eb2af2f26465a881cd424e42a8512\|production-service\|2\|[0-9a-z]+\|[0-9a-z]+\|en\|0value-4,62,63,0co-production-1,e4,e3,/);
    expect(decodeSitting(compact)).toEqual(sitting);
  });

  it('keeps the order of each map’s keys, also when wanted per item follows another order than the answers', () => {
    const sitting = {
      schema: 1, id: 'seed-00001', questionnaire: { id: 'q', version: 1 }, startedAt: '2026-01-01T00:00:00.000Z', completedAt: '2026-01-01T00:10:00.000Z', language: 'en',
      answers: { b: 2, a: 1, c: 3 }, wanted: { y: 7, x: 6 }, wantedItems: { a: 4, c: 5, b: 6 }, notApplicable: ['e', 'd'],
    };
    const compact = encodeSitting(sitting)!;
    expect(compact).toBe('s1|=seed-00001|q|1|' + `${Date.parse(sitting.startedAt).toString(36)}|${Date.parse(sitting.completedAt).toString(36)}` + '|en|0b,0a,0c,0e,0d|213|~142506|34|0y,0x|76');
    expect(text(decodeSitting(compact))).toBe(text(sitting));
  });
});

describe('sittings that keep JSON text', () => {
  const [base] = makeSittings(1) as [Sitting];
  const stays = (value: unknown) => {
    const stored = toStoredValue(sittingKey('x'), value);
    expect(stored).toBe(JSON.stringify(value));
    expect(fromStoredValue(sittingKey('x'), stored)).toEqual(value);
  };

  it('a field the compact form does not know: a team round, a note, anything newer', () => {
    stays({ ...base, round: { id: 'hTy_CWhj2L7iHkFtip8teg', name: 'Front desk' } });
    stays({ ...base, note: '' });
    stays({ ...base, later: { field: true } });
  });

  it('a value outside its rule: a position outside 1–9 or not whole, an id the rules refuse, a delimiter', () => {
    stays({ ...base, answers: { ...base.answers, 'value-4': 10 } });
    stays({ ...base, answers: { ...base.answers, 'value-4': 0 } });
    stays({ ...base, answers: { ...base.answers, 'value-4': 2.5 } });
    stays({ ...base, answers: { ...base.answers, 'value-4': '3' } });
    stays({ ...base, answers: { 'Value|4': 3 } });
    stays({ ...base, wanted: { 'a,b': 3 } });
    stays({ ...base, notApplicable: ['not an id'] });
    stays({ ...base, id: 'a|b' });
    stays({ ...base, language: 'e|n' });
    stays({ ...base, language: 'much-too-long' });
    stays({ ...base, questionnaire: { id: 'production-service', version: 0 } });
    stays({ ...base, questionnaire: { id: 'production-service', version: 2, extra: 1 } });
    stays({ ...base, schema: 2 });
  });

  it('a time that is not one, or a field missing or of another type', () => {
    stays({ ...base, startedAt: '2021-13-40T00:00:00.000Z' });
    stays({ ...base, completedAt: 'yesterday' });
    const { language: _language, ...withoutLanguage } = base;
    stays(withoutLanguage);
    stays({ ...base, notApplicable: 'value-4' });
    stays({ ...base, wantedItems: null });
  });

  it('an order the form cannot keep: the fields in neither the app\'s order nor alphabetical', () => {
    const { schema, ...rest } = base;
    stays({ ...rest, schema });
    const { answers, ...others } = base;
    stays({ ...others, answers });
    const { schema: last, ...sortedRest } = sortedKeys(base) as Record<string, unknown>;
    stays({ ...sortedRest, schema: last });
  });

  it('an uppercase uuid keeps its case (written as an id, not as hex digits)', () => {
    const upper = { ...base, id: base.id.toUpperCase() };
    const stored = toStoredValue(sittingKey(upper.id), upper) as string;
    expect(stored.startsWith(`${COMPACT_PREFIX}=`)).toBe(true);
    expect(fromStoredValue(sittingKey(upper.id), stored)).toEqual(upper);
  });
});

describe('reading the compact form', () => {
  const [sitting] = makeSittings(1) as [Sitting];
  const compact = encodeSitting(sitting)!;
  const withField = (index: number, value: string) => compact.split('|').map((field, i) => (i === index ? value : field)).join('|');

  it('returns a compact form that does not decode as the text it is, so it is set aside and reported, never lost', () => {
    const damaged = [
      compact.slice(0, compact.length - 30),
      compact.replace('|en|', '|en|x|'),
      compact.replace('|production-service|', '|Production|'),
      compact.replace(/\|([0-9a-z]+)\|/, '|%%|'),
      `${COMPACT_PREFIX}`,
      `${compact.slice(0, -1)}9`.replace('|0value-4,', '|9value-4,'),
      compact.replace(/\|([1-7]{24})\|/, '|$1888|'),
      withField(4, 'zzzzzzzzzz'), // after the year 9999
      withField(4, '2026-13-01T00:00:00.000Z'),
      withField(1, '4e8eb2af2f26465a881cd424e42a851'),
      withField(9, '0'), // a wanted position of 0
    ];
    for (const value of damaged) {
      const read = fromStoredItems({ 'sitting:a': value });
      expect(read['sitting:a']).toBe(value);
      expect(readStoredHistory(read).setAside.map((s) => s.key)).toEqual(['sitting:a']);
      // Writing it back (a restore of the same value, say) leaves it as it is.
      expect(toStoredValue('sitting:a', value)).toBe(value);
    }
  });

  it('keeps even what the app never writes, as long as it reads back the same: "does not apply" twice', () => {
    const twice = { ...sitting, notApplicable: ['value-4', 'value-4'] };
    expect(text(decodeSitting(encodeSitting(twice)!))).toBe(text(twice));
  });

  it('reads all three forms of the same sitting alike', () => {
    const key = sittingKey(sitting.id);
    expect(fromStoredValue(key, sitting)).toEqual(sitting);
    expect(fromStoredValue(key, JSON.stringify(sitting))).toEqual(sitting);
    expect(fromStoredValue(key, compact)).toEqual(sitting);
  });

  it('leaves other records alone, even text that looks like the compact form', () => {
    const items = { 'note:a': { schema: 1, sittingId: 'a', text: compact, updatedAt: '2026-01-01T00:00:00.000Z' }, 'last-taken:q': compact };
    expect(toStoredItems(items)).toEqual(items);
    expect(fromStoredItems(items)).toEqual(items);
  });
});

describe('the stored size of 10,000 sittings', () => {
  /** As Chrome counts `storage.local` against its quota: each key and its value's JSON, in UTF-8 bytes. */
  const bytes = (items: Readonly<Record<string, unknown>>) => Object.entries(items).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(JSON.stringify(value)), 0);

  it('is at most 5,000,000 bytes, every sitting read back unchanged, and a backup the same to the byte', () => {
    const sittings = makeSittings(10_000);
    const items = Object.fromEntries(sittings.map((s) => [sittingKey(s.id), s]));
    const stored = toStoredItems(items);
    const asJsonText = Object.fromEntries(Object.entries(items).map(([key, value]) => [key, JSON.stringify(value)]));
    const size = bytes(stored);
    console.log(`10,000 sittings: ${bytes(asJsonText).toLocaleString('en')} bytes as JSON text, ${size.toLocaleString('en')} bytes compact`);
    expect(Object.values(stored).every((value) => typeof value === 'string' && value.startsWith(COMPACT_PREFIX))).toBe(true);
    // Chromium's order (records stored as objects before schema 2) costs one character more.
    const sorted = toStoredItems(Object.fromEntries(Object.entries(items).map(([key, value]) => [key, sortedKeys(value)])));
    expect(Object.values(sorted).every((value) => typeof value === 'string' && value.startsWith(SORTED_PREFIX))).toBe(true);
    expect(bytes(sorted)).toBe(size + 10_000);
    expect(size).toBeLessThanOrEqual(5_000_000);
    const read = fromStoredItems(stored);
    expect(read).toEqual(items);
    const now = new Date('2027-01-01T00:00:00.000Z');
    expect(JSON.stringify(makeBackup(read, now))).toBe(JSON.stringify(makeBackup(fromStoredItems(asJsonText), now)));
  }, 60_000);
});
