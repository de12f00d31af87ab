import type { Ref } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { asksWantedPerItem, itemsOf, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { NOT_APPLICABLE } from '../../core/storage/records';
import { useT } from '../app-context';
import { answeredItems, type AssessmentModelInstance } from './assessment-model';
import { SaveProblemNotice } from './save-problem-notice';
import { ScaleQuestion } from './scale-question';
import { langPart, withLangParts } from '../lang-parts';

export interface AssessmentViewProps {
  model: AssessmentModelInstance;
  /** The questionnaire the model has loaded. */
  questionnaire: Questionnaire;
  contentLanguage: string;
  onLeave?: () => void;
}

/**
 * One dimension per page: its statement pairs, then where the person wants to be. For
 * questionnaires of format 2, each pair also offers "does not apply", and "wanted" is a
 * second pass over the same pairs, with today's answer shown under each.
 */
export function AssessmentView({ model, questionnaire, contentLanguage, onLeave }: AssessmentViewProps) {
  const t = useT();
  const pageIndex = model.page.value;
  const pages = model.pages.value;
  const page = pages[pageIndex] ?? { kind: 'now', dimension: 0 };
  const dimension = questionnaire.dimensions[page.dimension]!;
  const items = itemsOf(questionnaire, dimension.id);
  const answers = model.answers.value;
  const wanted = model.wanted.value;
  const perItem = asksWantedPerItem(questionnaire);
  const [showMissing, setShowMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const missing = model.unanswered.value;
  const pageCount = pages.length;
  const isLast = pageIndex === pageCount - 1;

  // Each page (the first too, which replaces the button that opened it) puts focus on
  // its heading, so keyboard and screen-reader users start at the top of its questions.
  // A layout effect, so focus moves before the next key press is handled.
  useLayoutEffect(() => {
    setShowMissing(false);
    heading.current?.focus();
  }, [pageIndex]);

  async function next(event: Event) {
    event.preventDefault();
    if (missing.length > 0) {
      setShowMissing(true);
      const first = document.getElementById(fieldId(missing[0]!));
      first?.querySelector('input')?.focus();
      return;
    }
    if (isLast) await model.finish();
    else await model.goTo(pageIndex + 1);
  }

  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const stillOpen = showMissing ? missing.length : 0;

  return (
    <form class="assessment" onSubmit={next} noValidate>
      <div class="progress-row">
        <label for="assessment-progress">{t('assess.progress', { current: pageIndex + 1, total: pageCount })}</label>
        <progress id="assessment-progress" max={pageCount} value={pageIndex + 1} />
      </div>
      {page.kind === 'wanted' ? (
        <WantedPass model={model} questionnaire={questionnaire} dimensionId={dimension.id} contentLanguage={contentLanguage} showMissing={showMissing} heading={heading} />
      ) : (
        <>
          <h2 class="dimension-heading" tabIndex={-1} ref={heading} lang={contentLanguage}>{text(dimension.name)}</h2>
          <p class="hint">{t('assess.instructions')}</p>
          {items.map((item, index) => (
            <ScaleQuestion
              key={item.id}
              id={fieldId(item.id)}
              label={t('assess.itemLegend', { current: index + 1, total: items.length })}
              left={text(item.left)}
              right={text(item.right)}
              contentLanguage={contentLanguage}
              value={answers[item.id]}
              invalid={showMissing && missing.includes(item.id)}
              onChoose={(position) => void model.answer(item.id, position)}
              notApplicable={perItem ? { checked: model.notApplicable.value.includes(item.id), onChoose: () => void model.answer(item.id, NOT_APPLICABLE) } : undefined}
            />
          ))}
          {perItem ? null : (
            <ScaleQuestion
              id={fieldId(`wanted:${dimension.id}`)}
              label={
                <>
                  {t('assess.wantedLegend', { dimension: text(dimension.name) })}
                  <span class="wanted-hint">{t('assess.wantedHint')}</span>
                </>
              }
              left={text(dimension.from)}
              right={text(dimension.to)}
              contentLanguage={contentLanguage}
              value={wanted[dimension.id]}
              invalid={showMissing && missing.includes(`wanted:${dimension.id}`)}
              onChoose={(position) => void model.want(dimension.id, position)}
            />
          )}
        </>
      )}
      <div role="alert" class={stillOpen > 0 ? 'notice notice-error' : 'notice-empty'}>
        {stillOpen > 0 ? t('assess.unanswered', { count: stillOpen }) : null}
      </div>
      <SaveProblemNotice model={model} />
      <div class="button-row">
        {pageIndex > 0 ? (
          <button type="button" class="button" onClick={() => void model.goTo(pageIndex - 1)}>{t('common.back')}</button>
        ) : onLeave ? (
          <button type="button" class="button" onClick={onLeave}>{t('assess.leave')}</button>
        ) : null}
        <button type="submit" class="button button-primary">{isLast ? t('assess.finish') : t('common.next')}</button>
      </div>
      <p class="hint small">{t('assess.saved')}</p>
    </form>
  );
}

interface WantedPassProps {
  model: AssessmentModelInstance;
  questionnaire: Questionnaire;
  dimensionId: string;
  contentLanguage: string;
  showMissing: boolean;
  heading: Ref<HTMLHeadingElement>;
}

/** The second pass: the pairs answered today, asked again as where the unit should be. */
function WantedPass({ model, questionnaire, dimensionId, contentLanguage, showMissing, heading }: WantedPassProps) {
  const t = useT();
  const dimension = questionnaire.dimensions.find((d) => d.id === dimensionId)!;
  const answered = answeredItems(questionnaire, dimensionId, { answers: model.answers.value, notApplicable: model.notApplicable.value });
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const missing = model.unanswered.value;
  return (
    <>
      <h2 class="dimension-heading" tabIndex={-1} ref={heading}>
        {withLangParts(t('assess.wantedPassHeading', { dimension: langPart('dimension') }), { dimension: text(dimension.name) }, contentLanguage)}
      </h2>
      <p class="hint">{t('assess.wantedPassIntro')}</p>
      <p>
        <button type="button" class="button" onClick={() => void model.wantSameAsNow(dimensionId)}>{t('assess.sameAsNow')}</button>
      </p>
      {answered.map((item, index) => (
        <ScaleQuestion
          key={item.id}
          id={fieldId(`wanted:${item.id}`)}
          label={t('assess.itemLegend', { current: index + 1, total: answered.length })}
          left={text(item.left)}
          right={text(item.right)}
          contentLanguage={contentLanguage}
          value={model.wantedItems.value[item.id]}
          invalid={showMissing && missing.includes(`wanted:${item.id}`)}
          onChoose={(position) => void model.wantItem(item.id, position)}
          nowPosition={model.answers.value[item.id]}
        />
      ))}
    </>
  );
}

/** Element ids for a question's fieldset; `wanted:x` becomes `q-wanted-x`. */
export function fieldId(questionId: string): string {
  return `q-${questionId.replace(':', '-')}`;
}
