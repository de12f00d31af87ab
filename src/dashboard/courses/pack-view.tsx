import { failureWords } from '../failure-words';
import { packQuestionnaireId } from '../../core/pack/pack-sitting';
import type { CoursePack } from '../../core/pack/types';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { SaveProblemNotice } from '../../ui/assessment/save-problem-notice';
import type { PackModel } from '../../ui/courses/pack-model';
import { usePageTitle } from '../../ui/page-title';
import { useReadyMark } from '../../ui/ready';
import { CourseSelfAssessment } from './course-self-assessment';
import { ExerciseView } from './exercise-view';

interface PackViewProps {
  model: PackModel;
  pack: CoursePack;
  lang: string;
  /** Where a student coming back lands: the self-assessment's result, after taking it. */
  arriveAt: 'self-assessment' | null;
}

/** A course pack the way a student works through it. */
export function PackView({ model, pack, lang, arriveAt }: PackViewProps) {
  const app = useApp();
  const t = useT();
  useReadyMark(true);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  // The window names the course, not only "Courses".
  usePageTitle(text(pack.title), t('dashboard.courses'));
  const questionnaireId = packQuestionnaireId(pack);
  // The questionnaire the course is taken with: shipped, or the pack's own once added to this browser.
  const shipped = app.catalog.find(questionnaireId);

  return (
    <article class="pack" aria-labelledby="pack-heading">
      <p class="no-print"><a href="#/courses">← {t('course.all')}</a></p>
      <h1 id="pack-heading" tabIndex={-1} lang={lang}>{text(pack.title)}</h1>
      <p lang={lang}>{text(pack.description)}</p>
      <section class="section" aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('course.goals')}</h2>
        <ul lang={lang}>{pack.goals.map((goal, i) => <li key={i}>{text(goal)}</li>)}</ul>
      </section>
      {/* The pack's own text in its language, the page's words (headings, hints) in the page's. */}
      <section class="section" aria-labelledby="case-heading">
        <h2 id="case-heading">{t('course.case')}: <span lang={lang}>{text(pack.case.title)}</span></h2>
        {text(pack.case.text).split(/\n\n+/).map((paragraph, i) => <p key={i} lang={lang}>{paragraph}</p>)}
      </section>
      <section class="section" aria-labelledby="exercises-heading">
        <h2 id="exercises-heading">{t('course.exercises')}</h2>
        {pack.exercises.map((exercise, index) => <ExerciseView key={exercise.id} model={model} pack={pack} exercise={exercise} lang={lang} index={index} />)}
      </section>
      <section class="section" aria-labelledby="questionnaire-heading">
        {/* Coming back from the questionnaire, the focus lands here, on the result (ready.ts: data-view-heading). */}
        <h2 id="questionnaire-heading" tabIndex={-1} data-view-heading={arriveAt === 'self-assessment' ? '' : undefined}>{t('course.questionnaire')}</h2>
        {model.selfAssessment.value.kind === 'own-questionnaire' && typeof pack.questionnaire !== 'string' ? (
          <OwnQuestionnaire model={model} title={textIn(pack.questionnaire.title, contentLanguage(pack.questionnaire, lang))} />
        ) : shipped ? (
          <CourseSelfAssessment model={model} packId={pack.id} questionnaireId={questionnaireId} title={textIn(shipped.title, contentLanguage(shipped, lang))} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
        <p class="hint no-print">{t('course.teacherRound')} <a href="#/team">{t('course.startRound')}</a></p>
      </section>
      <section class="section" aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">{t('course.reflections')}</h2>
        {pack.reflections.map((reflection) => (
          <div class="field note-field" key={reflection.id}>
            <label for={`reflection-${reflection.id}`} lang={lang}>{text(reflection.prompt)}</label>
            <textarea id={`reflection-${reflection.id}`} aria-describedby="notes-saved" value={model.notes.value[reflection.id] ?? ''} onInput={(event) => void model.note(reflection.id, (event.currentTarget as HTMLTextAreaElement).value)} />
          </div>
        ))}
        {/* Tied to each field: there is no Save button, and a screen reader should say why. */}
        <p id="notes-saved" class="hint small">{t('course.notesSaved')}</p>
      </section>
      <section class="section" aria-labelledby="debrief-heading">
        <h2 id="debrief-heading">{t('course.debrief')}</h2>
        {text(pack.debrief).split(/\n\n+/).map((paragraph, i) => <p key={i} lang={lang}>{paragraph}</p>)}
        <p class="hint small">{t('print.sources')}: {pack.sources.join('; ')}</p>
      </section>
      <SaveProblemNotice model={model} />
      <section class="section no-print" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('course.summary')}</h2>
        <p class="hint">{t('course.summaryHint')}</p>
        <p><a class="button button-primary" href={`#/courses/${pack.id}/summary`} data-testid="open-summary">{t('course.openSummary')}</a></p>
      </section>
    </article>
  );
}

/**
 * A pack that brings its own questionnaire: added to this browser's questionnaires at
 * the student's word (it is then listed, charted and backed up like any other), and
 * taken from the course like a shipped one.
 */
function OwnQuestionnaire({ model, title }: { model: PackModel; title: string }) {
  const t = useT();
  const outcome = model.ownAddition.value;
  const refusal = outcome === null ? null
    : outcome.kind === 'other-content' ? t('library.otherContent', { id: outcome.id, version: outcome.version })
      : outcome.kind === 'shipped-id' ? t('library.shippedId', { id: outcome.id })
        : outcome.kind === 'full' ? t('library.full', { max: outcome.max })
          : outcome.kind === 'not-saved' ? t('library.notSaved', { detail: failureWords(t, outcome) })
            : outcome.kind === 'not-allowed' ? t('library.notAllowed') : null;
  return (
    <div data-testid="course-self-assessment">
      <p>{t('course.inlineQuestionnaire')}</p>
      <p class="no-print"><button type="button" class="button button-primary" onClick={() => void model.addOwnQuestionnaire()}>{t('course.addOwn', { title })}</button></p>
      <div role="alert" class={refusal ? 'notice notice-error' : 'notice-empty'}>{refusal ? <p>{refusal}</p> : null}</div>
    </div>
  );
}
