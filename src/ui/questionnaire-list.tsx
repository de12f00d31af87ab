import { minutesFor } from '../core/questionnaire/summary';
import { contentLanguage, textIn } from '../core/questionnaire/types';
import type { DraftMeta } from '../core/storage/records';
import { useApp, useT } from './app-context';

export interface QuestionnaireListProps {
  drafts: Readonly<Record<string, DraftMeta>>;
  onOpen: (questionnaireId: string) => void;
  /** Whether a reminder says this questionnaire is due. */
  isDue?: (questionnaireId: string) => boolean;
  /** The dashboard offers each as a paper form too. */
  printLink?: (questionnaireId: string) => { href: string; label: string };
  /** The level of each card's heading: one below the page's own (2 under a page's h1). */
  headingLevel?: 2 | 3;
}

/** The questionnaires a person can take, with any one in progress marked for resuming. */
export function QuestionnaireList({ drafts, onOpen, isDue, printLink, headingLevel = 3 }: QuestionnaireListProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const app = useApp();
  const t = useT();
  const language = app.i18n.language.value;
  if (app.catalog.entries.length === 0) return <p class="hint">{t('list.empty')}</p>;
  return (
    <ul class="questionnaire-list">
      {app.catalog.entries.map((entry) => {
        const lang = contentLanguage(entry, language);
        const draft = drafts[entry.id];
        const answered = draft?.answered ?? 0;
        const headingId = `title-${entry.id}`;
        return (
          <li key={entry.id} class="questionnaire-card">
            <Heading id={headingId} lang={lang}>{textIn(entry.title, lang)}</Heading>
            {entry.origin ? <p class="origin-mark" id={`${headingId}-origin`}>{t(entry.origin === 'added' ? 'list.added' : 'list.organisation')}</p> : null}
            {isDue?.(entry.id) ? <p class="due">{t('list.due')}</p> : null}
            <p lang={lang}>{textIn(entry.description, lang)}</p>
            <p class="hint small">
              {t('list.dimensions', { count: entry.dimensionCount, items: entry.itemCount })} · {t('list.minutes', { minutes: minutesFor(entry.questionCount) })}
              {draft ? <> · <strong>{t('list.inProgress', { answered, total: entry.questionCount })}</strong></> : null}
            </p>
            <button
              type="button"
              class="button button-primary"
              // The title, and where it came from (added by you, your organisation's), as the popup says it.
              aria-describedby={entry.origin ? `${headingId} ${headingId}-origin` : headingId}
              data-questionnaire={entry.id}
              onClick={() => onOpen(entry.id)}
            >
              {draft ? t('list.resume') : t('list.start')}
            </button>
            {printLink ? <> <a class="button" href={printLink(entry.id).href} aria-describedby={headingId}>{printLink(entry.id).label}</a></> : null}
          </li>
        );
      })}
    </ul>
  );
}
