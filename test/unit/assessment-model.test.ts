import { describe, expect, it } from 'vitest';
import { AssessmentModel, type AssessmentModelInstance, type RoundMark } from '../../src/ui/assessment/assessment-model';
import { isSitting } from '../../src/core/storage/records';
import { decodeSitting, encodeSitting } from '../../src/core/storage/compact-sitting';
import { createCatalog } from '../../src/ui/catalog';
import { draftsFrom } from '../../src/ui/drafts';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
let clock = Date.parse('2027-03-01T09:00:00.000Z');
const services = (store: MemoryStore, catalog = catalogOf(questionnaire)) => ({
  store,
  catalog,
  language: () => 'sv',
  now: () => new Date((clock += 1000)),
  newId: () => 'sitting-1',
});

/** A model that has loaded the questionnaire and any draft, as the page shows it. */
async function opened(store: MemoryStore, round?: RoundMark): Promise<AssessmentModelInstance> {
  const model = new AssessmentModel(services(store), questionnaire.id, round);
  await until(() => model.stage.value.kind !== 'loading');
  expect(model.stage.value).toEqual({ kind: 'ready', questionnaire });
  return model;
}

async function answerAll(model: AssessmentModelInstance) {
  for (const item of questionnaire.items) await model.answer(item.id, 6);
  for (const dimension of questionnaire.dimensions) await model.want(dimension.id, 7);
}

describe('the assessment model', () => {
  it('stores every answer the moment it is given, as a key of its own', async () => {
    const store = new MemoryStore();
    const model = await opened(store);
    await model.answer('dim-1-1', 3);
    expect(store.snapshot()['draft:test-questionnaire:a:dim-1-1']).toBe(3);
    expect(store.snapshot()['draft:test-questionnaire']).toMatchObject({ page: 0, answered: 1, questionnaire: { id: 'test-questionnaire', version: 1 } });
  });

  it('resumes on the page and with the answers where a closed page left off', async () => {
    const store = new MemoryStore();
    const first = await opened(store);
    await first.answer('dim-1-1', 2);
    await first.goTo(1);
    await first.want('dim-2', 5);
    const second = await opened(store);
    expect(second.page.value).toBe(1);
    expect(second.answers.value).toEqual({ 'dim-1-1': 2 });
    expect(second.wanted.value).toEqual({ 'dim-2': 5 });
  });

  it('resumes a draft with one read of storage: its meta record comes with its answers', async () => {
    const store = new MemoryStore();
    const first = await opened(store);
    await first.answer('dim-1-1', 2);
    await first.goTo(1);
    const reads: string[][] = [];
    const get = store.get.bind(store);
    store.get = (keys: readonly string[]) => {
      reads.push([...keys]);
      return get(keys);
    };
    const second = await opened(store);
    expect(second.page.value).toBe(1);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('draft:test-questionnaire');
  });

  it('lets two pages answer the same draft without losing each other’s answers', async () => {
    const store = new MemoryStore();
    const popup = await opened(store);
    const dashboard = await opened(store);
    await Promise.all([popup.answer('dim-1-1', 1), dashboard.answer('dim-1-2', 7), popup.answer('dim-1-3', 4)]);
    const reopened = await opened(store);
    expect(reopened.answers.value).toEqual({ 'dim-1-1': 1, 'dim-1-2': 7, 'dim-1-3': 4 });
  });

  it('ignores answers to unknown items and positions off the scale', async () => {
    const store = new MemoryStore();
    const model = await opened(store);
    await model.answer('__proto__', 3);
    await model.answer('dim-1-1', 9);
    expect(model.answers.value).toEqual({});
    expect(store.writes).toBe(0);
  });

  it('lists what is unanswered on a page, wanted included', async () => {
    const model = await opened(new MemoryStore());
    await model.answer('dim-1-2', 4);
    expect(model.unanswered.value).toEqual(['dim-1-1', 'dim-1-3', 'wanted:dim-1']);
    await model.goTo(1);
    expect(model.unanswered.value).toEqual(['dim-2-1', 'dim-2-2', 'dim-2-3', 'wanted:dim-2']);
  });

  it('stores a finished sitting with its date, questionnaire and version, and removes the draft', async () => {
    const store = new MemoryStore();
    const model = await opened(store);
    await answerAll(model);
    const sitting = await model.finish();
    const stored = store.snapshot();
    expect(Object.keys(stored).sort()).toEqual(['last-taken:test-questionnaire', 'recent:test-questionnaire', 'sitting:sitting-1']);
    expect(stored['last-taken:test-questionnaire']).toBe(sitting!.completedAt);
    expect(isSitting(stored['sitting:sitting-1'])).toBe(true);
    expect(stored['sitting:sitting-1']).toEqual(sitting);
    expect(sitting).toMatchObject({ questionnaire: { id: 'test-questionnaire', version: 1 }, language: 'sv' });
    expect(Date.parse(sitting!.completedAt)).toBeGreaterThan(Date.parse(sitting!.startedAt));
    expect(model.finished.value).toEqual(sitting);
  });

  it('keeps an answer in the page and says so when storage is full, then saves it on retry', async () => {
    const store = new MemoryStore();
    const model = await opened(store);
    await model.answer('dim-1-1', 2);
    const before = store.snapshot();
    store.quotaBytes = 0;
    await model.answer('dim-1-2', 6);
    expect(model.saveProblem.value).toBe('full');
    expect(model.answers.value).toEqual({ 'dim-1-1': 2, 'dim-1-2': 6 });
    expect(store.snapshot()).toEqual(before);
    store.quotaBytes = Infinity;
    await model.retry();
    expect(model.saveProblem.value).toBeNull();
    expect(store.snapshot()['draft:test-questionnaire:a:dim-1-2']).toBe(6);
  });

  it('leaves no half-written sitting when the final write fails, and retrying stores one sitting', async () => {
    const store = new MemoryStore();
    const model = await opened(store);
    await answerAll(model);
    const draft = store.snapshot();
    store.quotaBytes = 0;
    expect(await model.finish()).toBeNull();
    expect(model.saveProblem.value).toBe('full');
    expect(store.snapshot()).toEqual(draft);
    store.quotaBytes = Infinity;
    await model.retry();
    expect(Object.keys(store.snapshot()).sort()).toEqual(['last-taken:test-questionnaire', 'recent:test-questionnaire', 'sitting:sitting-1']);
  });

  it('keeps an answer to a team round apart from a plain self-assessment of the same questionnaire', async () => {
    const store = new MemoryStore();
    const round = { id: 'round-7', name: 'Team Alpha' };
    const inRound = await opened(store, round);
    await inRound.answer('dim-1-1', 2);
    const plain = await opened(store);
    expect(plain.answers.value).toEqual({});
    const resumedRound = await opened(store, round);
    expect(resumedRound.answers.value).toEqual({ 'dim-1-1': 2 });
    // The popup lists plain drafts only, so it never resumes a round answer as a self-assessment.
    expect(Object.keys(store.snapshot()).filter((key) => key === 'draft:test-questionnaire')).toEqual([]);
  });
});


