import { failureWords } from '../failure-words';
import { useModel } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { contentLanguage, textIn, type Questionnaire } from '../../core/questionnaire/types';
import type { Sitting } from '../../core/storage/records';
import { useApp, useT } from '../../ui/app-context';
import { AssessmentScreen } from '../../ui/assessment/assessment-screen';
import { TakingHeading } from '../taking-heading';
import { navigate } from '../../ui/hash-route';
import type { Translate } from '../../ui/i18n/translator';
import { useReadyMark } from '../../ui/ready';
import { AnswerRoundModel, type AnswerRoundModelInstance, type InvitationRefusal } from '../../ui/team/answer-round-model';
import { describeCodeProblemIn } from '../../ui/team/code-problem-words';
import type { AdditionOutcome } from '../../ui/library/library-model';
import { questionCountOf } from '../../core/questionnaire/summary';
import { CodeBox } from './code-box';
import { Fingerprint } from './fingerprint';

/** A member: paste the invitation, answer, and get a sealed code to send back. */
export function AnswerRound({ initialCode }: { initialCode: string | undefined }) {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new AnswerRoundModel({ store: app.store, catalog: app.catalog, now: app.now }, initialCode));
  const field = useRef<HTMLTextAreaElement>(null);
  useReadyMark(true);
  // Someone who came here to answer starts in the field (unless the invitation came with the link).
  useEffect(() => {
    if (!initialCode) field.current?.focus();
  }, []);

  const opened = model.opened.value;
  const invitation = opened.kind === 'open' ? opened.invitation : null;
  const foundHeading = useRef<HTMLHeadingElement>(null);
  // A refusal is announced (role=alert); an invitation that opened is where the member goes next.
  useEffect(() => {
    if (invitation) foundHeading.current?.focus();
  }, [invitation]);
  if (invitation && model.answering.value) {
    return (
      <>
      <TakingHeading questionnaireId={invitation.questionnaire.id} version={invitation.questionnaire.version} />
      <p class="hint small">{t('team.answeringFor', { name: invitation.name })}</p>
      <AssessmentScreen
        questionnaireId={invitation.questionnaire.id}
        round={{ id: invitation.round, name: invitation.name, version: invitation.questionnaire.version }}
        onDone={() => navigate('take')}
        onHistory={() => navigate('history', invitation.questionnaire.id)}
        resultExtra={(sitting, questionnaire) => <SealedCode model={model} roundName={invitation.name} sitting={sitting} questionnaire={questionnaire} />}
      />
      </>
    );
  }

  const adds = opened.kind === 'open' ? opened.adds : undefined;
  // The round's questionnaire as this Shiftmeter has it, or as the invitation file brings it.
  const entry = adds ? { ...adds, questionCount: questionCountOf(adds), itemCount: adds.items.length }
    : invitation ? app.catalog.findVersion(invitation.questionnaire.id, invitation.questionnaire.version) : undefined;
  const lang = entry ? contentLanguage(entry, app.i18n.language.value) : undefined;
  const answeredOn = model.answeredOn.value;
  return (
    <>
      <h1 tabIndex={-1}>{t('team.answerHeading')}</h1>
      <p class="hint">{t('team.answerIntro')}</p>
      <form class="section" onSubmit={(event) => {
        event.preventDefault();
        void model.open();
      }}>
        <div class="field">
          <label for="invitation-input">{t('team.invitationCode')}</label>
          <textarea id="invitation-input" ref={field} class="code-text" rows={4} spellcheck={false} value={model.code.value}
            onInput={(event) => model.setCode((event.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" class="button">{t('team.openInvitation')}</button>
      </form>
      <div class="field">
        <label for="invitation-file">{t('team.invitationFile')}</label>
        <input id="invitation-file" type="file" accept=".json,application/json" onChange={(event) => {
          const input = event.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) void model.openFile(file);
          input.value = '';
        }} />
      </div>
      {/* Keyed by the attempt: a new alert each time, so a refusal made again is announced again. */}
      {opened.kind === 'refused' ? <p key={opened.attempt} class="notice notice-error" role="alert">{refusalText(t, opened.refusal)}</p> : null}
      {invitation && entry ? (
        <section class="section" aria-labelledby="invitation-found">
          <h2 id="invitation-found" tabIndex={-1} ref={foundHeading}>{invitation.name}</h2>
          <p>{t('team.invitationFor')} <span lang={lang}>{textIn(entry.title, lang!)}</span></p>
          {adds ? <p class="notice" data-testid="will-add">{t('team.willAdd', { title: textIn(adds.title, lang!), version: adds.version })}</p> : null}
          <p data-testid="invitation-min-group">{t('team.memberMinGroup', { min: invitation.minGroup })}</p>
          {/* Questionnaires of format 2 (every statement asked twice) offer "does not apply". */}
          {entry.questionCount === 2 * entry.itemCount ? <p data-testid="counts-only-if">{t('team.countsOnlyIf')}</p> : null}
          {answeredOn ? <p class="notice" role="status" data-testid="answered-before">{t('team.answeredBefore', { date: app.i18n.formatDate.value(answeredOn) })}</p> : null}
          {answeredOn && model.earlierCode.value ? (
            <div class="earlier-code" data-testid="earlier-code">
              <p>{t('team.earlierCodeIntro')}</p>
              <CodeBox id="earlier-response-code" label={t('team.earlierCode')} code={model.earlierCode.value} fileName="shiftmeter-response.txt" />
            </div>
          ) : null}
          <Fingerprint binding={invitation} who="member" />
          <WhatIsSent />
          <button type="button" class="button button-primary" onClick={() => void model.startAnswering()}>{t('team.answerButton')}</button>
        </section>
      ) : null}
    </>
  );
}

function refusalText(t: Translate, refusal: InvitationRefusal): string {
  switch (refusal.kind) {
    case 'bad-code': return describeCodeProblemIn(t, refusal.problem, 'invitation');
    case 'unknown-questionnaire': return t('team.invitationUnknown', { id: refusal.id });
    case 'other-version': return t('team.invitationVersion', { version: refusal.version, installed: refusal.installed });
    case 'other-content': return t('team.invitationOtherContent', { id: refusal.id, version: refusal.version });
    case 'needs-file': return t('team.invitationNeedsFile', { id: refusal.id, version: refusal.version });
    case 'bad-file': return t('team.invitationBadFile');
    case 'bad-file-questionnaire': return t('team.invitationFileQuestionnaire');
    case 'file-too-big': return t('team.invitationFileTooBig');
    case 'not-added': return notAddedText(t, refusal.outcome);
  }
}

/** Why the round's questionnaire could not be added, in the library's own words. */
function notAddedText(t: Translate, outcome: AdditionOutcome): string {
  switch (outcome.kind) {
    case 'not-allowed': return t('library.notAllowed');
    case 'not-saved': return t('library.notSaved', { detail: failureWords(t, outcome) });
    case 'other-content': return t('library.otherContent', { id: outcome.id, version: outcome.version });
    case 'shipped-id': return t('library.shippedId', { id: outcome.id });
    case 'full': return t('library.full', { max: outcome.max });
    case 'added':
    case 'already-here': return '';
  }
}

function WhatIsSent() {
  const t = useT();
  return (
    <div class="notice">
      <p>{t('team.sentIntro')}</p>
      <ul>
        <li>{t('team.sentAnswers')}</li>
        <li>{t('team.sentIds')}</li>
        <li>{t('team.sentNot')}</li>
        <li>{t('team.sentSealed')}</li>
      </ul>
    </div>
  );
}

function SealedCode({ model, roundName, sitting, questionnaire }: { model: AnswerRoundModelInstance; roundName: string; sitting: Sitting; questionnaire: Questionnaire }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // After the result's own focus: the code to send back is what the member needs next.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    void model.seal(sitting, questionnaire);
  }, [sitting.id]);
  const sealed = model.sealed.value;
  const noFigure = sealed.kind === 'no-figure' && sealed.sittingId === sitting.id;
  return (
    <section class="section sealed-code" aria-labelledby="sealed-heading">
      <h2 id="sealed-heading" tabIndex={-1} ref={heading}>{t(noFigure ? 'team.noCodeHeading' : 'team.sealedHeading')}</h2>
      {noFigure ? <p class="notice" role="status" data-testid="no-figure">{t('team.countsInNoFigure')}</p> : <SealedCodeBody model={model} sitting={sitting} roundName={roundName} />}
    </section>
  );
}

function SealedCodeBody({ model, sitting, roundName }: { model: AnswerRoundModelInstance; sitting: Sitting; roundName: string }) {
  const t = useT();
  const sealed = model.sealed.value;
  const forThisSitting = sealed.kind !== 'none' && sealed.sittingId === sitting.id;
  const failed = forThisSitting && sealed.kind === 'failed';
  return (
    <>
      <p>{t('team.sealedIntro', { name: roundName })}</p>
      {failed ? <p class="notice notice-error" role="alert">{t('team.sealFailed')}</p> : null}
      {forThisSitting && sealed.kind === 'sealed' ? (
        <CodeBox id="response-code" label={t('team.responseCode')} code={sealed.code} fileName="shiftmeter-response.txt" />
      ) : failed ? null : <p role="status">{t('common.loading')}</p>}
      <WhatIsSent />
    </>
  );
}
