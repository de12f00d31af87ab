import { describe, expect, it } from 'vitest';
import { encodeInvitation } from '../../src/core/round/invitation';
import { invitationOf } from '../../src/core/round/round-record';
import { countOf } from '../../src/core/round/round-state';
import { sittingKey, type Sitting } from '../../src/core/storage/records';
import { AnswerRoundModel } from '../../src/ui/team/answer-round-model';
import { importCodes, startRound } from '../../src/ui/team/team-store';
import { memoryRoundVault } from '../helpers/memory-round-vault';
import { MemoryStore } from '../helpers/memory-store';
import { catalogOf, until } from '../helpers/model-fixtures';
import { makeQuestionnaire } from '../helpers/questionnaire-fixture';

const questionnaire = makeQuestionnaire(2, 3);
const catalog = catalogOf(questionnaire);

/** A lead's round and the invitation code the lead sends to the team. */
async function leadRound(minGroup = 5) {
  const store = new MemoryStore();
  const vault = memoryRoundVault();
  const round = await startRound(store, vault, { name: 'Team Alpha, spring', questionnaire, minGroup }, new Date('2027-03-01T09:00:00.000Z'));
  return { store, vault, round, code: encodeInvitation(invitationOf(round)) };
}

function sittingFor(roundId: string | null, id: string, completedAt: string): Sitting {
  const answers = Object.fromEntries(questionnaire.items.map((item) => [item.id, 3]));
  const wanted = Object.fromEntries(questionnaire.dimensions.map((dimension) => [dimension.id, 6]));
  return {
    schema: 1, id, questionnaire: { id: questionnaire.id, version: questionnaire.version }, startedAt: completedAt, completedAt,
    language: 'en', answers, wanted, ...(roundId ? { round: { id: roundId, name: 'Team Alpha, spring' } } : {}),
  };
}

