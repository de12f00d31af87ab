import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useApp, useT } from '../../ui/app-context';
import type { HistoryModelInstance } from '../../ui/history/history-model';
import { useReadyMark } from '../../ui/ready';
import { SetAsideNotice } from '../set-aside-notice';
import { SittingDetail } from './sitting-detail';
import { SittingsList } from './sittings-list';

/** The list of sittings, or one sitting; a deleted one can be brought back from here. */
export function SittingsView({ history, sittingId }: { history: HistoryModelInstance; sittingId: string | undefined }) {
  const t = useT();
  const app = useApp();
  const focusUndo = useRef(false);
  // Back from one sitting to the list (its link, or the browser's Back), or a sitting brought back by Undo: the list's heading takes the focus.
  const focusList = useRef(false);
  const shownSitting = useRef(sittingId);
  if (shownSitting.current !== sittingId) {
    if (!sittingId && shownSitting.current) focusList.current = true;
    shownSitting.current = sittingId;
  }
  useLayoutEffect(() => {
    if (!focusList.current || sittingId) return;
    const heading = document.getElementById('sittings-heading');
    if (!heading) return;
    focusList.current = false;
    // Only a focus that was lost with the removed page or button: after a delete it is on Undo, and stays.
    if (document.activeElement === null || document.activeElement === document.body) heading.focus();
  });
  const [undone, setUndone] = useState<string | null>(null);
  const shownDeleted = useRef(history.lastDeleted.peek());
  const status = history.status.value;
  useReadyMark(status.kind !== 'loading');
  if (status.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (status.kind === 'failed') return <p class="notice notice-error" role="alert">{t('error.load', { detail: status.detail })}</p>;
  const deleted = history.lastDeleted.value;
  if (deleted && deleted !== shownDeleted.current) focusUndo.current = true;
  shownDeleted.current = deleted;
  return (
    <>
      {sittingId ? (
        <SittingDetail history={history} sittingId={sittingId} />
      ) : (
        <section aria-labelledby="sittings-heading">
          <h1 id="sittings-heading" tabIndex={-1}>{t('sittings.heading')}</h1>
          <SetAsideNotice history={history} />
          <SittingsList history={history} />
        </section>
      )}
      <div class="toast" role="status">
        {!deleted && undone ? <span>{undone}</span> : null}
        {deleted ? (
          <>
            <span>{t('sittings.deleted', { date: app.i18n.formatDate.value(deleted.sitting.completedAt) })}</span>
            <button
              type="button"
              class="link-button"
              ref={(button) => {
                // Just after a delete, Undo is what the person may want: the focus goes to it.
                if (button && focusUndo.current) {
                  focusUndo.current = false;
                  button.focus();
                }
              }}
              onClick={async () => {
                if (!(await history.restore(deleted))) return;
                // Said where the deletion was said, and the focus, which was on Undo, goes back to the list.
                setUndone(t('sittings.restored', { date: app.i18n.formatDate.value(deleted.sitting.completedAt) }));
                focusList.current = true;
              }}
            >
              {t('sittings.undo')}
            </button>
          </>
        ) : null}
      </div>
    </>
  );
}
