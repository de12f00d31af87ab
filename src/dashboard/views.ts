import { useLayoutEffect, useState } from 'preact/hooks';
import * as historyView from './history/history-view';
import * as homeView from './home-view';

/**
 * The dashboard's views. The two a page most often opens on (the summary a returning
 * person sees, and the history the benchmark times) are in the page's own script; every
 * other view is a chunk of its own, loaded when it is first shown. The one script that
 * held every view (380 KB) cost Firefox some 55 ms before its first statement ran,
 * whichever view was asked for. Chromium pays for modules, not bytes: with every view a
 * chunk (and the small chunks they share), the summary and the history were 15–20 ms
 * later there, so those two stay in the script. A view the page opens on is fetched at
 * once (main.tsx), beside the first storage reads.
 */
const loaders = {
  home: () => Promise.resolve(homeView),
  history: () => Promise.resolve(historyView),
  welcome: () => import('./welcome-view'),
  take: () => import('./take-view'),
  sittings: () => import('./sittings/sittings-view'),
  courses: () => import('./courses/courses-view'),
  team: () => import('./team/team-view'),
  data: () => import('./data/data-view'),
  settings: () => import('./settings-view'),
  print: () => import('./print-view'),
};

export type ViewName = keyof typeof loaders;

export function isViewName(name: string): name is ViewName {
  return Object.hasOwn(loaders, name);
}
export type ViewModule<V extends ViewName> = Awaited<ReturnType<(typeof loaders)[V]>>;

// Keyed by view; each entry holds that view's module (typed at the two functions below).
const loaded = new Map<ViewName, unknown>([['home', homeView], ['history', historyView]]);
const loading = new Map<ViewName, Promise<unknown>>();

/** Starts loading a view's chunk (once; a failed load is tried again next time). */
export function loadView<V extends ViewName>(view: V): Promise<ViewModule<V>> {
  let pending = loading.get(view);
  if (!pending) {
    pending = loaders[view]().then(
      (module) => {
        loaded.set(view, module);
        return module;
      },
      (error: unknown) => {
        loading.delete(view);
        throw error;
      },
    );
    loading.set(view, pending);
  }
  return pending as Promise<ViewModule<V>>;
}

export type ViewState<V extends ViewName> = { kind: 'loading' } | { kind: 'loaded'; module: ViewModule<V> } | { kind: 'failed'; detail: string };

/** The view's module once its chunk is in; a view already loaded is there in the first render. */
export function useView<V extends ViewName>(view: V): ViewState<V> {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<{ view: ViewName; detail: string } | null>(null);
  const module = loaded.get(view) as ViewModule<V> | undefined;
  // A layout effect: the render that shows the view follows the chunk's arrival at once, not a frame later.
  useLayoutEffect(() => {
    if (module) return;
    let cancelled = false;
    loadView(view).then(
      () => !cancelled && setVersion((v) => v + 1),
      (error: unknown) => !cancelled && setFailed({ view, detail: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [view, module]);
  if (module) return { kind: 'loaded', module };
  if (failed?.view === view) return { kind: 'failed', detail: failed.detail };
  return { kind: 'loading' };
}