describe('a member answering a round', () => {
  it('opens a pasted invitation, broken over lines as mail programs do, and shows what it is for', async () => {
    const { round, code } = await leadRound(4);
    const model = new AnswerRoundModel({ store: new MemoryStore(), catalog });
    model.setCode(`${code.slice(0, 30)}\n${code.slice(30)}`);
    await model.open();
    const opened = model.opened.value;
    expect(opened.kind).toBe('open');
    expect(opened.kind === 'open' && opened.invitation).toMatchObject({ round: round.id, name: 'Team Alpha, spring', minGroup: 4, questionnaire: { id: questionnaire.id, version: 1 } });
    expect(model.answeredOn.value).toBeNull();
    model.startAnswering();
    expect(model.answering.value).toBe(true);
    model[Symbol.dispose]();
  });

  it('opens the invitation that came with the link at once', async () => {
    const { code } = await leadRound();
    const model = new AnswerRoundModel({ store: new MemoryStore(), catalog }, code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => model.opened.value.kind !== 'none');
    expect(model.code.value).toBe(code);
    expect(model.opened.value.kind).toBe('open');
  });

  it('keeps the invitation opened last when a file chosen before it is read after it', async () => {
    const { code } = await leadRound();
    const model = new AnswerRoundModel({ store: new MemoryStore(), catalog });
    // A file that takes its time to read (a network drive), chosen first; then a code pasted and opened.
    let finishReading: (text: string) => void = () => undefined;
    const slowFile = { size: 100, text: () => new Promise<string>((resolve) => (finishReading = resolve)) };
    const fileOpening = model.openFile(slowFile);
    model.setCode(code);
    await model.open();
    expect(model.opened.value.kind).toBe('open');
    // The file turns out not to be an invitation: its refusal must not replace the code opened since.
    finishReading('not an invitation file');
    await fileOpening;
    expect(model.opened.value.kind).toBe('open');
    expect(model.code.value).toBe(code);
    model[Symbol.dispose]();
  });

  it('refuses a wrong code with the reason, and a refused code replaces the invitation opened before', async () => {
    const { code } = await leadRound();
    const model = new AnswerRoundModel({ store: new MemoryStore(), catalog }, code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => model.opened.value.kind !== 'none');
    expect(model.opened.value.kind).toBe('open');
    for (const [text, problem] of [
      ['hello team', 'not-a-code'],
      [code.slice(0, -3), 'damaged'],
      [`${code.slice(0, 12)}${code[12] === 'A' ? 'B' : 'A'}${code.slice(13)}`, 'damaged'],
      [`SMR2.${code.slice(5)}`, 'wrong-kind'],
      [`SMI1.${code.slice(5)}`, 'old-format'],
    ] as const) {
      model.setCode(text);
      await model.open();
      expect(model.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'bad-code', problem: { kind: problem } }, attempt: expect.any(Number) });
    }
    // The same code opened again is refused again as a new attempt, so the page says it again.
    const before = model.opened.value;
    await model.open();
    expect(model.opened.value).toMatchObject({ kind: 'refused', refusal: (before as { refusal: unknown }).refusal });
    expect((model.opened.value as { attempt: number }).attempt).toBeGreaterThan((before as { attempt: number }).attempt);
    // Answering needs an invitation that opened.
    await model.startAnswering();
    expect(model.answering.value).toBe(false);
  });

  it('asks for the invitation file for a questionnaire not here, and refuses another version of a shipped one', async () => {
    const { code } = await leadRound();
    const unknown = new AnswerRoundModel({ store: new MemoryStore(), catalog: catalogOf() }, code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => unknown.opened.value.kind !== 'none');
    // Not shipped here: the lead's invitation file brings it.
    expect(unknown.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'needs-file', id: questionnaire.id, version: questionnaire.version }, attempt: expect.any(Number) });
    const newer = new AnswerRoundModel({ store: new MemoryStore(), catalog: catalogOf({ ...questionnaire, version: 2 }) }, code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => newer.opened.value.kind !== 'none');
    expect(newer.opened.value).toEqual({ kind: 'refused', refusal: { kind: 'other-version', version: 1, installed: 2 }, attempt: expect.any(Number) });
  });

  it('says when this person already answered the round (the latest answer), and not for another round', async () => {
    const { round, code } = await leadRound();
    const store = new MemoryStore({
      [sittingKey('s1')]: sittingFor(round.id, 's1', '2027-03-02T10:00:00.000Z'),
      [sittingKey('s2')]: sittingFor(round.id, 's2', '2027-03-04T10:00:00.000Z'),
      [sittingKey('s3')]: sittingFor('another-round', 's3', '2027-03-09T10:00:00.000Z'),
      [sittingKey('s4')]: sittingFor(null, 's4', '2027-03-10T10:00:00.000Z'),
    });
    const model = new AnswerRoundModel({ store, catalog }, code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => model.opened.value.kind !== 'none');
    await until(() => model.answeredOn.value !== null);
    expect(model.answeredOn.value).toBe('2027-03-04T10:00:00.000Z');
    const other = await leadRound();
    model.setCode(other.code);
    await model.open();
    expect(model.opened.value.kind).toBe('open');
    expect(model.answeredOn.value).toBeNull();
  });

  it('leaves the warning out, and still opens the invitation, when the history cannot be read', async () => {
    const { code } = await leadRound();
    const store = new MemoryStore();
    store.getAll = () => Promise.reject(new Error('disk gone'));
    const model = new AnswerRoundModel({ store, catalog });
    model.setCode(code);
    await model.open();
    expect(model.opened.value.kind).toBe('open');
    expect(model.answeredOn.value).toBeNull();
  });

  it('seals the finished sitting once, into a code only the lead can count', async () => {
    const lead = await leadRound(3);
    const model = new AnswerRoundModel({ store: new MemoryStore(), catalog }, lead.code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => model.opened.value.kind !== 'none');
    const sitting = sittingFor(lead.round.id, 'mine', '2027-03-02T10:00:00.000Z');
    await model.seal(sitting, questionnaire);
    const sealed = model.sealed.value;
    expect(sealed.kind).toBe('sealed');
    if (sealed.kind !== 'sealed') return;
    expect(sealed.sittingId).toBe('mine');
    // Shown again (the result re-rendered): the same code, not a second answer.
    await model.seal(sitting, questionnaire);
    expect(model.sealed.value).toBe(sealed);
    const report = await importCodes(lead.store, lead.vault, lead.round.id, questionnaire, [{ source: 'code 1', text: sealed.code }]);
    expect(countOf(report.state)).toBe(1);
  });
});

describe('a member who opens a round they answered before', () => {
  it('is offered the code made from that answer, kept with the sitting, and it counts once however often it is sent', async () => {
    const lead = await leadRound(3);
    const store = new MemoryStore();
    const first = new AnswerRoundModel({ store, catalog }, lead.code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => first.opened.value.kind !== 'none');
    await until(() => first.opened.value.kind === 'open');
    const sitting = sittingFor(lead.round.id, 'mine', '2027-03-02T10:00:00.000Z');
    await store.set({ [sittingKey(sitting.id)]: sitting });
    await first.seal(sitting, questionnaire);
    const sealed = first.sealed.value;
    if (sealed.kind !== 'sealed') throw new Error('not sealed');
    expect((store.snapshot()[sittingKey('mine')] as Sitting).round?.code).toBe(sealed.code);

    const again = new AnswerRoundModel({ store, catalog }, lead.code);
    // Opening checks the questionnaire's content hash, which takes a moment.
    await until(() => again.opened.value.kind !== 'none');
    await until(() => again.earlierCode.value !== null);
    expect(again.answeredOn.value).toBe('2027-03-02T10:00:00.000Z');
    expect(again.earlierCode.value).toBe(sealed.code);
    const report = await importCodes(lead.store, lead.vault, lead.round.id, questionnaire, [
      { source: 'code 1', text: sealed.code }, { source: 'code 2', text: again.earlierCode.value! },
    ]);
    expect(countOf(report.state)).toBe(1);
  });
});
