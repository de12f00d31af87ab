import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RoundVault } from '../core/round/round-vault';
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

/** The team rounds' vault; only the dashboard has one (the popup never starts or imports a round). */
export function useRoundVault(): RoundVault {
  const vault = useApp().roundVault;
  if (!vault) throw new Error('useRoundVault() on a page without a round vault');
  return vault;
}
