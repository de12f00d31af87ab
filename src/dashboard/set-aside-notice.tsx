import { useT } from '../ui/app-context';
import type { HistoryModelInstance } from '../ui/history/history-model';

/** Says which stored records could not be read: they are kept untouched, and every other record still shows. */
export function SetAsideNotice({ history }: { history: HistoryModelInstance }) {
  const t = useT();
  const setAside = history.setAside.value;
  if (setAside.length === 0) return null;
  return (
    <div class="notice notice-error" role="alert" data-testid="set-aside">
      <p>{t('history.setAside', { count: setAside.length })}</p>
      <details>
        <summary>{t('history.setAsideKeys')}</summary>
        <ul>{setAside.map((entry) => <li key={entry.key}><code>{entry.key}</code></li>)}</ul>
      </details>
    </div>
  );
}
