import { useEffect, useState } from 'preact/hooks';
import { contentLanguage, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { encodeInvitation } from '../../core/round/sealing';
import type { Round } from '../../core/round/round-record';
import { countOf, type RoundTally } from '../../core/round/tally';
import { useApp, useT } from '../../ui/app-context';
import { useReadyMark } from '../../ui/ready';
import { describeStorageError } from '../../ui/storage-errors';
import { earlierRounds, invitationOf, readRound, readRoundTally, type RoundKeyStore } from '../../ui/team/team-store';
import { CodeBox } from './code-box';
import { ImportPanel } from './import-panel';
import { TeamFigures } from './team-figures';

type State =
  | { kind: 'loading' }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; round: Round; questionnaire: Questionnaire; tally: RoundTally; earlier: Awaited<ReturnType<typeof earlierRounds>> };

/** One round for its lead: the invitation, the import of codes, and the team's figures. */
export function RoundPage({ roundId, keys }: { roundId: string; keys: RoundKeyStore }) {
  const app = useApp();
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      try {
        const round = await readRound(app.store, roundId);
        const entry = round ? app.catalog.find(round.questionnaire.id) : undefined;
        if (!round || !entry) return setState({ kind: 'missing' });
        const questionnaire = await entry.load();
        if (questionnaire.version !== round.questionnaire.version) {
          return setState({ kind: 'failed', message: t('team.versionGone', { version: round.questionnaire.version, installed: questionnaire.version }) });
        }
        const [tally, earlier] = await Promise.all([readRoundTally(app.store, round, questionnaire), earlierRounds(app.store, round, questionnaire)]);
        setState({ kind: 'ready', round, questionnaire, tally, earlier });
      } catch (error) {
        setState({ kind: 'failed', message: t('error.load', { detail: describeStorageError(error) }) });
      }
    })();
  }, [roundId]);
  useReadyMark(state.kind !== 'loading');

  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'missing') return <p class="notice notice-error" role="alert">{t('team.roundMissing')}</p>;
  if (state.kind === 'failed') return <p class="notice notice-error" role="alert">{state.message}</p>;
  const { round, questionnaire, tally, earlier } = state;
  const language = contentLanguage(questionnaire, app.i18n.language.value);
  const count = countOf(tally);
  const published = tally.published;
  const untilUpdate = round.minGroup - tally.pendingCodes.length;

  return (
    <article aria-labelledby="round-heading">
      <h1 id="round-heading" tabIndex={-1}>{round.name}</h1>
      <p class="hint">
        <span lang={language}>{textIn(questionnaire.title, language)}</span>
        {' · '}{t('team.minGroupIs', { min: round.minGroup })}
      </p>
      <section class="section" aria-labelledby="invitation-heading">
        <h2 id="invitation-heading">{t('team.invitation')}</h2>
        <p>{t('team.invitationHint')}</p>
        <CodeBox id="invitation-code" label={t('team.invitationCode')} code={encodeInvitation(invitationOf(round))} fileName={`shiftmeter-invitation-${round.id}.txt`} />
      </section>
      <ImportPanel round={round} questionnaire={questionnaire} keys={keys} onImported={(next) => setState({ ...state, tally: next })} />
      <section class="section" aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('team.figures')}</h2>
        <p data-testid="team-count" role="status">
          {t('team.counted', { count })}{' '}
          {published === null
            ? t('team.waitingFirst', { min: round.minGroup, more: round.minGroup - count })
            : tally.pendingCodes.length > 0 ? t('team.waitingUpdate', { shown: published.n, more: untilUpdate }) : ''}
        </p>
        {published ? <TeamFigures questionnaire={questionnaire} round={round} figures={published} earlier={earlier} contentLanguage={language} /> : null}
      </section>
    </article>
  );
}
