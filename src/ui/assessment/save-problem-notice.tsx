import { useT } from '../app-context';
import type { AssessmentModelInstance } from './assessment-model';

/** Says that the last answer is not saved yet, and offers to try again. */
export function SaveProblemNotice({ model }: { model: Pick<AssessmentModelInstance, 'saveProblem' | 'retry'> }) {
  const t = useT();
  const problem = model.saveProblem.value;
  return (
    <div role="alert" class={problem ? 'notice notice-error' : 'notice-empty'}>
      {problem ? (
        <>
          <p>{problem === 'full' ? t('save.full') : t('save.failed')}</p>
          <button type="button" class="button" onClick={() => void model.retry()}>{t('common.retry')}</button>
        </>
      ) : null}
    </div>
  );
}
