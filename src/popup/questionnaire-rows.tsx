import { viewRecent, type RecentRecord, type RecentView } from '../core/history/recent';
import { minutesFor } from '../core/questionnaire/summary';
import { contentLanguage, textIn } from '../core/questionnaire/types';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from '../ui/app-context';
import type { CatalogEntry } from '../ui/catalog';
import type { Translate } from '../ui/i18n/translator';
import { TrendLine } from '../ui/trend-line';
import { changeSince } from '../ui/history/change-words';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface QuestionnaireRowsProps {
  /** The questionnaires listed now. */
  entries: readonly CatalogEntry[];
  /** How many more there are, behind "Show all". */
  hidden: number;
  onShowAll: () => void;
  drafts: Readonly<Record<string, DraftMeta>>;
  /** Each questionnaire's latest sittings, scored (recent records); absent for one never taken. */
  recent: Readonly<Record<string, RecentRecord | null>>;
  /** How many actions chosen after a result wait for the next sitting to ask how they went. */
  openActions: Readonly<Record<string, number>>;
  /** When each was last taken: a questionnaire taken before recent records existed has only this. */
  lastTaken: (questionnaireId: string) => string | null;
  isDue: (questionnaireId: string) => boolean;
  onOpen: (questionnaireId: string) => void;
}

/**
 * The popup's questionnaires, one compact row each, so that six fit a 600 px popup: where
 * the person stands and what changed for one taken before, the two poles for one not yet
 * taken, and the description on demand.
 */
export function QuestionnaireRows({ entries, hidden, onShowAll, drafts, recent, openActions, lastTaken, isDue, onOpen }: QuestionnaireRowsProps) {
  const t = useT();
  // "Show all" goes away as the rest appear: the focus moves to the first of them, not to the page.
  const shownBefore = useRef<number | null>(null);
  useEffect(() => {
    const from = shownBefore.current;
    if (from === null || entries.length <= from) return;
    shownBefore.current = null;
    document.querySelector<HTMLElement>(`[data-questionnaire="${CSS.escape(entries[from]!.id)}"]`)?.focus();
  }, [entries.length]);
  if (entries.length === 0) return <p class="hint">{t('list.empty')}</p>;
  // Someone who has taken none yet is shown what each one is about; a returning person sees where they stand, and opens the rest on demand.
  const firstTime = entries.every((entry) => !drafts[entry.id] && !recent[entry.id] && !lastTaken(entry.id));
  return (
    <>
    <ul class="questionnaire-rows">
      {entries.map((entry) => (
        <Row key={entry.id} entry={entry} draft={drafts[entry.id]} view={viewRecent(recent[entry.id] ?? null)} lastTaken={lastTaken(entry.id)} due={isDue(entry.id)} actions={openActions[entry.id] ?? 0} open={firstTime} onOpen={onOpen} />
      ))}
    </ul>
    {hidden > 0 ? <p><button type="button" class="link-button" onClick={() => { shownBefore.current = entries.length; onShowAll(); }}>{t('list.showAll', { count: hidden })}</button></p> : null}
    </>
  );
}

interface RowProps {
  entry: CatalogEntry;
  draft: DraftMeta | undefined;
  view: RecentView | null;
  lastTaken: string | null;
  due: boolean;
  actions: number;
  /** The description shown at once (someone who has taken none yet). */
  open: boolean;
  onOpen: (questionnaireId: string) => void;
}

function Row({ entry, draft, view, lastTaken, due, actions, open, onOpen }: RowProps) {
  const app = useApp();
  const t = useT();
  // Details on demand: a native button that shows and hides the description (a <details> would take a line of its own).
  const [showAbout, setShowAbout] = useState(open);
  const lang = contentLanguage(entry, app.i18n.language.value);
  const headingId = `title-${entry.id}`;
  const statusId = `status-${entry.id}`;
  const aboutId = `about-${entry.id}`;
  const changeId = `change-${entry.id}`;
  const taken = view !== null || lastTaken !== null;
  const title = textIn(entry.title, lang);
  const poles = { from: textIn(entry.poles.from, lang), to: textIn(entry.poles.to, lang) };
  const label = draft ? t('list.resume') : taken ? t('list.takeAgain') : t('list.start');
  const change = !draft && view ? changeSince(t, view, poles, lang, app.i18n.formatDay.value) : null;
  return (
    <li class="questionnaire-row">
      <div class="row-head">
        <h3 id={headingId} lang={lang}>{title}</h3>
        <button type="button" class="button button-primary" aria-describedby={[headingId, statusId, ...(change ? [changeId] : [])].join(' ')} data-questionnaire={entry.id} onClick={() => onOpen(entry.id)}>
          {label}
        </button>
        {/* In the head, not after the status: there it took a line of its own beside a trend, and six rows no longer fitted 600 px. */}
        <button type="button" class="link-button row-about-toggle" aria-expanded={showAbout} aria-controls={showAbout ? aboutId : undefined} onClick={() => setShowAbout(!showAbout)}>
          {t('list.about')}<span class="visually-hidden" lang={lang}> {title}</span>
        </button>
      </div>
      <p class="row-status">
        <span id={statusId}>
          {due ? <><strong class="due">{t('list.due')}</strong> · </> : null}
          {entry.origin ? <><span class="origin-mark">{t(entry.origin === 'added' ? 'list.added' : 'list.organisation')}</span> · </> : null}
          {draft ? <strong>{t('list.inProgress', { answered: draft.answered, total: entry.questionCount })}</strong>
            : view ? standingWords(t, view, app.i18n.formatDay.value, app.i18n.formatNumber.value)
            : lastTaken ? t('list.lastTaken', { date: app.i18n.formatDay.value(lastTaken) })
            : t('list.notTaken', { minutes: minutesFor(entry.questionCount) })}
          {/* On the status line, where it has room beside a trend: on the change line it took a line of its own in Swedish and Danish. */}
          {actions > 0 ? <> · <span class="open-actions">{t('actions.open', { count: actions })}</span></> : null}
        </span>
        {view && view.trend.length >= 2 ? <TrendLine values={view.trend} label={trendWords(t, view.trend, app.i18n.formatNumber.value)} /> : null}
      </p>
      {change ? <p id={changeId} class="row-change">{change}</p> : null}
      {/* Rendered only when shown: a returning person's six hidden descriptions were a fifth of the popup's first render. */}
      {showAbout ? (
        <div id={aboutId} class="row-about">
          <p lang={lang}>{textIn(entry.description, lang)}</p>
          <p class="hint small">{t('list.dimensions', { count: entry.dimensionCount, items: entry.itemCount })}</p>
        </div>
      ) : null}
    </li>
  );
}

/** "Last taken 12 Nov 2026 · now 58, wanted 71". */
function standingWords(t: Translate, view: RecentView, day: (iso: string) => string, number: (n: number) => string): string {
  const { latest } = view;
  const parts = [t('list.lastTaken', { date: day(latest.completedAt) })];
  if (latest.now !== null) {
    parts.push(latest.wanted !== null ? t('list.nowWanted', { now: number(latest.now), wanted: number(latest.wanted) }) : t('list.now', { now: number(latest.now) }));
  }
  return parts.join(' · ');
}

function trendWords(t: Translate, values: readonly number[], number: (n: number) => string): string {
  return t('list.trend', { count: values.length, values: values.map((value) => number(value)).join(', ') });
}
