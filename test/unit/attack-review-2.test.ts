import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateCommand } from '../../src/cli/aggregate-command';
import { itemsOf, type Questionnaire } from '../../src/core/questionnaire/types';
import { addContribution, contributionOf, emptyFigureSums, figuresOf, isTeamFigures, type StoredTeamFigures } from '../../src/core/round/figure-sums';
import { invitationOf, roundKey, tallyKey } from '../../src/core/round/round-record';
import { countOf, publishedOf } from '../../src/core/round/round-state';
import { makeResponse } from '../../src/core/round/response';
import { sealResponse } from '../../src/core/round/sealing';
import { isTallySummary } from '../../src/core/round/tally-summary';
import { NOT_APPLICABLE } from '../../src/core/storage/records';
import { AssessmentModel } from '../../src/ui/assessment/assessment-model';
import { createCatalog } from '../../src/ui/catalog';
import { DataModel } from '../../src/ui/data-model';
import { daDashboard } from '../../src/ui/i18n/da-dashboard';
import { enDashboard } from '../../src/ui/i18n/en-dashboard';
import { svDashboard } from '../../src/ui/i18n/sv-dashboard';
import { AnswerRoundModel } from '../../src/ui/team/answer-round-model';
import { CountsInNoFigureError, earlierRounds, importCodes, loadRound, sealSitting, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeProfileQuestionnaire } from '../helpers/questionnaire-fixture';
import { multisets } from '../helpers/teams';

/**
 * A second security review of team rounds (docs/privacy.md), again from the side of a
 * lead who wants one member's answers, uses Shiftmeter's pages, and makes up codes with
 * the invitation (anyone can). It found five attacks that worked; each test named
 * "blocked:" replays one and asserts that the lead's inference, from what the round's
 * page or the kit's output shows and from the codes the lead made up, no longer gives the
 * secret. The members' real answers are used only to check the inference.
 */

const q = makeProfileQuestionnaire(); // format 2: four dimensions of three statements, "does not apply" allowed
const m = 5;
const now = () => new Date('2027-03-01T09:00:00.000Z');
/** One step of a three-statement dimension score: 100/18 points. */
const STEP = 100 / 18;

/** A response per dimension by positions oriented to the dimension (1 = its "from" pole); null = "does not apply". */
type Rows = ((number | null)[] | null)[];

function rawAnswers(questionnaire: Questionnaire, rows: Rows): Record<string, number> {
  const out: Record<string, number> = {};
  questionnaire.dimensions.forEach((d, i) => {
    const row = rows[i];
    if (!row) return;
    itemsOf(questionnaire, d.id).forEach((item, k) => {
      const p = row[k];
      if (p === null || p === undefined) return;
      out[item.id] = item.leftPole === 'from' ? p : 8 - p;
    });
  });
  return out;
}

/** A row's dimension score in steps of 100/18 (positions 1–7 over three statements). */
const stepsOf = (row: number[]) => row.reduce((s, p) => s + p - 1, 0);

/** The lead's round, driven as the round's page drives it; `look` is what the page shows. */
async function leadRound(minGroup = m) {
  const store = new MemoryStore();
  const vault = memoryRoundVault();
  const round = await startRound(store, vault, { name: 'Team', questionnaire: q, minGroup }, now());
  let next = 0;
  const code = (rows: Rows, wanted: Rows = rows) => sealResponse(makeResponse({
    questionnaire: q, round: round.id, response: `resp-${next++}`, answers: rawAnswers(q, rows), wanted: {}, wantedItems: rawAnswers(q, wanted),
  }), invitationOf(round));
  /** Pastes codes on the round's page; returns what the page then shows: the count and the figures. */
  const importAndLook = async (codes: string[]) => {
    const report = await importCodes(store, vault, round.id, q, codes.map((text, i) => ({ source: `code ${i + 1}`, text })));
    expect(report.entries.every((e) => e.status === 'counted')).toBe(true);
    const view = await loadRound(store, vault, round, q);
    if (view.kind !== 'held') throw new Error('not held');
    return { count: countOf(view.state), figures: publishedOf(view.state) };
  };
  return { store, vault, round, code, importAndLook };
}

