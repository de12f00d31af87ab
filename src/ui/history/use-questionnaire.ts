import { useLayoutEffect, useState } from 'preact/hooks';
import type { Questionnaire } from '../../core/questionnaire/types';
import { useApp } from '../app-context';

/** Loads a shipped questionnaire's full text (a chunk of its own) by id: the current version, or the one given. */
export function useQuestionnaire(id: string | undefined, version?: number): Questionnaire | null | 'missing' {
  const app = useApp();
  const [questionnaire, setQuestionnaire] = useState<Questionnaire | null | 'missing'>(null);
  // A layout effect starts the load right after render, not a frame later.
  useLayoutEffect(() => {
    let cancelled = false;
    setQuestionnaire(null);
    const entry = !id ? undefined : version === undefined ? app.catalog.find(id) : app.catalog.findVersion(id, version);
    if (!entry) {
      setQuestionnaire('missing');
      return;
    }
    void entry.load().then((loaded) => {
      if (!cancelled) setQuestionnaire(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, [id, version]);
  return questionnaire;
}
