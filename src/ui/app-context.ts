import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppModel } from './app-model';

export const AppContext = createContext<AppModel | null>(null);

export function useApp(): AppModel {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() outside <AppContext.Provider>');
  return app;
}

/** The translate function; reading it subscribes the component to language changes. */
export function useT() {
  return useApp().i18n.t.value;
}
