import { useState } from 'preact/hooks';
import { useT } from '../../ui/app-context';
import type { DataModel, EraseCounts } from '../../ui/data-model';

/** Erase everything, only after saying exactly what will be lost. */
export function EraseEverything({ data }: { data: DataModel }) {
  const t = useT();
  const [counts, setCounts] = useState<EraseCounts | null>(null);
  const [erased, setErased] = useState(false);
  return (
    <>
      <h2>{t('data.erase')}</h2>
      {counts === null ? (
        <button type="button" class="button" onClick={async () => { setErased(false); setCounts(await data.counts()); }}>{t('data.eraseStart')}</button>
      ) : (
        <div class="notice notice-error" role="alert">
          <p>{t('data.eraseWarning', { sittings: counts.sittings, notes: counts.notes, reminders: counts.reminders, rounds: counts.rounds })}</p>
          <div class="button-row start">
            <button type="button" class="button button-danger" onClick={async () => {
              if (await data.eraseEverything()) {
                setCounts(null);
                setErased(true);
              }
            }}>{t('data.eraseConfirm')}</button>
            <button type="button" class="button" onClick={() => setCounts(null)}>{t('data.cancel')}</button>
          </div>
        </div>
      )}
      <p role="status">{erased ? t('data.erased') : ''}</p>
    </>
  );
}
