import { langPart, withLangParts } from '../../ui/lang-parts';
import type { Ref } from 'preact';
import type { ExerciseVerdict } from '../../core/pack/exercise-verdict';
import type { CoursePack, Exercise } from '../../core/pack/types';
import { textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { Translate } from '../../ui/i18n/translator';
import { formatLocale, type UiLanguage } from '../../ui/i18n/languages';

interface FeedbackProps {
  pack: CoursePack;
  exercise: Exercise;
  verdict: ExerciseVerdict;
  lang: string;
  number: number;
  headingRef: Ref<HTMLHeadingElement>;
}

/**
 * The feedback on a checked exercise: what does not match, named and marked in words
 * and a symbol (never by colour alone), then the reasoning for every item. Ordinary
 * content with a heading to move to, not a live region.
 */
export function ExerciseFeedback({ pack, exercise, verdict, lang, number, headingRef }: FeedbackProps) {
  const t = useT();
  const language = useApp().i18n.language.value;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  const headingId = `feedback-${exercise.id}`;
  return (
    <div class={`feedback ${verdict.right ? 'feedback-right' : 'feedback-wrong'}`} data-testid="feedback" role="group" aria-labelledby={headingId}>
      <h4 id={headingId} tabIndex={-1} ref={headingRef}>{t('course.feedbackHeading', { n: number })}</h4>
      <p class="verdict" data-testid="verdict">
        <strong>{verdictSentence(t, verdict, language)}</strong>
        {verdict.kind === 'sort' && !verdict.right ? <> {t('course.sortMarkedHint')}</> : null}
      </p>
      {exercise.kind === 'sort' && verdict.kind === 'sort' ? (
        <ul class="feedback-items">
          {exercise.statements.map((statement, i) => {
            const item = verdict.items[i]!;
            const pole = text(pack.poles[statement.pole]);
            return (
              <li key={statement.id} class={item.matches ? 'item-matches' : 'item-off'} data-statement={statement.id}>
                <p class="item-mark">
                  <span class="mark-symbol" aria-hidden="true">{item.matches ? '✓' : '✗'}</span>{' '}
                  {item.matches
                    ? withLangParts(t('course.statementMatches', { n: item.number, pole: langPart('pole') }), { pole }, lang)
                    : withLangParts(t('course.statementOff', { n: item.number, pole: langPart('pole'), chosen: langPart('chosen') }), { pole, chosen: item.chosen ? text(pack.poles[item.chosen]) : '–' }, lang)}
                </p>
                <p lang={lang}><q>{text(statement.text)}</q> {text(statement.feedback)}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
      {exercise.kind === 'choose' && verdict.kind === 'choose' ? (
        <ul class="feedback-items">
          {exercise.options.map((option) => (
            <li key={option.id} class={option.best ? 'item-matches' : 'item-off'}>
              <p class="item-mark">
                <span class="mark-symbol" aria-hidden="true">{option.best ? '✓' : '✗'}</span>{' '}
                {option.best ? t('course.best') : t('course.lessGood')}{option.id === verdict.chosen ? ` (${t('course.yourChoice')})` : ''}
              </p>
              <p lang={lang}><q>{text(option.text)}</q> {text(option.feedback)}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {exercise.kind === 'place' && verdict.kind === 'place' ? (
        <p>{t('course.expertAt', { expert: verdict.expert, you: verdict.position })} <span lang={lang}>{text(exercise.expert.reasoning)}</span></p>
      ) : null}
      <p class="hint small">{t('print.sources')}: {exercise.sources.join('; ')}</p>
    </div>
  );
}

/** The feedback's first sentence: what matches, and which items do not. */
export function verdictSentence(t: Translate, verdict: ExerciseVerdict, language: UiLanguage): string {
  if (verdict.kind === 'sort') {
    if (verdict.right) return t('course.sortAllMatch', { total: verdict.total });
    const items = new Intl.ListFormat(formatLocale(language), { type: 'conjunction' }).format(verdict.misplaced.map((item) => String(item.number)));
    return t('course.sortMisplaced', { misplaced: verdict.misplaced.length, total: verdict.total, items });
  }
  if (verdict.kind === 'choose') return t(verdict.right ? 'course.chooseBestVerdict' : 'course.chooseOtherVerdict');
  return verdict.right ? t('course.placeCloseVerdict') : t('course.placeFarVerdict', { steps: verdict.distance });
}
