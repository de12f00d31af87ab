import { useEffect, useRef, useState } from 'preact/hooks';
import { contentLanguage, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { readStoredHistory } from '../../core/history/stored-records';
import { parseInvitation, type Invitation } from '../../core/round/invitation';
import type { Sitting } from '../../core/storage/records';
import { useApp, useT } from '../../ui/app-context';
import { AssessmentScreen } from '../../ui/assessment/assessment-screen';
import { navigate } from '../../ui/hash-route';
import { useReadyMark } from '../../ui/ready';
import { describeCodeProblemIn } from '../../ui/team/code-problem-words';
import { sealSitting } from '../../ui/team/team-store';
import { CodeBox } from './code-box';
import { Fingerprint } from './fingerprint';

/** A member: paste the invitation, answer, and get a sealed code to send back. */
export function AnswerRound({ initialCode }: { initialCode: string | undefined }) {
  const app = useApp();
  const t = useT();
  const [text, setText] = useState(initialCode ?? '');
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [answering, setAnswering] = useState(false);
  const [answeredOn, setAnsweredOn] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useReadyMark(true);
  // Someone who came here to answer starts in the field (unless the invitation came with the link).
  useEffect(() => {
    if (!initialCode) field.current?.focus();
  }, []);

  function open(code: string) {
    const parsed = parseInvitation(code);
    if (!parsed.ok) {
      setInvitation(null);
      return setError(describeCodeProblemIn(t, parsed.problem, 'invitation'));
    }
    const entry = app.catalog.find(parsed.value.questionnaire.id);
    if (!entry) return setError(t('team.invitationUnknown', { id: parsed.value.questionnaire.id }));
    if (entry.version !== parsed.value.questionnaire.version) {
      return setError(t('team.invitationVersion', { version: parsed.value.questionnaire.version, installed: entry.version }));
    }
    setError(null);
    setInvitation(parsed.value);
    void answeredBefore(parsed.value.round).then(setAnsweredOn, () => setAnsweredOn(null));
  }

  /** When this person's own history already holds an answer to the round: a second would count twice. */
  async function answeredBefore(roundId: string): Promise<string | null> {
    const { sittings } = readStoredHistory(await app.store.getAll());
    const earlier = sittings.filter((s) => s.round?.id === roundId).map((s) => s.completedAt).sort();
    return earlier.length > 0 ? earlier[earlier.length - 1]! : null;
  }
  useEffect(() => {
    if (initialCode) open(initialCode);
  }, []);

  if (invitation && answering) {
    return (
      <AssessmentScreen
        questionnaireId={invitation.questionnaire.id}
        round={{ id: invitation.round, name: invitation.name }}
        onDone={() => navigate('take')}
        onHistory={() => navigate('history', invitation.questionnaire.id)}
        resultExtra={(sitting, questionnaire) => <SealedCode sitting={sitting} invitation={invitation} questionnaire={questionnaire} />}
      />
    );
  }

  const entry = invitation ? app.catalog.find(invitation.questionnaire.id) : undefined;
  const lang = entry ? contentLanguage(entry, app.i18n.language.value) : undefined;
  return (
    <>
      <h1 tabIndex={-1}>{t('team.answerHeading')}</h1>
      <p class="hint">{t('team.answerIntro')}</p>
      <form class="section" onSubmit={(event) => {
        event.preventDefault();
        open(text);
      }}>
        <div class="field">
          <label for="invitation-input">{t('team.invitationCode')}</label>
          <textarea id="invitation-input" ref={field} class="code-text" rows={4} spellcheck={false} value={text} onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" class="button">{t('team.openInvitation')}</button>
      </form>
      {error ? <p class="notice notice-error" role="alert">{error}</p> : null}
      {invitation && entry ? (
        <section class="section" aria-labelledby="invitation-found">
          <h2 id="invitation-found">{invitation.name}</h2>
          <p>{t('team.invitationFor')} <span lang={lang}>{textIn(entry.title, lang!)}</span></p>
          <p data-testid="invitation-min-group">{t('team.memberMinGroup', { min: invitation.minGroup })}</p>
          {answeredOn ? <p class="notice" role="status" data-testid="answered-before">{t('team.answeredBefore', { date: app.i18n.formatDate.value(answeredOn) })}</p> : null}
          <Fingerprint binding={invitation} who="member" />
          <WhatIsSent />
          <button type="button" class="button button-primary" onClick={() => setAnswering(true)}>{t('team.answerButton')}</button>
        </section>
      ) : null}
    </>
  );
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

function SealedCode({ sitting, invitation, questionnaire }: { sitting: Sitting; invitation: Invitation; questionnaire: Questionnaire }) {
  const t = useT();
  const [code, setCode] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // After the result's own focus: the code to send back is what the member needs next.
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // Sealed once per finished sitting: each code has a fresh random response id.
    void sealSitting(sitting, invitation, questionnaire).then(setCode, () => setFailed(true));
  }, [sitting.id]);
  return (
    <section class="section sealed-code" aria-labelledby="sealed-heading">
      <h2 id="sealed-heading" tabIndex={-1} ref={heading}>{t('team.sealedHeading')}</h2>
      <p>{t('team.sealedIntro', { name: invitation.name })}</p>
      {failed ? <p class="notice notice-error" role="alert">{t('team.sealFailed')}</p> : null}
      {code ? (
        <CodeBox id="response-code" label={t('team.responseCode')} code={code} fileName="shiftmeter-response.txt" />
      ) : failed ? null : <p role="status">{t('common.loading')}</p>}
      <WhatIsSent />
    </section>
  );
}
