import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CoursesModel } from '../../src/ui/courses/courses-model';
import { MemoryStore } from '../helpers/memory-store';

const cafe = readFileSync('questionnaires/pack-cafe.json', 'utf8');
const file = (text: string, size = text.length) => ({ size, text: async () => text });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the courses model', () => {
  it('loads a valid pack file into storage and lists it', async () => {
    const store = new MemoryStore();
    const model = new CoursesModel(store);
    await settled();
    expect(model.loaded.value).toEqual({ kind: 'ready', packs: [] });
    await model.loadFile(file(cafe.replace('"id": "pack-cafe"', '"id": "pack-own"')));
    expect(model.lastFile.value.kind).toBe('loaded');
    expect(model.loaded.value.kind === 'ready' && model.loaded.value.packs.map((p) => p.id)).toEqual(['pack-own']);
    model[Symbol.dispose]();
  });

  it('refuses what is not a pack, a file too large and one that cannot be read, writing nothing', async () => {
    const store = new MemoryStore();
    const model = new CoursesModel(store);
    await model.loadFile(file('{"foo":2}'));
    expect(model.lastFile.value.kind).toBe('refused');
    await model.loadFile(file('x', 2_000_000));
    expect(model.lastFile.value).toEqual({ kind: 'too-big' });
    await model.loadFile({ size: 10, text: () => Promise.reject(new Error('gone')) });
    expect(model.lastFile.value).toEqual({ kind: 'unreadable' });
    expect(store.snapshot()).toEqual({});
  });

  it('says so when storage is full or cannot be read, instead of loading for ever', async () => {
    const full = new MemoryStore();
    full.quotaBytes = 10;
    const model = new CoursesModel(full);
    await model.loadFile(file(cafe));
    expect(model.lastFile.value.kind).toBe('not-saved');
    const broken = new MemoryStore();
    broken.getPrefixed = () => Promise.reject(new Error('storage unavailable'));
    const failing = new CoursesModel(broken);
    await settled();
    expect(failing.loaded.value).toEqual({ kind: 'failed', detail: 'storage unavailable' });
  });
});
