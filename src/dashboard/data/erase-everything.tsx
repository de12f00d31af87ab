import { useRef } from 'preact/hooks';
import { useT } from '../../ui/app-context';
import type { DataModelInstance, EraseCounts } from '../../ui/data-model';
import type { MessageKey } from '../../ui/i18n/en-dashboard';

/** Each kind of record a person made, in the order the warning lists them; a kind with none is left out. */
const ERASED: ReadonlyArray<readonly [keyof EraseCounts, MessageKey]> = [
  ['sittings', 'data.eraseSittings'],
  ['notes', 'data.eraseNotes'],
  ['reminders', 'data.eraseReminders'],
  ['actions', 'data.eraseActions'],
  ['added', 'data.eraseAdded'],
  ['courses', 'data.eraseCourses'],
  ['packs', 'data.erasePacks'],
  ['rounds', 'data.eraseRounds'],
];

/** Erase everything, only after saying exactly what will be lost. */
export function EraseEverything({ data }: { data: DataModelInstance }) {
  const t = useT();
  const done = useRef<HTMLParagraphElement>(null);
  const warning = useRef<HTMLDivElement>(null);
  const step = data.erase.value;
  return (
    <>
      <h2>{t('data.erase')}</h2>
      {step.kind !== 'confirm' ? (
        <button type="button" class="button" onClick={async () => {
          await data.prepareErase();
          // The warning says what will be lost: the focus goes there before the confirmation.
          requestAnimationFrame(() => warning.current?.focus());
        }}>{t('data.eraseStart')}</button>
      ) : (
        <div class="notice notice-error" role="alert" tabIndex={-1} ref={warning}>
          <p>{t('data.eraseIntro')}</p>
          <ul data-testid="erase-list">
            {ERASED.filter(([kind]) => step.counts[kind] > 0).map(([kind, key]) => <li key={kind}>{t(key, { count: step.counts[kind] })}</li>)}
            <li>{t('data.eraseSettings')}</li>
          </ul>
          <p>{t('data.eraseFinal')}</p>
          <div class="button-row start">
            <button type="button" class="button button-danger" onClick={async () => {
              if (await data.eraseEverything()) requestAnimationFrame(() => done.current?.focus());
            }}>{t('data.eraseConfirm')}</button>
            <button type="button" class="button" onClick={() => data.cancelErase()}>{t('data.cancel')}</button>
          </div>
        </div>
      )}
      {step.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('error.load', { detail: step.detail })}</p> : null}
      <p role="status" tabIndex={-1} ref={done}>{step.kind === 'erased' ? t('data.erased') : ''}</p>
    </>
  );
}
