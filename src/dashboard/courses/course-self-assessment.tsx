import { selfAssessmentSummary } from '../../core/pack/pack-summary';
import { contentLanguage } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { PackModel } from '../../ui/courses/pack-model';
import { SelfAssessmentResult } from './self-assessment-result';

interface CourseSelfAssessmentProps {
  model: PackModel;
  packId: string;
  questionnaireId: string;
  /** The questionnaire's title, for the link that takes it. */
  title: string;
}

/** The course's self-assessment: a link that takes it from the course, and the result once it is taken. */
export function CourseSelfAssessment({ model, packId, questionnaireId, title }: CourseSelfAssessmentProps) {
  const app = useApp();
  const t = useT();
  const state = model.selfAssessment.value;
  const takeHref = `#/take/${questionnaireId}/course/${packId}`;

  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: state.detail })}</p>;
  if (state.kind === 'taken') {
    const lang = contentLanguage(state.questionnaire, app.i18n.language.value);
    const result = selfAssessmentSummary(state.questionnaire, state.sitting, lang);
    return (
      <div data-testid="course-self-assessment">
        <p>{t('course.takenOn', { title: result.title, date: app.i18n.formatDate.value(result.completedAt) })}</p>
        <SelfAssessmentResult result={result} />
        <div class="button-row start no-print">
          <a class="button" href={takeHref}>{t('course.takeAgain', { title })}</a>
          <a class="button" href={`#/history/${questionnaireId}`}>{t('result.history')}</a>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="course-self-assessment">
      <p>{t('course.resultHere')}</p>
      <p class="no-print"><a class="button button-primary" href={takeHref} data-take={questionnaireId}>{t('course.takeQuestionnaire', { title })}</a></p>
    </div>
  );
}
