import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Sitting } from '../../core/storage/records';
import { contentLanguage as pickContentLanguage, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../app-context';
import { useReadyMark } from '../ready';
import { describeStorageError } from '../storage-errors';
import { createAssessmentModel, type AssessmentModel } from './assessment-model';
import { AssessmentView } from './assessment-view';
import { ResultView } from './result-view';

export interface AssessmentScreenProps {
  questionnaireId: string;
  onDone: () => void;
  onHistory?: () => void;
  /** Set when answering a team round: the sitting is marked with it. */
  round?: { id: string; name: string };
  /** Shown above the result once the sitting is stored, e.g. the sealed code for a round. */
  resultExtra?: (sitting: Sitting, questionnaire: Questionnaire) => ComponentChildren;
}

/** Loads a questionnaire and any saved draft, then runs it to the result. */
export function AssessmentScreen({ questionnaireId, onDone, onHistory, round, resultExtra }: AssessmentScreenProps) {
  const app = useApp();
  const t = useT();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'missing' } | { kind: 'failed'; detail: string } | { kind: 'ready'; model: AssessmentModel }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const entry = app.catalog.find(questionnaireId);
    if (!entry) {
      setState({ kind: 'missing' });
      return;
    }
    void entry.load().then(async (questionnaire: Questionnaire) => {
      const model = createAssessmentModel({
        store: app.store,
        questionnaire,
        language: app.i18n.language.value,
        now: app.now,
        newId: app.newId,
        round,
      });
      await model.resume();
      if (!cancelled) setState({ kind: 'ready', model });
    }).catch((error: unknown) => {
      // A questionnaire chunk or the saved answers could not be read: say so, never load for ever.
      if (!cancelled) setState({ kind: 'failed', detail: describeStorageError(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [questionnaireId, attempt]);

  useReadyMark(state.kind !== 'loading');
  const language = app.i18n.language.value;
  const contentLanguage = useMemo(
    () => (state.kind === 'ready' ? pickContentLanguage(state.model.questionnaire, language) : language),
    [state, language],
  );

  if (state.kind === 'loading') return <p class="hint" role="status">{t('common.loading')}</p>;
  if (state.kind === 'missing') return <p class="notice notice-error" role="alert">{t('dashboard.notFound')}</p>;
  if (state.kind === 'failed') {
    return (
      <div class="notice notice-error" role="alert">
        <p>{t('error.load', { detail: state.detail })}</p>
        <button type="button" class="button" onClick={() => { setState({ kind: 'loading' }); setAttempt(attempt + 1); }}>{t('common.retry')}</button>
      </div>
    );
  }
  const { model } = state;
  const sitting = model.finished.value;
  if (sitting) {
    return (
      <>
        {resultExtra?.(sitting, model.questionnaire)}
        <ResultView
          questionnaire={model.questionnaire}
          sitting={sitting}
          score={model.score.value}
          contentLanguage={contentLanguage}
          onDone={onDone}
          onHistory={onHistory}
        />
      </>
    );
  }
  return <AssessmentView model={model} contentLanguage={contentLanguage} onLeave={onDone} />;
}
