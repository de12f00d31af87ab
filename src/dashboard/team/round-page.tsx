import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { contentLanguage, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { encodeInvitation } from '../../core/round/invitation';
import { makeInvitationFile } from '../../core/round/invitation-file';
import { downloadText } from '../../ui/download';
import { invitationOf, type Round } from '../../core/round/round-record';
import { countOf, publishedOf } from '../../core/round/round-state';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { usePageTitle } from '../../ui/page-title';
import { useReadyMark } from '../../ui/ready';
import { RoundModel, type RoundModelInstance, type RoundPage as RoundPageState } from '../../ui/team/round-model';
import type { RoundView } from '../../ui/team/team-store';
import { CodeBox } from './code-box';
import { Fingerprint, useFingerprint } from './fingerprint';
import { ImportPanel } from './import-panel';
import { TeamFigures } from './team-figures';
import { ConversationGuide } from './conversation-guide';
import { TeamSizeForm } from './team-size-form';

/** One round for its lead: the invitation and its fingerprint, the import of codes, and the team's figures. */
export function RoundPage({ roundId, guide = false }: { roundId: string; guide?: boolean }) {
  const app = useApp();
  const vault = useRoundVault();
  const t = useT();
  const model = useModel(() => new RoundModel({ store: app.store, vault, catalog: app.catalog }, roundId));
  const page = model.page.value;
  useReadyMark(page.kind !== 'loading');
  const roundName = page.kind === 'ready' ? page.view.round.name : null;
  // Back to the list of rounds (the same view), the title is the view's again.
  usePageTitle(roundName, t('dashboard.team'));

  if (page.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (page.kind === 'missing') return <p class="notice notice-error" role="alert">{t('team.roundMissing')}</p>;
  if (page.kind === 'version-gone') return <p class="notice notice-error" role="alert">{t('team.versionGone', { version: page.version, installed: page.installed })}</p>;
  if (page.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: page.detail })}</p>;
  if (guide) return <GuidePage page={page} />;
  return <ReadyRound model={model} page={page} />;
}

/** The round's conversation guide, once it has figures. */
function GuidePage({ page }: { page: Extract<RoundPageState, { kind: 'ready' }> }) {
  const app = useApp();
  const t = useT();
  const { view, questionnaire } = page;
  const published = view.kind === 'held' ? publishedOf(view.state) : view.summary?.published ?? null;
  const roundLink = `#/team/round/${encodeURIComponent(view.round.id)}`;
  if (!published) {
    return <p>{t('guide.noFigures')} <a href={roundLink}>{t('guide.backToRound')}</a></p>;
  }
  return (
    <>
      <p class="no-print"><a href={roundLink}>{t('guide.backToRound')}</a></p>
      <ConversationGuide round={view.round} questionnaire={questionnaire} figures={published} contentLanguage={contentLanguage(questionnaire, app.i18n.language.value)} />
    </>
  );
}

function ReadyRound({ model, page }: { model: RoundModelInstance; page: Extract<RoundPageState, { kind: 'ready' }> }) {
  const app = useApp();
  const t = useT();
  const { view, questionnaire, earlier } = page;
  const { round } = view;
  const language = contentLanguage(questionnaire, app.i18n.language.value);

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
            <InvitationFile round={round} questionnaire={questionnaire} />
            <Fingerprint binding={invitationOf(round)} who="lead" />
          </section>
          <ImportPanel model={model} />
        </>
      ) : (
        <p class="notice" data-testid="round-not-held">{t(view.kind === 'not-held' ? 'team.notHeld' : 'team.stateMissing')}</p>
      )}
      <RoundFigures model={model} view={view} questionnaire={questionnaire} earlier={earlier} language={language} />
    </article>
  );
}

function RoundFigures({ model, view, questionnaire, earlier, language }: {
  model: RoundModelInstance;
  view: RoundView;
  questionnaire: Questionnaire;
  earlier: Extract<RoundPageState, { kind: 'ready' }>['earlier'];
  language: string;
}) {
  const t = useT();
  const { round } = view;
  const count = view.kind === 'held' ? countOf(view.state) : view.summary?.count ?? 0;
  const published = view.kind === 'held' ? publishedOf(view.state) : view.summary?.published ?? null;
  // Never how many codes wait for a figure: with one code imported at a time, that count
  // (and which figures took a code in) would say which statements that member answered.
  // The total count, and when figures can next change, follow from what was imported.
  const nextBatch = (Math.floor(count / round.minGroup) + 1) * round.minGroup;
  const tooMany = round.teamSize !== undefined && count > round.teamSize;
  return (
    <section class="section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('team.figures')}</h2>
      <p data-testid="team-count" role="status">
        {t('team.counted', { count })}{' '}
        {published === null
          ? t('team.waitingFirst', { min: round.minGroup, more: Math.max(0, round.minGroup - count) })
          : view.kind === 'held' ? t('team.batches', { min: round.minGroup, next: nextBatch }) : ''}
      </p>
      {tooMany ? <p class="notice notice-error" data-testid="too-many">{t('team.moreThanTeam', { count, size: round.teamSize! })}</p> : null}
      {view.kind === 'held' ? <TeamSizeForm model={model} round={round} /> : null}
      {published ? <TeamFigures questionnaire={questionnaire} round={round} figures={published} earlier={earlier} contentLanguage={language} /> : null}
      {published ? <p><a class="button" href={`#/team/round/${encodeURIComponent(round.id)}/guide`}>{t('guide.open')}</a></p> : null}
    </section>
  );
}

/**
 * For a round on a questionnaire that did not ship with Shiftmeter, the invitation as a
 * file with the questionnaire in it: a member whose Shiftmeter does not have that very
 * text opens the file and has it added. Rounds that bind no content hash (started before
 * it was bound) cannot bring their questionnaire this way.
 */
function InvitationFile({ round, questionnaire }: { round: Round; questionnaire: Questionnaire }) {
  const app = useApp();
  const t = useT();
  const [saved, setSaved] = useState(false);
  const entry = app.catalog.findVersion(round.questionnaire.id, round.questionnaire.version);
  if (!entry?.origin || round.questionnaireHash === undefined) return null;
  return (
    <div class="section" data-testid="invitation-file">
      <p>{t('team.invitationFileHint')}</p>
      <p><button type="button" class="button" onClick={() => {
        const file = makeInvitationFile(invitationOf(round), questionnaire);
        downloadText(`shiftmeter-invitation-${round.id}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
        setSaved(true);
      }}>{t('team.downloadInvitationFile')}</button></p>
      <p class="hint small" role="status">{saved ? t('data.exported') : ''}</p>
    </div>
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
