import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packSittingKey, packSittingLink } from '../../src/core/pack/pack-sitting';
import type { CoursePack } from '../../src/core/pack/types';
import type { Questionnaire } from '../../src/core/questionnaire/types';
import { sittingKey, type Sitting } from '../../src/core/storage/records';
import { createCatalog } from '../../src/ui/catalog';
import { CourseOriginModel } from '../../src/ui/courses/course-origin-model';
import { PackModel } from '../../src/ui/courses/pack-model';
import { MemoryStore } from '../helpers/memory-store';
import { until } from '../helpers/model-fixtures';

const pack = JSON.parse(readFileSync('questionnaires/pack-cafe.json', 'utf8')) as CoursePack;
const questionnaire = JSON.parse(readFileSync('questionnaires/production-service.json', 'utf8')) as Questionnaire;
const other = JSON.parse(readFileSync('questionnaires/control-service.json', 'utf8')) as Questionnaire;
const entry = (q: Questionnaire) => ({ id: q.id, version: q.version, languages: q.languages, title: q.title, description: q.description, poles: q.poles, dimensions: q.dimensions.length, items: q.items.length, load: async () => q });
const catalog = createCatalog([entry(questionnaire), entry(other)] as never);
const now = () => new Date('2027-03-01T10:00:00.000Z');
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const sort = pack.exercises[0]!;

function sittingOf(q: Questionnaire, id: string, completedAt = '2027-03-01T09:00:00.000Z'): Sitting {
  return {
    schema: 1, id, questionnaire: { id: q.id, version: q.version }, startedAt: completedAt, completedAt, language: 'en',
    answers: Object.fromEntries(q.items.map((item) => [item.id, 5])), wanted: Object.fromEntries(q.dimensions.map((d) => [d.id, 6])),
  };
}

async function openPack(store: MemoryStore) {
  const model = new PackModel({ store, catalog, now }, pack);
  await settled();
  await settled();
  return model;
}

describe('the pack model', () => {
  it('loads saved answers and notes, and saves each as it is given', async () => {
    const store = new MemoryStore({
      [`pack-answer:pack-cafe:${sort.id}`]: { schema: 1, answer: { [sort.kind === 'sort' ? sort.statements[0]!.id : 'x']: 'from' }, checked: false, updatedAt: '2027-01-01T00:00:00.000Z' },
      [`pack-note:pack-cafe:${pack.reflections[0]!.id}`]: { schema: 1, text: 'Kept', updatedAt: '2027-01-01T00:00:00.000Z' },
      'pack-answer:pack-cafe:first-letter': { schema: 1, answer: 'not-an-option', checked: true, updatedAt: '2027-01-01T00:00:00.000Z' },
    });
    const model = await openPack(store);
    expect(model.progress.value).toEqual({ kind: 'ready' });
    expect(Object.keys(model.answers.value)).toEqual([sort.id]);
    expect(model.notes.value).toEqual({ [pack.reflections[0]!.id]: 'Kept' });
    await model.note(pack.reflections[1]!.id, 'New');
    expect(store.snapshot()[`pack-note:pack-cafe:${pack.reflections[1]!.id}`]).toMatchObject({ text: 'New' });
    model[Symbol.dispose]();
  });

  it('announces a check once, and takes it back when the answer changes', async () => {
    const store = new MemoryStore();
    const model = await openPack(store);
    await model.answer('first-letter', 'a');
    expect(model.lastCheck.value).toBeNull();
    await model.check('first-letter');
    expect(model.lastCheck.value).toEqual({ exerciseId: 'first-letter', count: 1 });
    expect(store.snapshot()['pack-answer:pack-cafe:first-letter']).toMatchObject({ answer: 'a', checked: true });
    await model.check('first-letter');
    expect(model.lastCheck.value?.count).toBe(2);
    await model.answer('first-letter', 'b');
    expect(model.lastCheck.value).toBeNull();
    expect(model.answers.value['first-letter']).toMatchObject({ answer: 'b', checked: false });
    // A reopened page shows the feedback again, without announcing it.
    const reopened = await openPack(store);
    expect(reopened.lastCheck.value).toBeNull();
  });

  it('keeps a write that failed for "Try again"', async () => {
    const store = new MemoryStore();
    const model = await openPack(store);
    store.quotaBytes = 10;
    await model.note(pack.reflections[0]!.id, 'Not yet saved');
    expect(model.saveProblem.value).toBe('full');
    store.quotaBytes = Infinity;
    await model.retry();
    expect(model.saveProblem.value).toBeNull();
    expect(store.snapshot()[`pack-note:pack-cafe:${pack.reflections[0]!.id}`]).toMatchObject({ text: 'Not yet saved' });
  });

  it('shows the sitting taken from the course, not a later one taken elsewhere, and follows it when it is deleted', async () => {
    const fromCourse = sittingOf(questionnaire, 'from-course', '2027-02-01T09:00:00.000Z');
    const elsewhere = sittingOf(questionnaire, 'elsewhere', '2027-02-20T09:00:00.000Z');
    const store = new MemoryStore({ [sittingKey(fromCourse.id)]: fromCourse, [sittingKey(elsewhere.id)]: elsewhere });
    const model = await openPack(store);
    expect(model.selfAssessment.value).toEqual({ kind: 'not-taken' });

    const origin = new CourseOriginModel({ store, findPack: async () => ({ title: pack.title, languages: pack.languages }) }, pack.id);
    await origin.record(fromCourse);
    expect(origin.link.value).toEqual({ kind: 'saved' });
    await settled();
    await settled();
    expect(model.selfAssessment.value).toMatchObject({ kind: 'taken', sitting: { id: 'from-course' }, questionnaire: { id: questionnaire.id } });

    await store.remove([sittingKey(fromCourse.id)]);
    await settled();
    await settled();
    expect(model.selfAssessment.value).toEqual({ kind: 'not-taken' });
    model[Symbol.dispose]();
  });

  it('ignores a link that names another questionnaire or a sitting that is not there', async () => {
    const wrong = sittingOf(other, 'other-questionnaire');
    const store = new MemoryStore({
      [sittingKey(wrong.id)]: wrong,
      [packSittingKey(pack.id)]: { schema: 1, packId: pack.id, sittingId: wrong.id, questionnaireId: other.id, completedAt: wrong.completedAt },
    });
    expect((await openPack(store)).selfAssessment.value).toEqual({ kind: 'not-taken' });
    await store.set({ [packSittingKey(pack.id)]: { schema: 1, packId: pack.id, sittingId: 'gone', questionnaireId: questionnaire.id, completedAt: wrong.completedAt } });
    expect((await openPack(store)).selfAssessment.value).toEqual({ kind: 'not-taken' });
  });

  it('says so when storage cannot be read, instead of loading for ever', async () => {
    const store = new MemoryStore();
    store.get = () => Promise.reject(new Error('storage unavailable'));
    expect((await openPack(store)).progress.value).toEqual({ kind: 'failed', detail: 'storage unavailable' });
  });

  it('keeps the summary’s name on the page only, never in storage', async () => {
    const store = new MemoryStore();
    const model = await openPack(store);
    model.setIncludeName(true);
    model.setName('Åsa Lind');
    expect([model.includeName.value, model.name.value]).toEqual([true, 'Åsa Lind']);
    expect(JSON.stringify(store.snapshot())).not.toContain('Åsa');
  });
});

