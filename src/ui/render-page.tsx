import { effect } from '@preact/signals';
import { render, type ComponentChildren } from 'preact';
import { AppContext } from './app-context';
import { createAppModel, type AppDependencies, type AppModel, type PrefetchKeys } from './app-model';

/**
 * Starts the shared app model and renders a page into #app. The entry points pass
 * in the platform's store and browser facts; nothing below here calls a browser API.
 */
export async function renderPage(
  deps: AppDependencies,
  page: (app: AppModel, prefetched: Record<string, unknown>) => ComponentChildren,
  prefetchKeys: PrefetchKeys = [],
): Promise<AppModel> {
  const app = createAppModel(deps);
  const root = document.documentElement;
  effect(() => {
    root.lang = app.i18n.language.value;
    const name = app.i18n.t.value('app.name');
    const view = app.pageTitle.value;
    // Each view names itself first, so a list of tabs or a screen reader's window list tells them apart.
    document.title = view ? `${view} – ${name}` : name;
  });
  effect(() => {
    const theme = app.settings.value.theme;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  });
  const prefetched = await app.start(prefetchKeys);
  render(<AppContext.Provider value={app}>{page(app, prefetched)}</AppContext.Provider>, document.getElementById('app')!);
  return app;
}
