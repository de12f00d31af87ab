import { describe, expect, it } from 'vitest';
import { startHome } from '../../src/dashboard/home-start';
import { SCHEMA_VERSION } from '../../src/core/storage/records';
import { listRounds, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);

describe("the summary's reads as the dashboard starts", () => {
  it('hands over the first read and the rounds once, and only once the first read is back', async () => {
    const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
    const round = await startRound(store, memoryRoundVault(), { name: 'Front desk', questionnaire, minGroup: 3 }, new Date('2027-01-01T00:00:00.000Z'));
    await listRounds(store); // makes the round index, which the early read goes by
    const home = startHome(store);
    // Asked for before the page's first read is back: nothing yet, and the view reads for itself.
    expect(home.take()).toBeNull();
    home.firstRead({ 'recent:x': { schema: 1, sittings: [] } });
    const data = home.take();
    expect(data?.stored).toEqual({ 'recent:x': { schema: 1, sittings: [] } });
    expect((await data!.rounds)?.map((r) => r.id)).toEqual([round.id]);
    // A summary shown again later (after another view) reads afresh.
    expect(home.take()).toBeNull();
  });

  it('sets the rounds aside when they were read from records of another schema, or there is no index yet, so the view lists them itself', async () => {
    for (const [version, indexed] of [[SCHEMA_VERSION - 1, true], [SCHEMA_VERSION, false]] as const) {
      const store = new MemoryStore({ schemaVersion: version });
      await startRound(store, memoryRoundVault(), { name: 'Front desk', questionnaire, minGroup: 3 }, new Date('2027-01-01T00:00:00.000Z'));
      if (indexed) await listRounds(store);
      const home = startHome(store);
      home.firstRead({});
      expect(await home.take()!.rounds).toBeNull();
    }
  });

  it('sets the rounds aside, never throws, when storage cannot be read', async () => {
    const store = new MemoryStore({ schemaVersion: SCHEMA_VERSION });
    store.get = () => Promise.reject(new Error('disk gone'));
    const home = startHome(store);
    home.firstRead({});
    expect(await home.take()!.rounds).toBeNull();
  });
});
