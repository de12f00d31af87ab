import { action, createModel, signal } from '@preact/signals';
import { readStoredHistory } from '../../core/history/stored-records';
import type { Questionnaire } from '../../core/questionnaire/types';
import type { CodeProblem } from '../../core/round/code-text';
import { encodeInvitation, parseInvitation, type Invitation } from '../../core/round/invitation';
import { MAX_INVITATION_FILE_BYTES, readInvitationFile } from '../../core/round/invitation-file';
import { contentHash } from '../../core/library/content-hash';
import type { Problem } from '../../core/problems';
import { addToLibrary, type AdditionOutcome } from '../library/library-model';
import { readChosenFile, type ChosenFile } from '../chosen-file';
import { sittingKey, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { CountsInNoFigureError, sealSitting, sittingCountsInAFigure } from './team-store';

/** Why a pasted invitation cannot be answered here; the view says it in the reader's language. */
export type InvitationRefusal =
  | { kind: 'bad-code'; problem: CodeProblem }
  | { kind: 'unknown-questionnaire'; id: string }
  | { kind: 'other-version'; version: number; installed: number }
  /** This Shiftmeter has the round's questionnaire id and version with other content: answers would not be to the lead's questions. */
  | { kind: 'other-content'; id: string; version: number }
  /** The round's questionnaire is not here, and the code alone cannot bring it: the invitation file can. */
  | { kind: 'needs-file'; id: string; version: number }
  /** An invitation file that is not one, or whose questionnaire is not the one its code binds. */
  | { kind: 'bad-file' }
  | { kind: 'bad-file-questionnaire'; problems: readonly Problem[] }
  | { kind: 'file-too-big' }
  /** Adding the round's questionnaire was refused (the organisation does not allow it, storage is full…). */
  | { kind: 'not-added'; outcome: AdditionOutcome };

export type OpenedInvitation =
  | { kind: 'none' }
  /** `attempt`: which opening was refused, so the page says the same refusal again when it is made again. */
  | { kind: 'refused'; refusal: InvitationRefusal; attempt: number }
  /** `adds`: the questionnaire the invitation file brings, added when the member starts answering. */
  | { kind: 'open'; invitation: Invitation; adds?: Questionnaire };

/**
 * The code the member sends back, for the sitting it was sealed from. `no-figure`: no
 * code is made, because in no dimension were two statements answered (the rest "does
 * not apply"): such a code would count in no figure, and the lead's refusal of it, by
 * its sender's name, would tell what that member marked.
 */
export type SealedCode =
  | { kind: 'none' }
  | { kind: 'sealing'; sittingId: string }
  | { kind: 'sealed'; sittingId: string; code: string }
  | { kind: 'no-figure'; sittingId: string }
  | { kind: 'failed'; sittingId: string };

export interface AnswerRoundServices {
  store: KeyValueStore;
  catalog: Catalog;
  now?: () => Date;
}

/**
 * A member answering a round: the invitation pasted (or brought by the link), what it is
 * for, whether this person answered it before, and the sealed code of the finished sitting.
 * Owned by the answer page (useModel), one per invitation link.
 */
export const AnswerRoundModel = createModel((services: AnswerRoundServices, initialCode?: string) => {
  /** The text in the invitation field. */
  const code = signal(initialCode ?? '');
  const opened = signal<OpenedInvitation>({ kind: 'none' });
  /** When this person's own history already holds an answer to the opened round (the latest): a second would count twice. */
  const answeredOn = signal<string | null>(null);
  /** The code made from that earlier answer, when it was kept: offered instead of answering again. */
  const earlierCode = signal<string | null>(null);
  const answering = signal(false);
  const sealed = signal<SealedCode>({ kind: 'none' });

  const setCode = action((text: string) => {
    code.value = text;
  });

  // Each opening counts here: one that finishes after a later one began (a file still being
  // read when a code is pasted and opened) shows nothing, so the latest is what stays.
  let openings = 0;

  /** Opens the invitation in the field; resolves once the member's history has been checked for an earlier answer. */
  const open = action(async () => {
    const mine = ++openings;
    const parsed = parseInvitation(code.value);
    if (!parsed.ok) return void refuse({ kind: 'bad-code', problem: parsed.problem });
    const invitation = parsed.value;
    const refusal = await checkQuestionnaire(invitation);
    if (mine !== openings) return;
    if (refusal) return void refuse(refusal);
    await show({ kind: 'open', invitation });
  });

  /**
   * Opens an invitation file: its code as a pasted one, and the questionnaire it brings,
   * checked to be exactly the one the code binds. A questionnaire this Shiftmeter already
   * has, with that very content, is not added again.
   */
  const openFile = action(async (file: ChosenFile) => {
    const mine = ++openings;
    const chosen = await readChosenFile(file, MAX_INVITATION_FILE_BYTES);
    if (mine !== openings) return;
    if (chosen.kind !== 'text') return void refuse({ kind: chosen.kind === 'too-big' ? 'file-too-big' : 'bad-file' });
    const { text } = chosen;
    const read = await readInvitationFile(text);
    if (mine !== openings) return;
    if (!read.ok) {
      if ('code' in read) return void refuse({ kind: 'bad-code', problem: read.code });
      if ('problems' in read) return void refuse({ kind: 'bad-file-questionnaire', problems: read.problems });
      return void refuse({ kind: 'bad-file' });
    }
    code.value = encodeInvitation(read.invitation);
    const refusal = await checkQuestionnaire(read.invitation);
    if (mine !== openings) return;
    if (refusal === null) return void (await show({ kind: 'open', invitation: read.invitation }));
    if (refusal.kind === 'needs-file') return void (await show({ kind: 'open', invitation: read.invitation, adds: read.questionnaire }));
    refuse(refusal);
  });

  function refuse(refusal: InvitationRefusal) {
    answeredOn.value = null;
    earlierCode.value = null;
    opened.value = { kind: 'refused', refusal, attempt: openings };
  }

  /**
   * Whether this Shiftmeter has the round's questionnaire, in its version and (for rounds
   * that bind it) with the very content the lead's has; null when it does.
   */
  async function checkQuestionnaire(invitation: Invitation): Promise<InvitationRefusal | null> {
    const { id, version, hash } = invitation.questionnaire;
    const entry = services.catalog.findVersion(id, version);
    if (!entry) {
      // A questionnaire that did not ship comes with the lead's invitation file; a shipped one with an update of Shiftmeter.
      if (hash !== undefined && !services.catalog.shippedIds.has(id)) return { kind: 'needs-file', id, version };
      const current = services.catalog.find(id);
      // A round runs on the version it was started on; an earlier one kept in this Shiftmeter can still be answered.
      return current ? { kind: 'other-version', version, installed: current.version } : { kind: 'unknown-questionnaire', id };
    }
    if (hash === undefined) return null;
    let here: string;
    try {
      here = entry.hash ?? (await contentHash(await entry.load()));
    } catch {
      return { kind: 'needs-file', id, version };
    }
    return here === hash ? null : { kind: 'other-content', id, version };
  }

  async function show(state: Extract<OpenedInvitation, { kind: 'open' }>) {
    answeredOn.value = null;
    earlierCode.value = null;
    opened.value = state;
    try {
      const earlier = await latestAnswerTo(state.invitation);
      // Only for the invitation still open: another may have been opened meanwhile.
      if (opened.peek() === state) {
        answeredOn.value = earlier?.completedAt ?? null;
        earlierCode.value = earlier?.round?.code ?? null;
      }
    } catch {
      // Not knowing is no reason to keep someone from answering: the warning is left out.
    }
  }

  /** The latest sitting that answered this round: one that made no code (it would count in no figure) does not count as an answer. */
  async function latestAnswerTo(invitation: Invitation): Promise<Sitting | null> {
    const { sittings } = readStoredHistory(await services.store.getAll());
    const questionnaire = await services.catalog.findVersion(invitation.questionnaire.id, invitation.questionnaire.version)?.load();
    const earlier = sittings
      .filter((s) => s.round?.id === invitation.round && (s.round.code !== undefined || !questionnaire || sittingCountsInAFigure(s, invitation, questionnaire)))
      .sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0));
    return earlier.length > 0 ? earlier[earlier.length - 1]! : null;
  }

  /** Starts answering; a questionnaire the invitation file brings is added first, as the member was told. */
  const startAnswering = action(async () => {
    const current = opened.value;
    if (current.kind !== 'open') return;
    if (current.adds) {
      const outcome = await addToLibrary({ store: services.store, catalog: services.catalog, now: services.now ?? (() => new Date()) }, current.adds, 'team-round');
      if (outcome.kind !== 'added' && outcome.kind !== 'already-here') return void refuse({ kind: 'not-added', outcome });
      opened.value = { kind: 'open', invitation: current.invitation };
    }
    answering.value = true;
  });

  /**
   * Seals the finished sitting, once: each code has a fresh random response id, so sealing
   * it again would hand the member a second, different code for the same answers.
   */
  const seal = action(async (sitting: Sitting, questionnaire: Questionnaire) => {
    const current = opened.value;
    const previous = sealed.value;
    if (current.kind !== 'open' || (previous.kind !== 'none' && previous.sittingId === sitting.id)) return;
    if (!sittingCountsInAFigure(sitting, current.invitation, questionnaire)) return void (sealed.value = { kind: 'no-figure', sittingId: sitting.id });
    sealed.value = { kind: 'sealing', sittingId: sitting.id };
    let code: string;
    try {
      code = await sealSitting(sitting, current.invitation, questionnaire);
      sealed.value = { kind: 'sealed', sittingId: sitting.id, code };
    } catch (error) {
      sealed.value = { kind: error instanceof CountsInNoFigureError ? 'no-figure' : 'failed', sittingId: sitting.id };
      return;
    }
    // Kept with the sitting, so that opening this round again offers this code rather than a
    // second answer. The code is on the page already; a failed write only loses that offer.
    if (sitting.round) {
      try {
        await services.store.set({ [sittingKey(sitting.id)]: { ...sitting, round: { ...sitting.round, code } } });
      } catch {
        // Nothing to tell the member: their code is in front of them.
      }
    }
  });

  if (initialCode) void open();
  return { code, opened, answeredOn, earlierCode, answering, sealed, setCode, open, openFile, startAnswering, seal };
});

export type AnswerRoundModelInstance = InstanceType<typeof AnswerRoundModel>;
