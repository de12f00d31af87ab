import type { Ref } from 'preact';
import type { PackSummaryContent, SummaryExercise } from '../../core/pack/pack-summary';
import { useApp, useT } from '../../ui/app-context';
import type { Translate } from '../../ui/i18n/translator';
import { verdictSentence } from './exercise-feedback';
import { SelfAssessmentResult } from './self-assessment-result';

/**
 * The student's summary as one document: what the page shows, what prints (the print
 * stylesheet hides everything else) and, as it is in the page, what the saved file
 * holds. So it holds nothing interactive: no buttons, links or fields.
 */
export function SummaryDocument({ content, documentRef }: { content: PackSummaryContent; documentRef?: Ref<HTMLElement> }) {
  const t = useT();
  const { i18n } = useApp();
  const language = i18n.language.value;
  const lang = content.language;
  return (
    <article class="summary-document" aria-labelledby="summary-title" data-testid="summary" ref={documentRef}>
      <h2 id="summary-title">{t('course.summaryTitle')}: <span lang={lang}>{content.title}</span></h2>
      <dl class="summary-facts">
        {content.name !== null ? (
          <div><dt>{t('course.name')}</dt><dd data-testid="summary-name">{content.name}</dd></div>
        ) : null}
        <div><dt>{t('history.date')}</dt><dd>{i18n.formatDate.value(content.madeAt)}</dd></div>
      </dl>

      <h3 class="summary-part">{t('course.exercises')}</h3>
      {content.exercises.map((exercise) => (
        <section key={exercise.id} class="summary-exercise" aria-labelledby={`summary-exercise-${exercise.id}`} data-exercise={exercise.id}>
          <h4 id={`summary-exercise-${exercise.id}`}>{t('course.exerciseNumber', { n: exercise.number })}: <span lang={lang}>{exercise.title}</span></h4>
          <ExerciseAnswers exercise={exercise} lang={lang} t={t} />
          <p class="summary-verdict">
            {exercise.status === 'not-answered' ? t('course.notAnswered')
              : exercise.status === 'not-checked' || exercise.verdict === null ? t('course.notChecked')
                : <>{t('course.feedbackSaid')} <strong>{verdictSentence(t, exercise.verdict, language)}</strong></>}
          </p>
        </section>
      ))}

      <h3 class="summary-part">{t('course.questionnaire')}</h3>
      {content.selfAssessment ? (
        <div data-testid="summary-self-assessment">
          <p>{t('course.takenOn', { title: content.selfAssessment.title, date: i18n.formatDate.value(content.selfAssessment.completedAt) })}</p>
          <SelfAssessmentResult result={content.selfAssessment} />
        </div>
      ) : (
        <p data-testid="summary-self-assessment">{t('course.notTakenFromCourse')}</p>
      )}

      <h3 class="summary-part">{t('course.reflections')}</h3>
      {content.reflections.map((reflection) => (
        <section key={reflection.id} class="summary-reflection" aria-labelledby={`summary-reflection-${reflection.id}`}>
          <h4 id={`summary-reflection-${reflection.id}`} lang={lang}>{reflection.prompt}</h4>
          {reflection.text !== null ? <p class="summary-note">{reflection.text}</p> : <p class="hint">{t('course.noNote')}</p>}
        </section>
      ))}
    </article>
  );
}

function ExerciseAnswers({ exercise, lang, t }: { exercise: SummaryExercise; lang: string; t: Translate }) {
  if (exercise.status === 'not-answered') return null;
  if (exercise.kind === 'sort') {
    return (
      <ol class="summary-statements">
        {exercise.statements.map((statement) => (
          <li key={statement.number} class={statement.matches === false ? 'item-off' : statement.matches ? 'item-matches' : undefined}>
            <span lang={lang}>{statement.text}</span>
            <br />
            <span class="summary-answer">
              {t('course.yourAnswer', { answer: statement.chosen ?? '–' })}
              {statement.matches === null ? null : statement.matches ? (
                <> <span class="mark-symbol" aria-hidden="true">✓</span> {t('course.markMatches')}</>
              ) : (
                <> <span class="mark-symbol" aria-hidden="true">✗</span> {t('course.markOtherSide', { pole: statement.belongs ?? '–' })}</>
              )}
            </span>
          </li>
        ))}
      </ol>
    );
  }
  if (exercise.kind === 'choose') {
    return (
      <>
        <p>{t('course.yourChoiceLabel')} <span lang={lang}>{exercise.choice ?? '–'}</span></p>
        {exercise.verdict && !exercise.verdict.right && exercise.better.length > 0 ? (
          <p>{t('course.betterChoice')} <span lang={lang}>{exercise.better.join(' / ')}</span></p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <p lang={lang}>{exercise.practice}</p>
      <p>{exercise.expert !== null && exercise.position !== null ? t('course.expertAt', { expert: exercise.expert, you: exercise.position }) : t('course.placedAt', { you: exercise.position ?? '–' })}</p>
    </>
  );
}