describe('attack review 2: made-up codes and the lead\'s round', () => {
  it('blocked (attack 1): padding no longer puts a median on a real member: no median or quartile is published, and every rank of the real five stays open', async () => {
    // The review's attack: 50 made-up codes at 0 and 50 at 100 unlocked medians and
    // quartiles (100 answers), and the median of 105 was the third real member's exact
    // score; shifting the padding read all five, in every dimension.
    const lead = await leadRound();
    const members: Rows[] = [
      [[2, 3, 2], [4, 4, 5], [1, 1, 1], [5, 6, 6]],
      [[4, 4, 5], [2, 2, 3], [6, 5, 7], [3, 3, 4]],
      [[3, 6, 5], [7, 7, 6], [2, 4, 3], [4, 4, 4]],
      [[6, 5, 7], [1, 2, 2], [4, 5, 5], [2, 1, 3]],
      [[5, 5, 4], [5, 3, 4], [3, 3, 2], [6, 7, 7]],
    ];
    const LOW: Rows = q.dimensions.map(() => [1, 1, 1]);
    const HIGH: Rows = q.dimensions.map(() => [7, 7, 7]);
    const craft = (low: number, high: number) => Promise.all([...Array<Rows>(low).fill(LOW), ...Array<Rows>(high).fill(HIGH)].map((rows) => lead.code(rows)));
    let [L, H] = [50, 50];
    await lead.importAndLook(await craft(L, H));
    const publications: { L: number; H: number; figures: StoredTeamFigures }[] = [];
    let look = await lead.importAndLook(await Promise.all(members.map((rows) => lead.code(rows))));
    publications.push({ L, H, figures: look.figures! });
    for (const [a, b] of [[3, 2], [1, 4], [4, 1], [2, 3]] as const) {
      look = await lead.importAndLook(await craft(a, b));
      [L, H] = [L + a, H + b];
      publications.push({ L, H, figures: look.figures! });
    }
    for (const { figures } of publications) {
      expect(JSON.stringify(figures)).not.toMatch(/median|q1|q3/);
      expect(figures.n).toBe(figures.dimensions[0]!.n);
    }
    // The lead's inference: the real five's scores in a dimension are a team of five on the
    // 18-step grid whose sum fits every published mean, and (were one published) whose
    // member at the median's rank has the median's value.
    const teams = multisets(5, 18);
    q.dimensions.forEach((_, d) => {
      const fitting = teams.filter((team) => publications.every(({ L: low, H: high, figures }) => {
        const f = figures.dimensions[d]! as StoredTeamFigures['dimensions'][number] & { median?: number | null };
        const sum = team.reduce((s, x) => s + x, 0);
        if (Math.round((high * 100 + sum * STEP) / f.n) !== f.mean) return false;
        const rank = (f.n - 1) / 2 - low;
        return !(typeof f.median === 'number' && Number.isInteger(rank) && rank >= 0 && rank < 5) || team[rank] === Math.round((f.median * 18) / 100);
      }));
      const truth = members.map((rows) => stepsOf(rows[d]! as number[])).sort((x, y) => x - y);
      expect(fitting).toContainEqual(truth);
      for (let rank = 0; rank < 5; rank++) {
        const values = new Set(fitting.map((team) => team[rank]));
        expect({ dimension: d, rank, open: values.size > 1 }).toEqual({ dimension: d, rank, open: true });
      }
    });
  });

  it('blocked (attack 2): importing one named member\'s code at a time moves nothing, and the page shows no waiting count', async () => {
    // The review's attack: with the lead's own code leaving dimension 1 out, which figures
    // moved on importing ONE code, and the page's count of codes "not yet in every figure",
    // told whether that member answered dimension 1, and whether all its statements.
    const lead = await leadRound();
    const R: Rows[] = [
      [[2, 3, 2], [4, 4, 5], [1, 2, 1], [5, 6, 6]],
      [[4, 4, 5], [2, 2, 3], [6, 5, 7], [3, 3, 4]],
      [[3, 6, 5], [7, 7, 6], [2, 4, 3], [4, 4, 4]],
      [[6, 5, 7], [1, 2, 2], [4, 5, 5], [2, 1, 3]],
    ];
    const members: Record<string, Rows> = {
      Carol: [[null, null, 4], [3, 3, 4], [5, 5, 6], [2, 2, 2]], // dimension 1 left out (one statement answered)
      Bob: [[2, null, 3], [6, 5, 6], [3, 4, 4], [5, 5, 5]], // dimension 1 answered, one statement "does not apply"
      Alice: [[5, 6, 6], [2, 3, 2], [4, 4, 3], [6, 6, 7]], // dimension 1 answered in full
    };
    const own: Rows = [null, [4, 4, 4], [4, 4, 4], [4, 4, 4]];
    const primed = await lead.importAndLook([...(await Promise.all(R.map((rows) => lead.code(rows)))), await lead.code(own)]);
    expect([primed.figures!.n, primed.figures!.dimensions[0]!.n]).toEqual([5, 0]);
    // One code at a time: the page shows the count go up, and nothing else change.
    const seen: Record<string, unknown> = {};
    let look = primed;
    for (const [name, rows] of Object.entries(members)) {
      const before = look;
      look = await lead.importAndLook([await lead.code(rows)]);
      expect(look.count).toBe(before.count + 1);
      seen[name] = look.figures;
    }
    expect(seen).toEqual({ Carol: primed.figures, Bob: primed.figures, Alice: primed.figures });
    // The page has no words for a count of waiting codes, in any language.
    for (const messages of [enDashboard, svDashboard, daDashboard]) {
      expect(Object.values(messages).filter((text) => text.includes('{waiting'))).toEqual([]);
      expect(messages).not.toHaveProperty('team.waitingUpdate');
    }
    // At the next multiple of the minimum group (two more codes, made up), dimension 1 takes
    // in the four R and Bob and Alice together: what it says is about seven people, and each
    // named member can still have left dimension 1 out, answered part of it or all of it.
    // (No count of complete answers is published any more: it went with alpha.)
    look = await lead.importAndLook([await lead.code(own), await lead.code(own)]);
    const d1 = look.figures!.dimensions[0]!;
    expect([look.count, d1.n]).toEqual([10, 6]);
    expect(d1).not.toHaveProperty('alphaN');
    const statuses = ['out', 'partial', 'complete'] as const;
    const possible = new Map<string, Set<string>>(Object.keys(members).map((name) => [name, new Set()]));
    for (const carol of statuses) for (const bob of statuses) for (const alice of statuses) {
      const named = [carol, bob, alice];
      // The four R: each out, partial or complete, unknown to the lead.
      for (let rOut = 0; rOut <= 4; rOut++) for (let rPartial = 0; rOut + rPartial <= 4; rPartial++) {
        const rComplete = 4 - rOut - rPartial;
        const answered = rPartial + rComplete + named.filter((s) => s !== 'out').length;
        if (answered === d1.n) named.forEach((s, i) => possible.get(Object.keys(members)[i]!)!.add(s));
      }
    }
    for (const [name, options] of possible) expect({ name, options: options.size }).toEqual({ name, options: 3 });
  });

  it('blocked (attack 3): no alpha is published, so made-up batches after a member\'s code leave every row with the member\'s score', async () => {
    // The review's attack: alpha, published after each made-up batch (all answering
    // dimension 1 only), left one row fitting: the member's three answers; coarsened to one
    // decimal, a search for the next batch still found them in one to three batches. No
    // alpha is published now: what the lead sees of dimension 1 is its count and means.
    const lead = await leadRound();
    const victim: Rows = [[2, 6, 3], [4, 5, 4], [3, 3, 2], [6, 5, 5]];
    const only1 = (row: number[]): Rows => [row, null, null, null];
    const batches: number[][][] = [
      [[4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]], // + the member: the mean fixes the member's score
      [[4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]],
      [[7, 1, 4], [7, 1, 4], [7, 1, 4], [1, 7, 4], [1, 7, 4]],
      [[4, 7, 1], [4, 7, 1], [4, 1, 7], [4, 1, 7], [4, 7, 1]],
      [[1, 4, 7], [1, 4, 7], [7, 4, 1], [7, 4, 1], [1, 4, 7]],
    ];
    const observed: string[] = [];
    for (const [b, rows] of batches.entries()) {
      const codes = await Promise.all(rows.map((row) => lead.code(only1(row))));
      if (b === 0) codes.push(await lead.code(victim));
      const figures = (await lead.importAndLook(codes)).figures!;
      for (const d of figures.dimensions) expect(Object.keys(d)).toEqual(['id', 'n', 'mean', 'wantedN', 'wantedMean']);
      observed.push(JSON.stringify(figures));
    }
    // The lead's inference: every row the member could have given, replayed with the
    // made-up rows through the same figures, against everything published.
    const contribution = (rows: Rows) => contributionOf(q, makeResponse({ questionnaire: q, round: lead.round.id, response: 'replay', answers: rawAnswers(q, rows), wanted: {}, wantedItems: rawAnswers(q, rows) }));
    const made = batches.map((rows) => rows.map((row) => contribution(only1(row))));
    const candidates: number[][] = [];
    for (let a = 1; a <= 7; a++) for (let b = 1; b <= 7; b++) for (let c = 1; c <= 7; c++) {
      const sums = emptyFigureSums(q);
      // The member's code enters dimension 1's figures and the overall one; its other dimensions wait for batches of their own.
      addContribution(sums, contribution([[a, b, c], ...victim.slice(1)]), (f) => f === 'overall' || f.endsWith(':dim-1'));
      const fits = made.every((batch, i) => {
        for (const part of batch) addContribution(sums, part);
        return JSON.stringify(figuresOf(sums, m)) === observed[i];
      });
      if (fits) candidates.push([a, b, c]);
    }
    // All it fixes is what the mean fixed: the member's score (sum 11 on 1–7 positions), and every row with it fits.
    const sameScore = [];
    for (let a = 1; a <= 7; a++) for (let b = 1; b <= 7; b++) for (let c = 1; c <= 7; c++) if (a + b + c === 11) sameScore.push([a, b, c]);
    expect(sameScore).toHaveLength(36);
    expect(candidates).toEqual(sameScore);
  });

  it('side finding: rows that once pushed alpha far below 0 publish no alpha now, and the summary passes its own check and a backup restores', async () => {
    // 101 made-up rows pushed alpha to -2727, below the -1000 a stored summary accepted:
    // the summary failed its own check and a backup holding it would not restore.
    const lead = await leadRound();
    const rows = [...Array<number[]>(50).fill([7, 1, 4]), ...Array<number[]>(50).fill([1, 7, 4]), [4, 4, 5]];
    let look = await lead.importAndLook(await Promise.all(rows.slice(0, 100).map((row) => lead.code([row, null, null, null]))));
    look = await lead.importAndLook(await Promise.all([rows[100]!, ...Array<number[]>(4).fill([4, 4, 4])].map((row) => lead.code([row, null, null, null]))));
    const d1 = look.figures!.dimensions[0]!;
    expect(d1).toEqual({ id: d1.id, n: 105, mean: expect.any(Number), wantedN: 105, wantedMean: expect.any(Number) });
    const summary = lead.store.snapshot()[tallyKey(lead.round.id)];
    expect(isTallySummary(summary)).toBe(true);
    expect(JSON.stringify(summary)).not.toMatch(/alpha/);
    const data = new DataModel({ store: lead.store, catalog: createCatalog([]), now, vault: lead.vault });
    const text = await data.backupText();
    const elsewhere = new DataModel({ store: new MemoryStore(), catalog: createCatalog([]), now, vault: memoryRoundVault() });
    await elsewhere.readBackupFile({ size: text.length, text: async () => text });
    expect(elsewhere.restore.value.kind).toBe('preview');
    expect(await elsewhere.applyRestore('replace')).toBe(true);
  });
});