describe('opening a questionnaire', () => {
  it('says so when the questionnaire is not installed, or it or its draft cannot be read, and loads on "Try again"', async () => {
    const missing = new AssessmentModel(services(new MemoryStore(), createCatalog([])), questionnaire.id);
    expect(missing.stage.value).toEqual({ kind: 'missing' });

    const store = new MemoryStore();
    const read = store.get.bind(store);
    let readable = false;
    store.get = async (keys) => {
      if (!readable) throw new Error('disk gone');
      return read(keys);
    };
    const model = new AssessmentModel(services(store), questionnaire.id);
    await until(() => model.stage.value.kind !== 'loading');
    expect(model.stage.value).toEqual({ kind: 'failed', detail: 'disk gone' });
    // Nothing can be answered, so nothing is written, before the questionnaire is there.
    await model.answer('dim-1-1', 3);
    expect(model.answers.value).toEqual({});
    expect(store.writes).toBe(0);
    readable = true;
    await model.load();
    expect(model.stage.value).toEqual({ kind: 'ready', questionnaire });
    await model.answer('dim-1-1', 3);
    expect(store.snapshot()['draft:test-questionnaire:a:dim-1-1']).toBe(3);
    model[Symbol.dispose]();
  });
});

describe('a draft begun before an update shipped the next version of its questionnaire', () => {
  const earlier = questionnaire;
  const next = { ...makeQuestionnaire(3, 2), version: 2 } as typeof questionnaire;
  const entry = (q: typeof questionnaire) => catalogOf(q).entries[0]!;
  const catalog = createCatalog([entry(next)], [entry(earlier)]);
  const leftByUpdate = () => new MemoryStore({
    'draft:test-questionnaire': { schema: 1, questionnaire: { id: earlier.id, version: 1 }, startedAt: '2027-02-01T09:00:00.000Z', updatedAt: '2027-02-01T09:05:00.000Z', page: 1, answered: 2 },
    'draft:test-questionnaire:a:dim-1-1': 4,
    'draft:test-questionnaire:a:dim-2-1': 6,
  });

  it('is listed as in progress, and resumes on its own version, page and answers', async () => {
    const store = leftByUpdate();
    expect(Object.keys(draftsFrom(store.snapshot(), catalog))).toEqual([earlier.id]);
    const model = new AssessmentModel(services(store, catalog), earlier.id);
    await until(() => model.stage.value.kind !== 'loading');
    expect(model.stage.value).toEqual({ kind: 'ready', questionnaire: earlier });
    expect(model.page.value).toBe(1);
    expect(model.answers.value).toEqual({ 'dim-1-1': 4, 'dim-2-1': 6 });
    // Finished, it is a sitting of that version, and the draft is gone.
    await answerAll(model);
    await model.finish();
    const sitting = Object.values(store.snapshot()).find(isSitting);
    expect(sitting?.questionnaire).toEqual({ id: earlier.id, version: 1 });
    expect(Object.keys(store.snapshot()).filter((key) => key.startsWith('draft:'))).toEqual([]);
  });

  it('is not listed once its version is no longer kept, and the current version starts afresh', async () => {
    const store = leftByUpdate();
    const withoutEarlier = createCatalog([entry(next)]);
    expect(draftsFrom(store.snapshot(), withoutEarlier)).toEqual({});
    const model = new AssessmentModel(services(store, withoutEarlier), earlier.id);
    await until(() => model.stage.value.kind !== 'loading');
    expect(model.stage.value).toEqual({ kind: 'ready', questionnaire: next });
    expect(model.answers.value).toEqual({});
  });
});

