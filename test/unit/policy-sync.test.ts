import { describe, expect, it } from 'vitest';
import { ADDED_KEYS, addedKey } from '../../src/core/library/added-keys';
import { readAddedIndex } from '../../src/core/library/added-index';
import { POLICY_SETTINGS_KEY } from '../../src/core/policy/policy-settings';
import { reminderKey, SCHEMA_VERSION, sittingKey } from '../../src/core/storage/records';
import { createAppModel } from '../../src/ui/app-model';
import { addToLibrary } from '../../src/ui/library/library-model';
import { syncPolicy } from '../../src/ui/policy/policy-sync';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const LATER = new Date('2027-01-10T10:00:00.000Z');
const shipped = { shippedIds: new Set(['production-service']), ids: ['production-service'] };
const agency = (version = 1, title = 'Agency model') => ({ ...makeQuestionnaire(), id: 'agency-model', version, title: { en: title, sv: `${title} (sv)`, da: `${title} (da)` } });
const policyWith = (extra: object = {}) => ({ preinstalledQuestionnaires: [JSON.stringify(agency())], ...extra });
const index = (store: MemoryStore) => readAddedIndex(store.data.get(ADDED_KEYS.index)).entries;

describe('applying an organisation\'s policy in this browser', () => {
  it('adds its questionnaires as the organisation\'s, keeps its settings and suggests its reminders', async () => {
    const store = new MemoryStore();
    const { problems } = await syncPolicy(store, shipped, policyWith({ defaultLanguage: 'sv', minimumGroupFloor: 7, allowAddingQuestionnaires: false, reminderCadences: { 'agency-model': 'quarterly' } }), NOW);
    expect(problems).toEqual([]);
    expect(index(store).map((e) => [e.id, e.version, e.origin])).toEqual([['agency-model', 1, 'organisation']]);
    expect(store.data.get(POLICY_SETTINGS_KEY)).toEqual({ schema: 1, defaultLanguage: 'sv', minimumGroupFloor: 7, allowAddingQuestionnaires: false });
    expect(store.data.get(reminderKey('agency-model'))).toEqual({ schema: 1, questionnaireId: 'agency-model', cadence: 'quarterly', since: NOW.toISOString(), suggested: true });
  });

  it('writes nothing when the policy has not changed', async () => {
    const store = new MemoryStore();
    await syncPolicy(store, shipped, policyWith({ reminderCadences: { 'production-service': 'monthly' } }), NOW);
    const writes = store.writes;
    const before = JSON.stringify(store.snapshot());
    await syncPolicy(store, shipped, policyWith({ reminderCadences: { 'production-service': 'monthly' } }), LATER);
    expect(store.writes).toBe(writes);
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('writes nothing into data saved by a newer Shiftmeter (the background applies the policy on every start)', async () => {
    const store = new MemoryStore();
    await store.set({ schemaVersion: SCHEMA_VERSION + 1, settings: { schema: 1, theme: 'dark' } });
    const writes = store.writes;
    const before = JSON.stringify(store.snapshot());
    await syncPolicy(store, shipped, policyWith({ defaultLanguage: 'sv', reminderCadences: { 'agency-model': 'quarterly' } }), NOW);
    expect(store.writes).toBe(writes);
    expect(JSON.stringify(store.snapshot())).toBe(before);
  });

  it('takes back what the policy no longer holds, and keeps every sitting', async () => {
    const sitting = { schema: 1, id: 's1', questionnaire: { id: 'agency-model', version: 1 } };
    const store = new MemoryStore({ [sittingKey('s1')]: sitting });
    await syncPolicy(store, shipped, policyWith({ reminderCadences: { 'agency-model': 'monthly' } }), NOW);
    await syncPolicy(store, shipped, null, LATER);
    expect(index(store)).toEqual([]);
    expect(store.data.has(addedKey('agency-model', 1))).toBe(false);
    expect(store.data.has(reminderKey('agency-model'))).toBe(false);
    expect(store.data.get(POLICY_SETTINGS_KEY)).toEqual({ schema: 1, allowAddingQuestionnaires: true });
    expect(store.data.get(sittingKey('s1'))).toEqual(sitting);
  });

  it('never changes a reminder the person chose', async () => {
    const chosen = { schema: 1, questionnaireId: 'production-service', cadence: 'off', since: NOW.toISOString() };
    const store = new MemoryStore({ [reminderKey('production-service')]: chosen });
    await syncPolicy(store, shipped, { reminderCadences: { 'production-service': 'monthly' } }, LATER);
    expect(store.data.get(reminderKey('production-service'))).toEqual(chosen);
  });

  it('refuses a shipped id and other content under an id and version this browser has, naming each', async () => {
    const store = new MemoryStore();
    await addToLibrary({ store, catalog: catalogOf({ ...makeQuestionnaire(), id: 'production-service' }), now: () => NOW }, agency(1, 'Mine'), 'file');
    const { problems } = await syncPolicy(store, shipped, {
      preinstalledQuestionnaires: [JSON.stringify({ ...agency(), id: 'production-service' }), JSON.stringify(agency(1, 'Theirs'))],
    }, NOW);
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'preinstalledQuestionnaires[0]: is not used: "production-service" is the id of a questionnaire that comes with Shiftmeter; give the organisation\'s variant an id of its own',
      'preinstalledQuestionnaires[1]: is not used: this browser already has "agency-model" version 1 with other content; a changed questionnaire needs a higher version',
    ]);
    // The person's own stays theirs.
    expect(index(store).map((e) => [e.id, e.origin, e.title.en])).toEqual([['agency-model', 'file', 'Mine']]);
  });

  it('a policy that forbids adding stops a file from being added, whatever page asks', async () => {
    const store = new MemoryStore();
    await syncPolicy(store, shipped, { allowAddingQuestionnaires: false }, NOW);
    const outcome = await addToLibrary({ store, catalog: catalogOf(), now: () => NOW }, agency(), 'file');
    expect(outcome).toEqual({ kind: 'not-allowed' });
    expect(store.data.has(addedKey('agency-model', 1))).toBe(false);
  });

  it('the dashboard applies the policy when it opens: the catalog lists the questionnaire, the default language applies', async () => {
    const store = new MemoryStore();
    const catalog = catalogOf({ ...makeQuestionnaire(), id: 'production-service' });
    const app = createAppModel({ store, catalog, browserLanguages: () => ['en-GB'], applyPolicy: (shipped) => syncPolicy(store, shipped, policyWith({ defaultLanguage: 'da' }), NOW) });
    await app.start();
    await until(() => catalog.find('agency-model') !== undefined && app.i18n.language.value === 'da');
    expect(catalog.find('agency-model')?.origin).toBe('organisation');
    expect(app.i18n.language.value).toBe('da');
    expect(app.policyProblems.value).toEqual([]);
    // The person's own choice wins over the organisation's default.
    await app.chooseLanguage('sv');
    expect(app.i18n.language.value).toBe('sv');
  });

  it('a damaged policy entry is named and the rest still applies', async () => {
    const store = new MemoryStore();
    const { problems } = await syncPolicy(store, shipped, { ...policyWith(), colour: 'blue', minimumGroupFloor: 'ten' }, NOW);
    expect(problems.map((p) => p.path)).toEqual(['colour', 'minimumGroupFloor']);
    expect(index(store).map((e) => e.id)).toEqual(['agency-model']);
  });
});