describe('attack review 2: stored figures from before stay readable', () => {
  it('reads a summary published before (median, quartiles, alpha to two decimals and far below 0, no counts per figure), restores it and shows it', async () => {
    const lead = await leadRound(3);
    await lead.importAndLook(await Promise.all([0, 1, 2].map((i) => lead.code(q.dimensions.map(() => [2 + i, 3, 4])))));
    const old = {
      n: 120,
      overall: { mean: 48, median: 50 },
      dimensions: q.dimensions.map((d, i) => ({ id: d.id, n: 120, mean: 40 + i, median: 44, q1: 22, q3: 61, wantedMean: 70, alpha: i === 0 ? -2727.41 : 0.83 })),
    };
    expect(isTeamFigures(old)).toBe(true);
    // Another browser, which does not hold the round, restores a backup whose summary is the old one.
    const data = new DataModel({ store: lead.store, catalog: createCatalog([]), now, vault: lead.vault });
    const backup = JSON.parse(await data.backupText());
    backup.records[tallyKey(lead.round.id)] = { ...backup.records[tallyKey(lead.round.id)], count: 120, published: old };
    expect(isTallySummary(backup.records[tallyKey(lead.round.id)])).toBe(true);
    const store = new MemoryStore();
    const elsewhere = new DataModel({ store, catalog: createCatalog([]), now, vault: memoryRoundVault() });
    const text = JSON.stringify(backup);
    await elsewhere.readBackupFile({ size: text.length, text: async () => text });
    expect(elsewhere.restore.value.kind).toBe('preview');
    expect(await elsewhere.applyRestore('replace')).toBe(true);
    const view = await loadRound(store, memoryRoundVault(), backup.records[roundKey(lead.round.id)], q);
    expect(view.kind).toBe('not-held');
    expect(view.summary?.published?.dimensions.map((d) => d.mean)).toEqual([40, 41, 42, 43]);
    // And a later round of the same questionnaire lists it among the earlier ones.
    const later = { ...backup.records[roundKey(lead.round.id)], id: 'later-round', createdAt: '2027-06-01T09:00:00.000Z' };
    expect((await earlierRounds(store, later, q)).map((e) => e.figures.n)).toEqual([120]);
  });
});

