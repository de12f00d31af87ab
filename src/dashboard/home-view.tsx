import { useModel } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { readRecent, RECENT_PREFIX, recentKey, viewRecent, type RecentView } from '../core/history/recent';
import { ACTIONS_PREFIX, actionsKey, isActionDue, openActions, readActions, type UnitAction } from '../core/actions/actions';
import { contentLanguage, textIn } from '../core/questionnaire/types';
import type { Round } from '../core/round/round-record';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import type { CatalogEntry } from '../ui/catalog';
import { draftsFrom, readDrafts } from '../ui/drafts';
import type { HomeStart } from './home-start';
import { recentKeysOf } from '../ui/history/recent-sittings';
import { useReadyMark } from '../ui/ready';
import { RemindersModel } from '../ui/reminders-model';
import { describeStorageError } from '../ui/storage-errors';
import { actionKeysOf } from '../ui/actions/action-keys';
import { listRounds } from '../ui/team/team-store';
import { changeSince } from '../ui/history/change-words';

interface OpenAction {
  entry: CatalogEntry;
  action: UnitAction;
  /** The dimension's name in the questionnaire's language, or its id when the questionnaire could not be read. */
  dimension: string;
  lang: string;
}

interface HomeData {
  recent: Record<string, RecentView | null>;
  actions: OpenAction[];
  drafts: Record<string, DraftMeta>;
  rounds: Round[];
}

type HomeRead = { kind: 'loading' } | { kind: 'ready'; data: HomeData } | { kind: 'failed'; detail: string };

/**
 * Where a returning person stands, in one view: the latest sitting of each questionnaire
 * with its change, what is due, what is in progress, and the team rounds they lead.
 */
