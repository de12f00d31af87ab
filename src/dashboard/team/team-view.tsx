import { useT } from '../../ui/app-context';
import { AnswerRound } from './answer-round';
import { RoundPage } from './round-page';
import { RoundsHome } from './rounds-home';

/**
 * Team rounds: `#/team` (the lead's rounds and a new one), `#/team/round/<id>` (one
 * round: invitation, import, figures), `#/team/round/<id>/guide` (its conversation guide) and `#/team/answer[/<invitation>]` (a member).
 */
export function TeamView({ route }: { route: readonly string[] }) {
  const t = useT();
  const [first, second, third] = route;
  const answering = first === 'answer';
  return (
    <section class="team">
      <nav aria-label={t('team.tabs')} class="tab-nav">
        <ul>
          <li><a href="#/team" aria-current={!answering ? 'page' : undefined}>{t('team.tabLead')}</a></li>
          <li><a href="#/team/answer" aria-current={answering ? 'page' : undefined}>{t('team.tabAnswer')}</a></li>
        </ul>
      </nav>
      {answering ? (
        <AnswerRound key={second ?? ''} initialCode={second} />
      ) : first === 'round' && second ? (
        <RoundPage key={`${second} ${third ?? ''}`} roundId={second} guide={third === 'guide'} />
      ) : (
        <RoundsHome />
      )}
    </section>
  );
}
