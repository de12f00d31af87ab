import { useLayoutEffect, useState } from 'preact/hooks';
import type { Questionnaire } from '../../core/questionnaire/types';
import { useApp } from '../app-context';

/** Loads a questionnaire's full text (a chunk of its own) by id: the current version, or the one given. */
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
    void entry.load().then(
      (loaded) => !cancelled && setQuestionnaire(loaded),
      // An added questionnaire whose record is gone or damaged: shown as missing, like a removed one.
      () => !cancelled && setQuestionnaire('missing'),
    );
    return () => {
      cancelled = true;
    };
  }, [id, version]);
  return questionnaire;
}

/**
 * The earlier versions of a questionnaire that sittings were answered on, loaded so the
 * history can chart them beside the current one; null while loading.
 */
export function useEarlierVersions(id: string | undefined, versions: readonly number[]): Questionnaire[] | null {
  const app = useApp();
  const [loaded, setLoaded] = useState<Questionnaire[] | null>(null);
  const key = versions.join(',');
  useLayoutEffect(() => {
    let cancelled = false;
    setLoaded(null);
    const current = id ? app.catalog.find(id) : undefined;
    const entries = id ? versions.filter((v) => v !== current?.version).flatMap((v) => app.catalog.findVersion(id, v) ?? []) : [];
    void Promise.all(entries.map((entry) => entry.load())).then(
      (questionnaires) => !cancelled && setLoaded(questionnaires),
      () => !cancelled && setLoaded([]),
    );
    return () => {
      cancelled = true;
    };
  }, [id, key]);
  return loaded;
}
