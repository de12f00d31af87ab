import { useEffect, useState } from 'preact/hooks';
import type { AssessmentScreenProps } from '../ui/assessment/assessment-screen';

type AssessmentModule = typeof import('../ui/assessment/assessment-screen');

let loading: Promise<AssessmentModule> | null = null;
let loaded: AssessmentModule | null = null;

/**
 * The questionnaire runner is a chunk of its own: the popup's first view (the list) does
 * not wait for it, and it loads while the person picks a questionnaire, or at once when
 * a draft is resumed (the popup starts the load with the questionnaire's own).
 */
export function loadAssessmentScreen(): Promise<AssessmentModule> {
  loading ??= import('../ui/assessment/assessment-screen').then((module) => (loaded = module));
  return loading;
}

export function LazyAssessmentScreen(props: AssessmentScreenProps) {
  const [module, setModule] = useState<AssessmentModule | null>(loaded);
  useEffect(() => {
    if (!module) void loadAssessmentScreen().then(setModule);
  }, [module]);
  return module ? <module.AssessmentScreen {...props} /> : null;
}
