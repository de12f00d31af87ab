import { useLayoutEffect, useState } from 'preact/hooks';
import type { Questionnaire } from '../../core/questionnaire/types';
import { useApp } from '../app-context';

/**
 * What a load hook holds, with what it was loaded for: in the render in which the id
 * changes, before the effect has started the new load, the previous questionnaire is
 * not returned as if it were the one asked for (a view would count itself ready on it).
 */
interface Loaded<T> {
  for: string;
  value: T;
}

/** Loads a questionnaire's full text (a chunk of its own) by id: the current version, or the one given. */
export function useQuestionnaire(id: string | undefined, version?: number): Questionnaire | null | 'missing' {
  const app = useApp();
  const asked = `${id ?? ''}@${version ?? ''}`;
  const [loaded, setLoaded] = useState<Loaded<Questionnaire | 'missing'> | null>(null);
  // A layout effect starts the load right after render, not a frame later.
  useLayoutEffect(() => {
    let cancelled = false;
    const entry = !id ? undefined : version === undefined ? app.catalog.find(id) : app.catalog.findVersion(id, version);
    if (!entry) {
      setLoaded({ for: asked, value: 'missing' });
      return;
    }
    void entry.load().then(
      (questionnaire) => !cancelled && setLoaded({ for: asked, value: questionnaire }),
      // An added questionnaire whose record is gone or damaged: shown as missing, like a removed one.
      () => !cancelled && setLoaded({ for: asked, value: 'missing' }),
    );
    return () => {
      cancelled = true;
    };
  }, [asked]);
  return loaded?.for === asked ? loaded.value : null;
}

/**
 * The earlier versions of a questionnaire that sittings were answered on, loaded so the
 * history can chart them beside the current one; null while loading.
 */
export function useEarlierVersions(id: string | undefined, versions: readonly number[]): Questionnaire[] | null {
  const app = useApp();
  const asked = `${id ?? ''}@${versions.join(',')}`;
  const [loaded, setLoaded] = useState<Loaded<Questionnaire[]> | null>(null);
  useLayoutEffect(() => {
    let cancelled = false;
    const current = id ? app.catalog.find(id) : undefined;
    const entries = id ? versions.filter((v) => v !== current?.version).flatMap((v) => app.catalog.findVersion(id, v) ?? []) : [];
    void Promise.all(entries.map((entry) => entry.load())).then(
      (questionnaires) => !cancelled && setLoaded({ for: asked, value: questionnaires }),
      () => !cancelled && setLoaded({ for: asked, value: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [asked]);
  return loaded?.for === asked ? loaded.value : null;
}
