import { useApp, useT } from '../../ui/app-context';
import type { HistoryModel } from '../../ui/history/history-model';
import { lastDeleted } from '../../ui/history/undo';
import { useReadyMark } from '../../ui/ready';
import { SetAsideNotice } from '../set-aside-notice';
import { SittingDetail } from './sitting-detail';
import { SittingsList } from './sittings-list';

/** The list of sittings, or one sitting; a deleted one can be brought back from here. */
export function SittingsView({ history, sittingId }: { history: HistoryModel; sittingId: string | undefined }) {
  const t = useT();
  const app = useApp();
  useReadyMark(history.loaded.value);
  if (!history.loaded.value) return <p role="status">{t('common.loading')}</p>;
  const deleted = lastDeleted.value;
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
        {deleted ? (
          <>
            <span>{t('sittings.deleted', { date: app.i18n.formatDate.value(deleted.sitting.completedAt) })}</span>
            <button
              type="button"
              class="link-button"
              onClick={async () => {
                if (await history.restore(deleted)) lastDeleted.value = null;
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
