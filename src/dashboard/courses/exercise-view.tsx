import { useLayoutEffect, useRef } from 'preact/hooks';
import { exerciseVerdict, type ExerciseVerdict } from '../../core/pack/exercise-verdict';
import type { ExerciseAnswer } from '../../core/pack/pack-records';
import type { CoursePack, Exercise } from '../../core/pack/types';
import { textIn } from '../../core/questionnaire/types';
import { langPart, withLangParts } from '../../ui/lang-parts';
import { useT } from '../../ui/app-context';
import type { Translate } from '../../ui/i18n/translator';
import type { PackModel } from '../../ui/courses/pack-model';
import { ExerciseFeedback } from './exercise-feedback';

interface ExerciseProps {
  model: PackModel;
  pack: CoursePack;
  exercise: Exercise;
  lang: string;
  index: number;
}

/**
 * One exercise: the task, native controls for the answer, then feedback that explains
 * the theory. Checking announces one short sentence; the feedback itself is ordinary
 * content below, and the focus moves to its heading.
 */
export function ExerciseView({ model, pack, exercise: given, lang, index }: ExerciseProps) {
  const t = useT();
  // Statements and options in this browser's order (shown-order.ts): their numbers, the
  // verdict and the feedback all follow what the student sees, not the file's order.
  const exercise = model.shown.value.exercises.find((e) => e.id === given.id) ?? given;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, lang);
  const stored = model.answers.value[exercise.id];
  const answer = stored?.answer;
  const complete = isComplete(exercise, answer);
  const headingId = `exercise-${exercise.id}`;
  const verdict = stored?.checked && answer !== undefined ? exerciseVerdict(exercise, answer) : null;
  const check = model.lastCheck.value;
  const justChecked = verdict !== null && check?.exerciseId === exercise.id;
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  // After "Check my answer", the person continues at the feedback: a layout effect, so the
  // focus has moved before their next key press.
  useLayoutEffect(() => {
    if (justChecked) feedbackHeading.current?.focus();
  }, [justChecked ? check.count : 0]);
  const sortMarks = verdict?.kind === 'sort' ? new Map(verdict.items.map((item) => [item.id, item])) : null;

  return (
    // The pack's own text is marked with its language, the page's words are not: a pack in one language is read under another's interface.
    <section class="section exercise" aria-labelledby={headingId} data-exercise={exercise.id}>
      <h3 id={headingId}>{t('course.exerciseNumber', { n: index + 1 })}: <span lang={lang}>{text(exercise.title)}</span></h3>
      <p lang={lang}>{text(exercise.prompt)}</p>
      <form onSubmit={(event) => { event.preventDefault(); if (complete) void model.check(exercise.id); }}>
        {exercise.kind === 'sort' ? exercise.statements.map((statement, i) => {
          const mark = sortMarks?.get(statement.id);
          const markId = `${exercise.id}-${statement.id}-mark`;
          return (
            <fieldset key={statement.id} class={`radio-row sort-statement${mark ? (mark.matches ? ' item-matches' : ' item-off') : ''}`} data-statement={statement.id} aria-describedby={mark ? markId : undefined}>
              <legend><span class="statement-number">{i + 1}.</span> <span lang={lang}>{text(statement.text)}</span></legend>
              {(['from', 'to'] as const).map((pole) => (
                <label key={pole}>
                  <input type="radio" name={`${exercise.id}-${statement.id}`} checked={typeof answer === 'object' && answer[statement.id] === pole}
                    onChange={() => void model.answer(exercise.id, { ...(typeof answer === 'object' ? answer : {}), [statement.id]: pole })} />
                  <span lang={lang}>{text(pack.poles[pole])}</span>
                </label>
              ))}
              {mark ? (
                <p id={markId} class="item-mark" data-testid="item-mark">
                  <span class="mark-symbol" aria-hidden="true">{mark.matches ? '✓' : '✗'}</span>{' '}
                  {mark.matches ? t('course.markMatches') : withLangParts(t('course.markOtherSide', { pole: langPart('pole') }), { pole: text(pack.poles[mark.pole]) }, lang)}
                </p>
              ) : null}
            </fieldset>
          );
        }) : null}
        {exercise.kind === 'choose' ? (
          <fieldset class="radio-column">
            <legend lang={lang}>{text(exercise.aim)}</legend>
            {exercise.options.map((option) => (
              <label key={option.id}>
                <input type="radio" name={exercise.id} checked={answer === option.id} onChange={() => void model.answer(exercise.id, option.id)} />
                <span lang={lang}>{text(option.text)}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {exercise.kind === 'place' ? (
          // The poles above the seven points and each point's number under it, as the feedback
          // names them ("the expert placed it at 5"); on one line the poles and points wrapped apart on a narrow screen.
          <fieldset class="place-scale">
            <legend lang={lang}>{text(exercise.practice)}</legend>
            <div class="place-poles" aria-hidden="true" lang={lang}><span>◀ {text(pack.poles.from)}</span><span>{text(pack.poles.to)} ▶</span></div>
            <div class="place-points">
              {[1, 2, 3, 4, 5, 6, 7].map((position) => (
                <label key={position}>
                  <input type="radio" name={exercise.id} checked={answer === position} onChange={() => void model.answer(exercise.id, position)} />
                  <span aria-hidden="true">{position}</span>
                  <span class="visually-hidden">{withLangParts(t('course.position', { n: position, from: langPart('from'), to: langPart('to') }), { from: text(pack.poles.from), to: text(pack.poles.to) }, lang)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <button type="submit" class="button" disabled={!complete} aria-describedby={complete ? undefined : `${headingId}-hint`}>{t('course.check')}</button>
        {complete ? null : <span id={`${headingId}-hint`} class="hint small no-print"> {t('course.answerFirst')}</span>}
      </form>
      <p role="status" class="check-status" data-testid="check-status">{justChecked ? checkedSentence(t, verdict) : model.feedbackWithdrawn.value === exercise.id ? t('course.feedbackWithdrawn') : ''}</p>
      {verdict ? <ExerciseFeedback pack={pack} exercise={exercise} verdict={verdict} lang={lang} number={index + 1} headingRef={feedbackHeading} /> : null}
    </section>
  );
}

function isComplete(exercise: Exercise, answer: ExerciseAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if (exercise.kind === 'sort') return typeof answer === 'object' && exercise.statements.every((s) => answer[s.id]);
  return true;
}

/** What a check announces: one sentence, never the feedback itself. */
export function checkedSentence(t: Translate, verdict: ExerciseVerdict): string {
  if (verdict.kind === 'sort') return t('course.checkedSort', { matching: verdict.matching, total: verdict.total });
  if (verdict.kind === 'choose') return t(verdict.right ? 'course.checkedChooseBest' : 'course.checkedChooseOther');
  return verdict.right ? t('course.checkedPlaceClose') : t('course.checkedPlaceFar', { steps: verdict.distance });
}
