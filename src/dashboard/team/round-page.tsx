import { useEffect, useState } from 'preact/hooks';
import { contentLanguage, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { encodeInvitation } from '../../core/round/invitation';
import { invitationOf, type Round } from '../../core/round/round-record';
import { countOf, publishedOf } from '../../core/round/round-state';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { useReadyMark } from '../../ui/ready';
import { describeStorageError } from '../../ui/storage-errors';
import { earlierRounds, loadRound, readRound, type RoundView } from '../../ui/team/team-store';
import { CodeBox } from './code-box';
import { Fingerprint, useFingerprint } from './fingerprint';
import { ImportPanel } from './import-panel';
import { TeamFigures } from './team-figures';
import { TeamSizeForm } from './team-size-form';

type State =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; view: RoundView; questionnaire: Questionnaire; earlier: Awaited<ReturnType<typeof earlierRounds>> };

/** One round for its lead: the invitation and its fingerprint, the import of codes, and the team's figures. */
export function RoundPage({ roundId }: { roundId: string }) {
  const app = useApp();
  const vault = useRoundVault();
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      try {
        const stored = await readRound(app.store, roundId);
        const entry = stored ? app.catalog.find(stored.questionnaire.id) : undefined;
        if (!stored || !entry) return setState({ kind: 'missing' });
        const questionnaire = await entry.load();
        if (questionnaire.version !== stored.questionnaire.version) {
          return setState({ kind: 'failed', message: t('team.versionGone', { version: stored.questionnaire.version, installed: questionnaire.version }) });
        }
        const [view, earlier] = await Promise.all([loadRound(app.store, vault, stored, questionnaire), earlierRounds(app.store, stored, questionnaire)]);
        setState({ kind: 'ready', view, questionnaire, earlier });
      } catch (error) {
        setState({ kind: 'failed', message: t('error.load', { detail: describeStorageError(error) }) });
      }
    })();
  }, [roundId]);
  useReadyMark(state.kind !== 'loading');
  const roundName = state.kind === 'ready' ? state.view.round.name : null;
  useEffect(() => {
    if (roundName === null) return;
    app.pageTitle.value = roundName;
    // Back to the list of rounds (the same view), the title is the view's again; another
    // view has set its own by then.
    return () => {
      if (app.pageTitle.peek() === roundName) app.pageTitle.value = t('dashboard.team');
    };
  }, [roundName]);

  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'missing') return <p class="notice notice-error" role="alert">{t('team.roundMissing')}</p>;
  if (state.kind === 'failed') return <p class="notice notice-error" role="alert">{state.message}</p>;
  const { view, questionnaire, earlier } = state;
  const { round } = view;
  const language = contentLanguage(questionnaire, app.i18n.language.value);
  const setRound = (next: Round) => setState({ ...state, view: { ...view, round: next } as RoundView });

  return (
    <article aria-labelledby="round-heading">
      <h1 id="round-heading" tabIndex={-1}>{round.name}</h1>
      <p class="hint">
        <span lang={language}>{textIn(questionnaire.title, language)}</span>
        {' · '}{t('team.minGroupIs', { min: round.minGroup })}
      </p>
      {view.kind === 'held' ? (
        <>
          <section class="section" aria-labelledby="invitation-heading">
            <h2 id="invitation-heading">{t('team.invitation')}</h2>
            <p>{t('team.invitationHint')}</p>
            <InvitationBox round={round} questionnaireTitle={textIn(questionnaire.title, language)} />
            <Fingerprint binding={invitationOf(round)} who="lead" />
          </section>
          <ImportPanel roundId={round.id} questionnaire={questionnaire}
            onImported={(next) => setState({ ...state, view: { ...view, state: next } })} />
        </>
      ) : (
        <p class="notice" data-testid="round-not-held">{t(view.kind === 'not-held' ? 'team.notHeld' : 'team.stateMissing')}</p>
      )}
      <RoundFigures view={view} questionnaire={questionnaire} earlier={earlier} language={language} onRound={setRound} />
    </article>
  );
}

function RoundFigures({ view, questionnaire, earlier, language, onRound }: {
  view: RoundView;
  questionnaire: Questionnaire;
  earlier: Awaited<ReturnType<typeof earlierRounds>>;
  language: string;
  onRound: (round: Round) => void;
}) {
  const t = useT();
  const { round } = view;
  const count = view.kind === 'held' ? countOf(view.state) : view.summary?.count ?? 0;
  const published = view.kind === 'held' ? publishedOf(view.state) : view.summary?.published ?? null;
  const waiting = view.kind === 'held' ? view.state.pending.length : 0;
  const tooMany = round.teamSize !== undefined && count > round.teamSize;
  return (
    <section class="section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('team.figures')}</h2>
      <p data-testid="team-count" role="status">
        {t('team.counted', { count })}{' '}
        {published === null
          ? t('team.waitingFirst', { min: round.minGroup, more: Math.max(0, round.minGroup - count) })
          : waiting > 0 ? t('team.waitingUpdate', { waiting, min: round.minGroup }) : ''}
      </p>
      {tooMany ? <p class="notice notice-error" data-testid="too-many">{t('team.moreThanTeam', { count, size: round.teamSize! })}</p> : null}
      {view.kind === 'held' ? <TeamSizeForm round={round} onSaved={onRound} /> : null}
      {published ? <TeamFigures questionnaire={questionnaire} round={round} figures={published} earlier={earlier} contentLanguage={language} /> : null}
    </section>
  );
}

/** The invitation code, and a message around it that tells members what to do and what to check. */
function InvitationBox({ round, questionnaireTitle }: { round: Round; questionnaireTitle: string }) {
  const t = useT();
  const invitation = invitationOf(round);
  const code = encodeInvitation(invitation);
  const fingerprint = useFingerprint(invitation);
  const message = fingerprint
    ? t('team.invitationMessage', { name: round.name, questionnaire: questionnaireTitle, fingerprint, min: round.minGroup, code })
    : null;
  return <CodeBox id="invitation-code" label={t('team.invitationCode')} code={code} fileName={`shiftmeter-invitation-${round.id}.txt`} message={message} />;
}