describe('stored figures with alpha, from before it was withdrawn', () => {
  /** Today's figures as the version before wrote them: with alpha, its count and its flag. */
  const withAlpha = (figures: StoredTeamFigures) => ({
    ...figures,
    dimensions: figures.dimensions.map((d, i) => ({ ...d, alphaN: d.n, alpha: i === 0 ? 0 : 0.7, alphaBelowZero: i === 0 })),
  });

  it('a held round\'s summary with alpha is rewritten without it when its page opens; a backup holding it restores, here and elsewhere', async () => {
    const lead = await leadRound();
    await lead.importAndLook(await Promise.all(Array.from({ length: 15 }, (_, i) => lead.code(q.dimensions.map(() => [1 + (i % 7), 1 + ((i * 3) % 7), 4])))));
    const key = tallyKey(lead.round.id);
    const current = lead.store.snapshot()[key] as { published: StoredTeamFigures };
    const old = { ...current, published: withAlpha(current.published) };
    expect(isTallySummary(old)).toBe(true);
    await lead.store.set({ [key]: old });
    const data = new DataModel({ store: lead.store, catalog: createCatalog([]), now, vault: lead.vault });
    const backup = await data.backupText();
    expect(JSON.parse(backup).records[key]).toEqual(old);

    // The round's page opens: the summary is written afresh, without alpha.
    const view = await loadRound(lead.store, lead.vault, lead.round, q);
    expect(view.kind).toBe('held');
    expect(lead.store.snapshot()[key]).toEqual(current);
    expect(JSON.stringify(lead.store.snapshot()[key])).not.toMatch(/alpha/);

    // The backup taken before is an earlier copy of the round: the restore goes ahead and leaves the round as it is.
    await data.readBackupFile({ size: backup.length, text: async () => backup });
    expect(data.restore.value.kind).toBe('preview');
    expect(await data.applyRestore('replace')).toBe(true);
    expect(lead.store.snapshot()[key]).toEqual(current);

    // In another browser the summary is restored as it was, and read; its alpha is in no figure shown.
    const store = new MemoryStore();
    const elsewhere = new DataModel({ store, catalog: createCatalog([]), now, vault: memoryRoundVault() });
    await elsewhere.readBackupFile({ size: backup.length, text: async () => backup });
    expect(elsewhere.restore.value.kind).toBe('preview');
    expect(await elsewhere.applyRestore('replace')).toBe(true);
    const restored = await loadRound(store, memoryRoundVault(), lead.round, q);
    expect(restored.kind).toBe('not-held');
    expect(restored.summary?.published?.dimensions.map((d) => d.mean)).toEqual(current.published.dimensions.map((d) => d.mean));
  });
});

