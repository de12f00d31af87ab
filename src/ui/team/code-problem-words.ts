import type { CodeProblem } from '../../core/round/code-text';
import type { Translate } from '../i18n/translator';
import { describeProblemIn } from '../problem-words';

/** Why a code was refused, in the reader's language. */
export function describeCodeProblemIn(t: Translate, problem: CodeProblem, what: 'response' | 'invitation' = 'response'): string {
  switch (problem.kind) {
    case 'not-a-code': return t(what === 'response' ? 'team.problemNotCode' : 'team.problemNotInvitation');
    case 'too-long': return t('team.problemTooLong');
    case 'old-format': return t(what === 'response' ? 'team.problemOldResponse' : 'team.problemOldInvitation');
    case 'wrong-kind': return t(what === 'response' ? 'team.problemInvitationAsResponse' : 'team.problemResponseAsInvitation');
    case 'bad-key': return t('team.problemBadKey');
    case 'damaged': return t('team.problemDamaged');
    case 'another-round': return t('team.problemAnotherRound', { round: problem.round });
    case 'cannot-open': return t('team.problemCannotOpen');
    case 'other-questionnaire': return t('team.problemOtherQuestionnaire', { id: problem.id, version: problem.version });
    case 'invalid': return t('team.problemInvalid', { detail: describeProblemIn(t, problem.problem) });
  }
}