describe('a self-assessment taken from a course', () => {
  it('links the sitting to a pack this browser has, and to no other', async () => {
    const store = new MemoryStore();
    const sitting = sittingOf(questionnaire, 's1');
    const missing = new CourseOriginModel({ store, findPack: async () => null }, 'no-such-pack');
    await settled();
    expect(missing.course.value).toEqual({ kind: 'missing' });
    await missing.record(sitting);
    expect(store.snapshot()).toEqual({});

    const found = new CourseOriginModel({ store, findPack: async () => ({ title: pack.title, languages: pack.languages }) }, pack.id);
    await found.record(sitting);
    expect(store.snapshot()).toEqual({ [packSittingKey(pack.id)]: { schema: 1, packId: pack.id, sittingId: 's1', questionnaireId: questionnaire.id, completedAt: sitting.completedAt } });
  });

  it('says when the link could not be saved', async () => {
    const store = new MemoryStore();
    store.quotaBytes = 10;
    const origin = new CourseOriginModel({ store, findPack: async () => ({ title: pack.title, languages: pack.languages }) }, pack.id);
    await origin.record(sittingOf(questionnaire, 's1'));
    expect(origin.link.value).toMatchObject({ kind: 'failed' });
  });

  it('a pack that brings its own questionnaire adds it at the student\'s word, and then shows the sitting taken from the course', async () => {
    const own = { ...questionnaire, id: 'course-own', title: { en: 'Course questionnaire', sv: 'Kursens frågeformulär', da: 'Forløbets spørgeskema' } };
    const ownPack = { ...pack, id: 'pack-own', questionnaire: own } as CoursePack;
    const store = new MemoryStore();
    const ownCatalog = createCatalog([entry(questionnaire)] as never);
    const model = new PackModel({ store, catalog: ownCatalog, now }, ownPack);
    // Reading it hashes the pack's questionnaire (Web Crypto): wait for the outcome, not for a number of turns.
    await until(() => model.selfAssessment.value.kind !== 'loading');
    expect(model.selfAssessment.value).toEqual({ kind: 'own-questionnaire' });
    await model.addOwnQuestionnaire();
    expect(model.ownAddition.value).toMatchObject({ kind: 'added', entry: { id: 'course-own', origin: 'course-pack' } });
    expect(ownCatalog.find('course-own')?.origin).toBe('added');
    expect(model.selfAssessment.value).toEqual({ kind: 'not-taken' });
    // Taken from the course: the course shows it.
    const sitting = sittingOf(own, 'own-sitting');
    await store.set({ [sittingKey(sitting.id)]: sitting, [packSittingKey('pack-own')]: packSittingLink('pack-own', sitting) });
    await model.refreshSelfAssessment();
    expect(model.selfAssessment.value).toMatchObject({ kind: 'taken', sitting: { id: 'own-sitting' }, questionnaire: { id: 'course-own' } });
  });

  it('a pack whose own questionnaire has other content than the one here under its name is not taken with that one', async () => {
    const own = { ...questionnaire, id: 'course-own' };
    const store = new MemoryStore();
    const ownCatalog = createCatalog([entry(questionnaire)] as never);
    const { addToLibrary } = await import('../../src/ui/library/library-model');
    await addToLibrary({ store, catalog: ownCatalog, now }, { ...own, title: { en: 'Mine', sv: 'Mitt', da: 'Mit' } }, 'file');
    const model = new PackModel({ store, catalog: ownCatalog, now }, { ...pack, id: 'pack-own', questionnaire: own } as CoursePack);
    // Reading it hashes the pack's questionnaire (Web Crypto): wait for the outcome, not for a number of turns.
    await until(() => model.selfAssessment.value.kind !== 'loading');
    expect(model.selfAssessment.value).toEqual({ kind: 'own-questionnaire' });
    await model.addOwnQuestionnaire();
    expect(model.ownAddition.value).toEqual({ kind: 'other-content', id: 'course-own', version: own.version });
  });
});
