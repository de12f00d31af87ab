import { useEffect, useMemo, useState } from 'preact/hooks';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import type { CoursePack } from '../../core/pack/types';
import { useApp, useT } from '../../ui/app-context';
import { SaveProblemNotice } from '../../ui/assessment/save-problem-notice';
import { createPackModel } from '../../ui/courses/pack-model';
import { useReadyMark } from '../../ui/ready';
import { ExerciseView } from './exercise-view';
import { PackSummary } from './pack-summary';

/** A course pack the way a student works through it. */
export function PackView({ pack }: { pack: CoursePack }) {
  const app = useApp();
  const t = useT();
  const model = useMemo(() => createPackModel(app.store, pack, app.now), [pack]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    void model.load().then(() => setLoaded(true));
  }, [model]);
  useReadyMark(loaded);
  const lang = contentLanguage(pack, app.i18n.language.value);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  const questionnaireId = typeof pack.questionnaire === 'string' ? pack.questionnaire : pack.questionnaire.id;
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
      <section class="section" aria-labelledby="case-heading" lang={lang}>
        <h2 id="case-heading">{t('course.case')}: {text(pack.case.title)}</h2>
        {text(pack.case.text).split(/\n\n+/).map((paragraph, i) => <p key={i}>{paragraph}</p>)}
      </section>
      <section class="section" aria-labelledby="exercises-heading">
        <h2 id="exercises-heading">{t('course.exercises')}</h2>
        {pack.exercises.map((exercise, index) => <ExerciseView key={exercise.id} model={model} exercise={exercise} lang={lang} index={index} />)}
      </section>
      <section class="section" aria-labelledby="questionnaire-heading">
        <h2 id="questionnaire-heading">{t('course.questionnaire')}</h2>
        {shipped ? (
          <p><a class="button no-print" href={`#/take/${questionnaireId}`}>{t('course.takeQuestionnaire', { title: textIn(shipped.title, contentLanguage(shipped, lang)) })}</a></p>
        ) : (
          <p>{t('course.inlineQuestionnaire')}</p>
        )}
        <p class="hint no-print">{t('course.teacherRound')} <a href="#/team">{t('course.startRound')}</a></p>
      </section>
      <section class="section" aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">{t('course.reflections')}</h2>
        {pack.reflections.map((reflection) => (
          <div class="field note-field" key={reflection.id}>
            <label for={`reflection-${reflection.id}`} lang={lang}>{text(reflection.prompt)}</label>
            <textarea id={`reflection-${reflection.id}`} value={model.notes.value[reflection.id] ?? ''} onInput={(event) => void model.note(reflection.id, (event.currentTarget as HTMLTextAreaElement).value)} />
          </div>
        ))}
        <p class="hint small">{t('course.notesSaved')}</p>
      </section>
      <section class="section" aria-labelledby="debrief-heading" lang={lang}>
        <h2 id="debrief-heading">{t('course.debrief')}</h2>
        {text(pack.debrief).split(/\n\n+/).map((paragraph, i) => <p key={i}>{paragraph}</p>)}
        <p class="hint small">{t('print.sources')}: {pack.sources.join('; ')}</p>
      </section>
      <SaveProblemNotice model={{ saveProblem: model.saveProblem, retry: async () => undefined }} />
      <PackSummary model={model} lang={lang} />
    </article>
  );
}
