import { action, createModel, signal } from '@preact/signals';
import { readStoredHistory } from '../../core/history/stored-records';
import type { Questionnaire } from '../../core/questionnaire/types';
import type { CodeProblem } from '../../core/round/code-text';
import { parseInvitation, type Invitation } from '../../core/round/invitation';
import { sittingKey, type Sitting } from '../../core/storage/records';
import type { KeyValueStore } from '../../core/storage/store';
import type { Catalog } from '../catalog';
import { CountsInNoFigureError, sealSitting, sittingCountsInAFigure } from './team-store';

/** Why a pasted invitation cannot be answered here; the view says it in the reader's language. */
export type InvitationRefusal =
  | { kind: 'bad-code'; problem: CodeProblem }
  | { kind: 'unknown-questionnaire'; id: string }
  | { kind: 'other-version'; version: number; installed: number };

export type OpenedInvitation =
  | { kind: 'none' }
  | { kind: 'refused'; refusal: InvitationRefusal }
  | { kind: 'open'; invitation: Invitation };

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

  /** Opens the invitation in the field; resolves once the member's history has been checked for an earlier answer. */
  const open = action(async () => {
    answeredOn.value = null;
    earlierCode.value = null;
    const parsed = parseInvitation(code.value);
    if (!parsed.ok) return void (opened.value = { kind: 'refused', refusal: { kind: 'bad-code', problem: parsed.problem } });
    const invitation = parsed.value;
    const current = services.catalog.find(invitation.questionnaire.id);
    if (!current) return void (opened.value = { kind: 'refused', refusal: { kind: 'unknown-questionnaire', id: invitation.questionnaire.id } });
    // A round runs on the version it was started on; an earlier one kept in this Shiftmeter can still be answered.
    if (!services.catalog.findVersion(invitation.questionnaire.id, invitation.questionnaire.version)) {
      return void (opened.value = { kind: 'refused', refusal: { kind: 'other-version', version: invitation.questionnaire.version, installed: current.version } });
    }
    const state: OpenedInvitation = { kind: 'open', invitation };
    opened.value = state;
    try {
      const earlier = await latestAnswerTo(invitation);
      // Only for the invitation still open: another may have been opened meanwhile.
      if (opened.peek() === state) {
        answeredOn.value = earlier?.completedAt ?? null;
        earlierCode.value = earlier?.round?.code ?? null;
      }
    } catch {
      // Not knowing is no reason to keep someone from answering: the warning is left out.
    }
  });

  /** The latest sitting that answered this round: one that made no code (it would count in no figure) does not count as an answer. */
  async function latestAnswerTo(invitation: Invitation): Promise<Sitting | null> {
    const { sittings } = readStoredHistory(await services.store.getAll());
    const questionnaire = await services.catalog.findVersion(invitation.questionnaire.id, invitation.questionnaire.version)?.load();
    const earlier = sittings
      .filter((s) => s.round?.id === invitation.round && (s.round.code !== undefined || !questionnaire || sittingCountsInAFigure(s, invitation, questionnaire)))
      .sort((a, b) => (a.completedAt < b.completedAt ? -1 : a.completedAt > b.completedAt ? 1 : 0));
    return earlier.length > 0 ? earlier[earlier.length - 1]! : null;
  }

  const startAnswering = action(() => {
    if (opened.value.kind === 'open') answering.value = true;
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
  return { code, opened, answeredOn, earlierCode, answering, sealed, setCode, open, startAnswering, seal };
});

export type AnswerRoundModelInstance = InstanceType<typeof AnswerRoundModel>;
