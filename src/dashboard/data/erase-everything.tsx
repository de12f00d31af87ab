import { useRef, useState } from 'preact/hooks';
import { useT } from '../../ui/app-context';
import type { DataModel, EraseCounts } from '../../ui/data-model';

/** Erase everything, only after saying exactly what will be lost. */
export function EraseEverything({ data }: { data: DataModel }) {
  const t = useT();
  const [counts, setCounts] = useState<EraseCounts | null>(null);
  const [erased, setErased] = useState(false);
  const done = useRef<HTMLParagraphElement>(null);
  const warning = useRef<HTMLDivElement>(null);
  return (
    <>
      <h2>{t('data.erase')}</h2>
      {counts === null ? (
        <button type="button" class="button" onClick={async () => {
          setErased(false);
          setCounts(await data.counts());
          // The warning says what will be lost: the focus goes there before the confirmation.
          requestAnimationFrame(() => warning.current?.focus());
        }}>{t('data.eraseStart')}</button>
      ) : (
        <div class="notice notice-error" role="alert" tabIndex={-1} ref={warning}>
          <p>{t('data.eraseWarning', { sittings: counts.sittings, notes: counts.notes, reminders: counts.reminders, rounds: counts.rounds })}</p>
          <div class="button-row start">
            <button type="button" class="button button-danger" onClick={async () => {
              if (await data.eraseEverything()) {
                setCounts(null);
                setErased(true);
                requestAnimationFrame(() => done.current?.focus());
              }
            }}>{t('data.eraseConfirm')}</button>
            <button type="button" class="button" onClick={() => setCounts(null)}>{t('data.cancel')}</button>
          </div>
        </div>
      )}
      <p role="status" tabIndex={-1} ref={done}>{erased ? t('data.erased') : ''}</p>
    </>
  );
}
