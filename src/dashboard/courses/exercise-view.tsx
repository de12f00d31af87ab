import { isCorrect, type ExerciseAnswer } from '../../core/pack/pack-records';
import type { CoursePack, Exercise } from '../../core/pack/types';
import { textIn } from '../../core/questionnaire/types';
import { useT } from '../../ui/app-context';
import type { MessageKey } from '../../ui/i18n/en-dashboard';
import type { PackModel } from '../../ui/courses/pack-model';

interface ExerciseProps {
  model: PackModel;
  exercise: Exercise;
  lang: string;
  index: number;
}

/** One exercise: the task, native controls for the answer, then feedback that explains the theory. */
export function ExerciseView({ model, exercise, lang, index }: ExerciseProps) {
  const t = useT();
  const pack = model.pack;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  const stored = model.answers.value[exercise.id];
  const answer = stored?.answer;
  const complete = isComplete(exercise, answer);
  const headingId = `exercise-${exercise.id}`;

  return (
    <section class="section exercise" aria-labelledby={headingId} data-exercise={exercise.id} lang={lang}>
      <h3 id={headingId}>{t('course.exerciseNumber', { n: index + 1 })}: {text(exercise.title)}</h3>
      <p>{text(exercise.prompt)}</p>
      <form onSubmit={(event) => { event.preventDefault(); if (complete) void model.check(exercise.id); }}>
        {exercise.kind === 'sort' ? exercise.statements.map((statement) => (
          <fieldset key={statement.id} class="radio-row">
            <legend>{text(statement.text)}</legend>
            {(['from', 'to'] as const).map((pole) => (
              <label key={pole}>
                <input type="radio" name={`${exercise.id}-${statement.id}`} checked={typeof answer === 'object' && answer[statement.id] === pole}
                  onChange={() => void model.answer(exercise.id, { ...(typeof answer === 'object' ? answer : {}), [statement.id]: pole })} />
                {text(pack.poles[pole])}
              </label>
            ))}
          </fieldset>
        )) : null}
        {exercise.kind === 'choose' ? (
          <fieldset class="radio-column">
            <legend>{text(exercise.aim)}</legend>
            {exercise.options.map((option) => (
              <label key={option.id}>
                <input type="radio" name={exercise.id} checked={answer === option.id} onChange={() => void model.answer(exercise.id, option.id)} />
                {text(option.text)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {exercise.kind === 'place' ? (
          <fieldset class="radio-row place-scale">
            <legend>{text(exercise.practice)}</legend>
            <span aria-hidden="true">{text(pack.poles.from)}</span>
            {[1, 2, 3, 4, 5, 6, 7].map((position) => (
              <label key={position}>
                <input type="radio" name={exercise.id} checked={answer === position} onChange={() => void model.answer(exercise.id, position)} />
                <span class="visually-hidden">{t('course.position', { n: position, from: text(pack.poles.from), to: text(pack.poles.to) })}</span>
              </label>
            ))}
            <span aria-hidden="true">{text(pack.poles.to)}</span>
          </fieldset>
        ) : null}
        <button type="submit" class="button" disabled={!complete} aria-describedby={complete ? undefined : `${headingId}-hint`}>{t('course.check')}</button>
        {complete ? null : <span id={`${headingId}-hint`} class="hint small"> {t('course.answerFirst')}</span>}
      </form>
      <div role="status" class="feedback-region">
        {stored?.checked && answer !== undefined ? <Feedback exercise={exercise} answer={answer} pack={pack} lang={lang} /> : null}
      </div>
    </section>
  );
}

function isComplete(exercise: Exercise, answer: ExerciseAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if (exercise.kind === 'sort') return typeof answer === 'object' && exercise.statements.every((s) => answer[s.id]);
  return true;
}

function Feedback({ exercise, answer, pack, lang }: { exercise: Exercise; answer: ExerciseAnswer; pack: CoursePack; lang: string }) {
  const t = useT();
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  const right = isCorrect(exercise, answer);
  return (
    <div class={`feedback ${right ? 'feedback-right' : 'feedback-wrong'}`} data-testid="feedback">
      <p><strong>{right ? t('course.right') : t(exercise.kind === 'place' ? 'course.placeDiffers' : 'course.notQuite')}</strong></p>
      {exercise.kind === 'sort' ? (
        <ul>{exercise.statements.map((s) => (
          <li key={s.id}><strong>{text(s.text)}</strong> — {text(pack.poles[s.pole])}{typeof answer === 'object' && answer[s.id] !== s.pole ? ` (${t('course.youChose', { pole: text(pack.poles[answer[s.id]!]) })})` : ''}. {text(s.feedback)}</li>
        ))}</ul>
      ) : null}
      {exercise.kind === 'choose' ? (
        <ul>{exercise.options.map((o) => (
          <li key={o.id}><strong>{o.best ? t('course.best') : t('course.lessGood')}{o.id === answer ? ` (${t('course.yourChoice')})` : ''}:</strong> {text(o.feedback)}</li>
        ))}</ul>
      ) : null}
      {exercise.kind === 'place' ? (
        <p>{t('course.expertAt', { expert: exercise.expert.position, you: String(answer) })} {text(exercise.expert.reasoning)}</p>
      ) : null}
      <p class="hint small">{t('print.sources')}: {exercise.sources.join('; ')}</p>
    </div>
  );
}

export const exerciseKindKey = (exercise: Exercise): MessageKey => `course.kind.${exercise.kind}` as MessageKey;
