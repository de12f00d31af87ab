import { useModel } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { openActions, type UnitAction } from '../../core/actions/actions';
import { ActionReview } from '../actions/action-review';
import { readQuestionnaireActions } from '../actions/actions-store';
import type { Sitting } from '../../core/storage/records';
import { contentLanguage as pickContentLanguage, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../app-context';
import { useReadyMark } from '../ready';
import { AssessmentModel, type RoundMark } from './assessment-model';
import { AssessmentView } from './assessment-view';
import { ResultView } from './result-view';
import { adoptStylesheet } from '../styles/adopt-stylesheet';
import assessmentCss from './assessment.css';

// With the module, so the popup's first view (the list) does not carry these rules.
adoptStylesheet(assessmentCss);

export interface AssessmentScreenProps {
  questionnaireId: string;
  onDone: () => void;
  onHistory?: () => void;
  /** Instead of "Done" on the result, e.g. "Back to the course" for a self-assessment taken from a course. */
  doneLabel?: string;
  /** Set when answering a team round: the sitting is marked with it. */
  round?: RoundMark;
  /** Shown above the result once the sitting is stored, e.g. the sealed code for a round. */
  resultExtra?: (sitting: Sitting, questionnaire: Questionnaire) => ComponentChildren;
}

/** Loads a questionnaire and any saved draft, then runs it to the result. */
export function AssessmentScreen(props: AssessmentScreenProps) {
  // One model per questionnaire and round: another one here is a fresh screen with its own model.
  return <OneAssessment key={`${props.questionnaireId} ${props.round?.id ?? ''}`} {...props} />;
}

function OneAssessment({ questionnaireId, onDone, onHistory, doneLabel, round, resultExtra }: AssessmentScreenProps) {
  const app = useApp();
  const t = useT();
  const model = useModel(() => new AssessmentModel(
    { store: app.store, catalog: app.catalog, now: app.now, newId: app.newId, language: () => app.i18n.language.peek() },
    questionnaireId,
    round,
  ));
  const stage = model.stage.value;
  // The actions chosen after earlier results and not yet reviewed: the sitting asks how they went first.
  // (A team round's sitting is the team's, not the person's own follow-up: it does not ask.)
  const [toReview, setToReview] = useState<readonly UnitAction[] | null>(round ? [] : null);
  useEffect(() => {
    if (round) return;
    readQuestionnaireActions(app.store, questionnaireId).then(
      (record) => setToReview(openActions(record)),
      () => setToReview([]),
    );
  }, [questionnaireId]);
  useReadyMark(stage.kind !== 'loading' && toReview !== null);
  const language = app.i18n.language.value;
  const contentLanguage = useMemo(
    () => (stage.kind === 'ready' ? pickContentLanguage(stage.questionnaire, language) : language),
    [stage, language],
  );

  if (stage.kind === 'loading' || toReview === null) return <p class="hint" role="status">{t('common.loading')}</p>;
  if (stage.kind === 'missing') return <p class="notice notice-error" role="alert">{t('dashboard.notFound')}</p>;
  if (stage.kind === 'failed') {
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('error.load', { detail: stage.detail })}</p>
        <button type="button" class="button" onClick={() => void model.load()}>{t('common.retry')}</button>
      </div>
    );
  }
  const { questionnaire } = stage;
  const sitting = model.finished.value;
  const score = model.score.value;
  if (sitting && score) {
    return (
      <>
        {resultExtra?.(sitting, questionnaire)}
        <ResultView
          planActions={!round}
          questionnaire={questionnaire}
          sitting={sitting}
          score={score}
          contentLanguage={contentLanguage}
          onDone={onDone}
          onHistory={onHistory}
          doneLabel={doneLabel}
        />
      </>
    );
  }
  if (toReview.length > 0) {
    return <ActionReview questionnaire={questionnaire} actions={toReview} contentLanguage={contentLanguage} onContinue={() => setToReview([])} />;
  }
  return <AssessmentView model={model} questionnaire={questionnaire} contentLanguage={contentLanguage} onLeave={onDone} />;
}