describe('instrument 2: "does not apply" and "wanted" per item (questionnaires of format 2)', () => {
  const second = { ...makeQuestionnaire(2, 3), formatVersion: 2 } as unknown as typeof questionnaire;
  async function openedSecond(store: MemoryStore): Promise<AssessmentModelInstance> {
    const model = new AssessmentModel(services(store, catalogOf(second)), second.id);
    await until(() => model.stage.value.kind !== 'loading');
    return model;
  }

  it('asks "now" for every dimension first, then "wanted" only where there are enough answers to score', async () => {
    const model = await openedSecond(new MemoryStore());
    expect(model.pages.value.map((p) => `${p.kind}:${p.dimension}`)).toEqual(['now:0', 'now:1', 'wanted:0', 'wanted:1']);
    for (const item of ['dim-1-1', 'dim-1-2', 'dim-1-3']) await model.answer(item, 'n/a');
    await model.answer('dim-2-1', 'n/a');
    // dim-1 does not apply at all: no wanted page; dim-2 still has two items to want.
    expect(model.pages.value.map((p) => `${p.kind}:${p.dimension}`)).toEqual(['now:0', 'now:1', 'wanted:1']);
    expect(model.unanswered.value).toEqual([]);
  });

  it('keeps "does not apply" as an answer of its own that resumes, and an answer given later replaces it', async () => {
    const store = new MemoryStore();
    const model = await openedSecond(store);
    await model.answer('dim-1-1', 'n/a');
    expect(store.snapshot()['draft:test-questionnaire:a:dim-1-1']).toBe('n/a');
    const resumed = await openedSecond(store);
    expect(resumed.notApplicable.value).toEqual(['dim-1-1']);
    await resumed.answer('dim-1-1', 5);
    expect(resumed.notApplicable.value).toEqual([]);
    expect(resumed.answers.value).toEqual({ 'dim-1-1': 5 });
  });

  it('"Same as today" fills a dimension\'s wanted with its answers for today in one write', async () => {
    const store = new MemoryStore();
    const model = await openedSecond(store);
    await model.answer('dim-1-1', 2);
    await model.answer('dim-1-2', 6);
    await model.answer('dim-1-3', 'n/a');
    await model.wantSameAsNow('dim-1');
    expect(model.wantedItems.value).toEqual({ 'dim-1-1': 2, 'dim-1-2': 6 });
    expect(store.snapshot()['draft:test-questionnaire:wi:dim-1-2']).toBe(6);
  });

  it('stores a sitting with its "does not apply" items and wanted per item, scored without them', async () => {
    const store = new MemoryStore();
    const model = await openedSecond(store);
    for (const item of second.items) await model.answer(item.id, item.id === 'dim-2-3' ? 'n/a' : 4);
    for (const item of second.items) if (item.id !== 'dim-2-3') await model.wantItem(item.id, 4);
    // A wanted answer for an item later marked "does not apply" is not kept.
    await model.wantItem('dim-2-3', 7);
    const sitting = (await model.finish())!;
    expect(sitting.notApplicable).toEqual(['dim-2-3']);
    expect(Object.keys(sitting.wantedItems!)).not.toContain('dim-2-3');
    expect(isSitting(sitting)).toBe(true);
    expect(model.score.value!.dimensions[1]).toMatchObject({ now: 50, wanted: 50, answered: 2, notApplicable: 1 });
  });

  it('makes sittings the compact stored form holds exactly, answers given in any order (format 1 and 2)', async () => {
    const model = await openedSecond(new MemoryStore());
    for (const item of [...second.items].reverse()) await model.answer(item.id, item.id === 'dim-1-2' ? 'n/a' : 3);
    for (const item of second.items) if (item.id !== 'dim-1-2') await model.wantItem(item.id, 5);
    const format2 = (await model.finish())!;
    expect(Object.keys(format2.answers)).not.toEqual(Object.keys(format2.wantedItems!));
    const first = await opened(new MemoryStore());
    await answerAll(first);
    const format1 = (await first.finish())!;
    for (const sitting of [format1, format2]) {
      const compact = encodeSitting(sitting);
      expect(compact).not.toBeNull();
      expect(JSON.stringify(decodeSitting(compact!))).toBe(JSON.stringify(sitting));
    }
  });

  it('never offers "does not apply" for a questionnaire of format 1', async () => {
    const model = await opened(new MemoryStore());
    await model.answer('dim-1-1', 'n/a');
    expect(model.notApplicable.value).toEqual([]);
    expect(model.pages.value).toHaveLength(questionnaire.dimensions.length);
  });
});