describe('attack review 2: the kit (npx shiftmeter aggregate --previous)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'shiftmeter-attack-2-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const qFile = path.join(work, 'q.json');
  writeFileSync(qFile, JSON.stringify(q));

  function kitRun(dir: string) {
    let next = 0;
    mkdirSync(dir);
    const file = (rows: Rows, wanted: Rows) => writeFileSync(path.join(dir, `f${next}.json`), JSON.stringify(makeResponse({
      questionnaire: q, round: 'team', response: `file-${next++}`, answers: rawAnswers(q, rows), wanted: {}, wantedItems: rawAnswers(q, wanted),
    })));
    const run = async (previous?: string) => {
      const printed: string[] = [];
      const errors: string[] = [];
      const code = await aggregateCommand({ paths: [dir], minGroup: m, format: 'json', questionnaire: qFile, ...(previous ? { previous } : {}) }, { print: (l) => printed.push(l), error: (l) => errors.push(l) });
      return { code, out: printed.length > 0 ? JSON.parse(printed.join('\n')) : null, errors };
    };
    return { file, run };
  }

  it('blocked (attack 4): a "wanted" mean can no longer change by one answer while "now" grows by the minimum group', async () => {
    // The review's attack: four files answering every dimension "now" but giving no
    // "wanted" for dimension 1, then the victim's file: "now" grew by five, the check
    // passed, and dimension 1's "wanted" mean moved by the victim's answer alone.
    const { file, run } = kitRun(path.join(work, 'attack-4'));
    const reals: Rows[] = [
      [[2, 3, 2], [4, 4, 5], [1, 2, 1], [5, 6, 6]],
      [[4, 4, 5], [2, 2, 3], [6, 5, 7], [3, 3, 4]],
      [[3, 6, 5], [7, 7, 6], [2, 4, 3], [4, 4, 4]],
      [[6, 5, 7], [1, 2, 2], [4, 5, 5], [2, 1, 3]],
      [[5, 5, 4], [5, 3, 4], [3, 3, 2], [6, 7, 7]],
    ];
    reals.forEach((rows, i) => file(rows, rows.map((row) => row!.map((p) => Math.min(7, p! + 1 + (i % 2))))));
    const first = await run();
    const previous = path.join(work, 'published-1.json');
    writeFileSync(previous, JSON.stringify(first.out));
    const full: Rows = q.dimensions.map(() => [4, 4, 4]);
    for (let i = 0; i < 4; i++) file(full, [[], [4, 4, 4], [4, 4, 4], [4, 4, 4]]);
    file([[3, 3, 4], [4, 4, 4], [4, 4, 4], [4, 4, 4]], [[6, 7, 6], [5, 5, 5], [5, 5, 5], [5, 5, 5]]);
    const second = await run(previous);
    expect(second.errors.join('\n')).toMatch(/1 new response|5 new responses since .*the previous figures are printed again/);
    const [d1, d2] = [first.out.dimensions[0], second.out.dimensions[0]];
    expect([d1.wantedN, d2.wantedN, d2.wantedMean]).toEqual([5, 5, d1.wantedMean]);
    // What the published pair allows of the victim's "wanted" (0–18 steps): every value.
    const candidates = new Set<number>();
    for (let s = 0; s <= 5 * 18; s++) for (let v = 0; v <= 18; v++) {
      if (Math.round((s * STEP) / 5) === d1.wantedMean && Math.round(((s + v) * STEP) / 6) === d2.wantedMean) candidates.add(v);
      if (Math.round((s * STEP) / 5) === d1.wantedMean && d2.wantedMean === d1.wantedMean) candidates.add(v);
    }
    expect(candidates.size).toBe(19);
  });

  it('refuses a --previous output that has no count behind "wanted" as not a continuation', async () => {
    const { file, run } = kitRun(path.join(work, 'old-previous'));
    for (let i = 0; i < 5; i++) file(q.dimensions.map(() => [2 + i, 3, 4]), q.dimensions.map(() => [5, 5, 5]));
    const { out } = await run();
    const old = {
      ...out,
      dimensions: out.dimensions.map(({ id, n, mean, wantedMean }: { id: string; n: number; mean: number; wantedMean: number }) => ({ id, n, mean, median: null, q1: null, q3: null, wantedMean, alpha: null })),
      overall: { mean: out.overall.mean, median: null },
    };
    const previous = path.join(work, 'old-output.json');
    writeFileSync(previous, JSON.stringify(old));
    for (let i = 0; i < 5; i++) file(q.dimensions.map(() => [4, 4, 4]), q.dimensions.map(() => [5, 5, 5]));
    const again = await run(previous);
    expect(again.code).toBe(1);
    expect(again.out).toBeNull();
    expect(again.errors.join('\n')).toMatch(/no count of answers behind each "wanted" \(.*; nothing printed/);
  });
});