export function HomeView({ start }: { start?: HomeStart | null | undefined }) {
  const app = useApp();
  const t = useT();
  // What the dashboard read as it started, when it opened here (home-start.ts); else null, and the view reads.
  const [early] = useState(() => start?.take() ?? null);
  const reminders = useModel(() => new RemindersModel({ store: app.store, catalog: app.catalog, now: app.now }, early?.stored));
  const [read, setRead] = useState<HomeRead>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    // Each read counts here, so one that comes back after a later one began shows nothing.
    let reads = 0;
    const load = async (fromStart: boolean) => {
      const mine = ++reads;
      try {
        const earlyRounds = fromStart && early ? await early.rounds : null;
        const keys = [...recentKeysOf(app.catalog), ...actionKeysOf(app.catalog)];
        const [stored, drafts, rounds] = fromStart && early && earlyRounds
          ? [early.stored, draftsFrom(early.stored, app.catalog), earlyRounds]
          : await Promise.all([app.store.get(keys), readDrafts(app.store, app.catalog), listRounds(app.store)]);
        const recent = Object.fromEntries(app.catalog.entries.map((entry) => [entry.id, viewRecent(readRecent(stored[recentKey(entry.id)]))]));
        const actions = await openActionsOf(app.catalog.entries, stored, app.i18n.language.peek());
        if (live && mine === reads) setRead({ kind: 'ready', data: { recent, actions, drafts, rounds } });
      } catch (error) {
        if (live && mine === reads) setRead({ kind: 'failed', detail: describeStorageError(error) });
      }
    };
    void load(true);
    // Read again when the latest results or the actions change: the dashboard makes the
    // recent records of a history from before them just after it starts (keepRecentCurrent),
    // and a sitting or an action may be finished in the popup meanwhile.
    const stop = app.store.onChanged((changed) => {
      if (changed.some((key) => key.startsWith(RECENT_PREFIX) || key.startsWith(ACTIONS_PREFIX))) void load(false);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  useReadyMark(read.kind !== 'loading' && reminders.read.value.kind !== 'loading');

  return (
    <article class="home">
      <h1 tabIndex={-1}>{t('home.heading')}</h1>
      {read.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('home.failed', { detail: read.detail })}</p> : null}
      {read.kind === 'ready' ? <HomeSections data={read.data} due={reminders.due.value} /> : null}
      <p><a href="#/welcome">{t('home.welcomeLink')}</a></p>
    </article>
  );
}

function HomeSections({ data, due }: { data: HomeData; due: ReadonlySet<string> }) {
  const app = useApp();
  const t = useT();
  const entries = app.catalog.entries;
  const taken = entries.filter((entry) => data.recent[entry.id]);
  const dueEntries = entries.filter((entry) => due.has(entry.id));
  const inProgress = entries.filter((entry) => data.drafts[entry.id]);
  return (
    <>
      <section aria-labelledby="standing-heading">
        <h2 id="standing-heading">{t('home.standingHeading')}</h2>
        {taken.length === 0 ? <p>{t('home.noneTaken')} <a href="#/take">{t('home.takeLink')}</a></p> : (
          <div class="table-scroll">
            <table class="data-table text-table">
              <caption class="visually-hidden">{t('home.standingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('home.colQuestionnaire')}</th>
                  <th scope="col">{t('home.colTaken')}</th>
                  <th scope="col">{t('home.colNow')}</th>
                  <th scope="col">{t('home.colWanted')}</th>
                  <th scope="col">{t('home.colChange')}</th>
                </tr>
              </thead>
              <tbody>
                {taken.map((entry) => <StandingRow key={entry.id} entry={entry} view={data.recent[entry.id]!} />)}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {data.actions.length > 0 ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">{t('home.actionsHeading')}</h2>
          <p class="hint">{t('home.actionsHint')}</p>
          <ul class="action-list">
            {data.actions.map(({ entry, action, dimension, lang }) => (
              <li key={action.id}>
                <strong lang={lang}>{titleOf(entry, app.i18n.language.value)}, {dimension}</strong>
                {action.text ? <>: <span>{action.text}</span></> : null}
                {' '}<span class="hint">
                  {action.by ? t('home.actionBy', { date: app.i18n.formatDay.value(action.by) }) : t('review.chosen', { date: app.i18n.formatDay.value(action.createdAt) })}
                </span>
                {isActionDue(action, app.now()) ? <> <strong class="due">{t('list.due')}</strong></> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {dueEntries.length > 0 || inProgress.length > 0 ? (
        <section aria-labelledby="next-heading">
          <h2 id="next-heading">{t('home.nextHeading')}</h2>
          <ul>
            {inProgress.map((entry) => (
              <li key={`draft-${entry.id}`}>
                <a href={`#/take/${encodeURIComponent(entry.id)}`}>{t('home.resume', { title: titleOf(entry, app.i18n.language.value) })}</a>
                {' '}<span class="hint">{t('list.inProgress', { answered: data.drafts[entry.id]!.answered, total: entry.questionCount })}</span>
              </li>
            ))}
            {dueEntries.filter((entry) => !data.drafts[entry.id]).map((entry) => (
              <li key={`due-${entry.id}`}>
                <a href={`#/take/${encodeURIComponent(entry.id)}`}>{t('home.takeDue', { title: titleOf(entry, app.i18n.language.value) })}</a> <strong class="due">{t('list.due')}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.rounds.length > 0 ? (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">{t('home.roundsHeading')}</h2>
          <p class="hint">{t('home.roundsHint')}</p>
          <ul>
            {data.rounds.map((round) => (
              <li key={round.id}>
                <a href={`#/team/round/${encodeURIComponent(round.id)}`}>{round.name}</a>
                {' '}<span class="hint">{t('home.roundStarted', { date: app.i18n.formatDay.value(round.createdAt) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Every action waiting for review, with its dimension's name (from the questionnaire, loaded for it). */
async function openActionsOf(entries: readonly CatalogEntry[], stored: Readonly<Record<string, unknown>>, language: string): Promise<OpenAction[]> {
  const lists = await Promise.all(entries.map(async (entry) => {
    const open = openActions(readActions(stored[actionsKey(entry.id)]));
    if (open.length === 0) return [];
    const lang = contentLanguage(entry, language);
    const questionnaire = await entry.load().catch(() => null);
    return open.map((action) => {
      const dimension = questionnaire?.dimensions.find((d) => d.id === action.dimension);
      return { entry, action, lang, dimension: dimension ? textIn(dimension.name, lang) : action.dimension };
    });
  }));
  return lists.flat();
}

function titleOf(entry: CatalogEntry, language: string): string {
  return textIn(entry.title, contentLanguage(entry, language));
}

function StandingRow({ entry, view }: { entry: CatalogEntry; view: RecentView }) {
  const app = useApp();
  const t = useT();
  const lang = contentLanguage(entry, app.i18n.language.value);
  const number = app.i18n.formatNumber.value;
  const day = app.i18n.formatDay.value;
  const { latest, previous } = view;
  const score = (value: number | null) => (value === null ? t('home.noScore') : number(value));
  const poles = { from: textIn(entry.poles.from, lang), to: textIn(entry.poles.to, lang) };
  const changeText = changeSince(t, view, poles, lang, day) ?? (previous ? t('home.noScore') : t('home.noPrevious'));
  return (
    <tr>
      <th scope="row"><a href={`#/history/${encodeURIComponent(entry.id)}`} lang={lang}>{textIn(entry.title, lang)}</a></th>
      <td>{day(latest.completedAt)}</td>
      <td>{score(latest.now)}</td>
      <td>{score(latest.wanted)}</td>
      <td>{changeText}</td>
    </tr>
  );
}
