import { useEffect, useState } from 'preact/hooks';
import type { AssessmentScreenProps } from './assessment/assessment-screen';

type ScreenModule = typeof import('./assessment/assessment-screen');
let loading: Promise<ScreenModule> | null = null;

/** Starts loading the questionnaire runner; the popup does so once its list is shown. */
export function preloadAssessment(): Promise<ScreenModule> {
  loading ??= import('./assessment/assessment-screen');
  return loading;
}

/**
 * The questionnaire runner as a chunk of its own, so the popup's first view (the
 * list) does not wait for code it may not need.
 */
export function LazyAssessmentScreen(props: AssessmentScreenProps) {
  const [module, setModule] = useState<ScreenModule | null>(null);
  useEffect(() => {
    let cancelled = false;
    void preloadAssessment().then((loaded) => !cancelled && setModule(loaded));
    return () => {
      cancelled = true;
    };
  }, []);
  return module ? <module.AssessmentScreen {...props} /> : null;
}