describe('attack review 2: a member whose code would count in no figure', () => {
  it('blocked (attack 5): the member\'s Shiftmeter makes no code, says why, and the lead\'s refusal of a crafted one names no answers', async () => {
    // The review's attack: a member who answered one statement per dimension (the rest "does
    // not apply") got a code; the lead's import refused exactly that code, by its sender's
    // name, with "no dimension has two answered statements".
    const lead = await leadRound();
    const memberStore = new MemoryStore();
    const catalog = catalogOf(q);
    const answering = new AnswerRoundModel({ store: memberStore, catalog }, (await import('../../src/core/round/invitation')).encodeInvitation(invitationOf(lead.round)));
    await until(() => answering.opened.value.kind === 'open');
    const model = new AssessmentModel({ store: memberStore, catalog, language: () => 'en', now: () => new Date('2027-03-02T09:00:00Z'), newId: () => 'sitting-1' }, q.id, { id: lead.round.id, name: lead.round.name });
    await until(() => model.stage.value.kind === 'ready');
    for (const d of q.dimensions) for (const [k, item] of itemsOf(q, d.id).entries()) await model.answer(item.id, k === 0 ? 3 : NOT_APPLICABLE);
    const sitting = (await model.finish())!;
    await expect(sealSitting(sitting, invitationOf(lead.round), q)).rejects.toBeInstanceOf(CountsInNoFigureError);
    await answering.seal(sitting, q);
    expect(answering.sealed.value).toEqual({ kind: 'no-figure', sittingId: 'sitting-1' });
    // No code is kept with the sitting, and opening the invitation again does not say the member already answered.
    expect((memberStore.snapshot()['sitting:sitting-1'] as { round?: { code?: string } }).round?.code).toBeUndefined();
    await answering.open();
    expect(answering.answeredOn.value).toBeNull();
    // The words the member reads, in every language, and none of them empty.
    for (const messages of [enDashboard, svDashboard, daDashboard]) {
      expect(messages['team.countsInNoFigure'].length).toBeGreaterThan(100);
      expect(messages['team.countsOnlyIf'].length).toBeGreaterThan(50);
    }
    // A crafted code of that kind is still refused, with words that name no answer.
    const crafted = await lead.code([[3, null, null], [3, null, null], [3, null, null], [3, null, null]]);
    const report = await importCodes(lead.store, lead.vault, lead.round.id, q, [{ source: 'mail from Dana', text: crafted }]);
    expect(report.entries[0]).toMatchObject({ source: 'mail from Dana', status: 'refused' });
    const words = [JSON.stringify(report.entries[0]), enDashboard['problem.counts-in-no-figure'], svDashboard['problem.counts-in-no-figure'], daDashboard['problem.counts-in-no-figure']];
    for (const text of words) expect(text).not.toMatch(/dimension|statement|påstående|udsagn|apply|gäller|gælder|two|två|to /i);
  });
});
