import { describe, expect, it, vi } from 'vitest';
import { invitationOf } from '../../src/core/round/round-record';
import { countOf } from '../../src/core/round/round-state';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import { createCatalog } from '../../src/ui/catalog';
import { RoundModel } from '../../src/ui/team/round-model';
import { RoundsModel } from '../../src/ui/team/rounds-model';
import { startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const catalog = createCatalog([{ id: questionnaire.id, version: 1, languages: ['en'], title: questionnaire.title, description: questionnaire.description, poles: questionnaire.poles, dimensionCount: 2, itemCount: 6, load: async () => questionnaire }] as never);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('the round model', () => {
  it('loads a round, imports codes into it and keeps the number invited, all as state the page shows', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const round = await startRound(store, vault, { name: 'Team', questionnaire, minGroup: 3 }, new Date());
    const model = new RoundModel({ store, vault, catalog }, round.id);
    await until(() => model.page.value.kind !== 'loading');
    expect(model.page.value.kind).toBe('ready');
    const code = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'a', answers: { 'dim-1-1': 2, 'dim-1-2': 2 }, wanted: {} }), invitationOf(round));
    await model.importInputs([{ source: 'code 1', text: code }]);
    const page = model.page.value;
    expect(model.lastImport.value.kind).toBe('done');
    expect(page.kind === 'ready' && page.view.kind === 'held' && countOf(page.view.state)).toBe(1);
    await model.saveTeamSize(7);
    expect(model.page.value.kind === 'ready' && model.page.value.view.round.teamSize).toBe(7);
    expect(model.teamSizeSaved.value).toEqual({ ok: true });
    model[Symbol.dispose]();
  });

  it('shows a failed import and a missing round as state, never as a thrown error', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const round = await startRound(store, vault, { name: 'Team', questionnaire, minGroup: 3 }, new Date());
    const model = new RoundModel({ store, vault, catalog }, round.id);
    await until(() => model.page.value.kind !== 'loading');
    vault.keys.clear(); // as after "Erase everything" in another tab
    const code = await sealResponse(makeResponse({ questionnaire, round: round.id, response: 'a', answers: { 'dim-1-1': 2, 'dim-1-2': 2 }, wanted: {} }), invitationOf(round));
    await model.importInputs([{ source: 'code 1', text: code }]);
    expect(model.lastImport.value.kind).toBe('failed');
    const missing = new RoundModel({ store, vault, catalog }, 'no-such-round');
    await until(() => missing.page.value.kind !== 'loading');
    expect(missing.page.value).toEqual({ kind: 'missing' });
  });
});

describe('the rounds model', () => {
  it('lists the rounds, starts a new one, and says so when storage cannot be read instead of showing none', async () => {
    const store = new MemoryStore();
    const vault = memoryRoundVault();
    const model = new RoundsModel({ store, vault, catalog, now: () => new Date('2027-01-01T00:00:00.000Z') });
    await until(() => model.list.value.kind !== 'loading');
    expect(model.list.value).toEqual({ kind: 'ready', rounds: [] });
    const id = await model.start({ questionnaireId: questionnaire.id, name: 'Team', minGroup: 3 });
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(vault.keys.has(id!)).toBe(true);
    const broken = new MemoryStore();
    broken.getPrefixed = () => Promise.reject(new Error('storage unavailable'));
    const failing = new RoundsModel({ store: broken, vault, catalog, now: () => new Date() });
    await until(() => failing.list.value.kind !== 'loading');
    expect(failing.list.value).toEqual({ kind: 'failed', detail: 'storage unavailable' });
  });

  it('lists the rounds without decoding every record (the rounds page lists them beside a long history)', async () => {
    const store = new MemoryStore({ 'sitting:a': { schema: 1, id: 'a' }, 'note:a': { schema: 1 } });
    const vault = memoryRoundVault();
    const started = new RoundsModel({ store, vault, catalog, now: () => new Date('2027-01-01T00:00:00.000Z') });
    await until(() => started.list.value.kind !== 'loading');
    await started.start({ questionnaireId: questionnaire.id, name: 'Team', minGroup: 3 });
    const getAll = vi.spyOn(store, 'getAll');
    const getPrefixed = vi.spyOn(store, 'getPrefixed');
    const model = new RoundsModel({ store, vault, catalog, now: () => new Date() });
    await until(() => model.list.value.kind !== 'loading');
    expect(model.list.value.kind === 'ready' && model.list.value.rounds.map((round) => round.name)).toEqual(['Team']);
    expect(getAll).not.toHaveBeenCalled();
    expect(getPrefixed).toHaveBeenCalledWith(['round:', 'round-index']);
  });
});
