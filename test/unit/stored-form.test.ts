import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStoredHistory } from '../../src/core/history/stored-records';
import { MIGRATIONS } from '../../src/core/storage/migrations';
import { fromStoredItems, fromStoredValue, toStoredItems, toStoredValue } from '../../src/core/storage/stored-form';

describe('the stored form of records', () => {
  it('keeps a record under a sitting key that the compact form does not hold as JSON text, and reads back exactly the object it was', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.jsonValue()), (id, record) => {
        const key = `sitting:${id}`;
        const stored = toStoredValue(key, record);
        expect(typeof stored).toBe('string');
        // JSON has no -0 and no undefined; what it keeps is what a sitting can hold.
        expect(fromStoredValue(key, stored)).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it('leaves every other record as it is, strings included', () => {
    const items = { settings: { schema: 1, theme: 'dark' }, 'last-taken:q': '2026-01-01T00:00:00.000Z', 'note:a': { text: '{"not":"parsed"}' }, 'draft:q:a:i': 3 };
    expect(toStoredItems(items)).toEqual(items);
    expect(fromStoredItems(items)).toEqual(items);
  });

  it('reads a sitting still stored as an object (before schema 2) as it is', () => {
    const sitting = { schema: 1, id: 'a' };
    expect(fromStoredValue('sitting:a', sitting)).toEqual(sitting);
  });

  it('returns damaged text as the text it is, so the record is set aside and reported, not lost', () => {
    const damaged = '{"schema":1,"id":"a","answers":{';
    const read = fromStoredItems({ 'sitting:a': damaged });
    expect(read['sitting:a']).toBe(damaged);
    expect(readStoredHistory(read).setAside.map((s) => s.key)).toEqual(['sitting:a']);
    // Writing it back (a restore of the same value, say) does not change it either.
    expect(toStoredValue('sitting:a', damaged)).toBe(damaged);
  });

  it('migrates to 2 by writing back only the sittings that are objects; damaged ones stay untouched', () => {
    const step = MIGRATIONS[2]!({ 'sitting:a': { schema: 1, id: 'a' }, 'sitting:b': 'damaged', 'note:a': { text: 'x' }, settings: { schema: 1 } });
    expect(step).toEqual({ set: { 'sitting:a': { schema: 1, id: 'a' } }, remove: [] });
  });
});
