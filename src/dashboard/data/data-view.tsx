import { useModel } from '@preact/signals';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { SaveProblemNotice } from '../../ui/assessment/save-problem-notice';
import { DataModel } from '../../ui/data-model';
import { downloadText } from '../../ui/download';
import { useReadyMark } from '../../ui/ready';
import { EraseEverything } from './erase-everything';
import { RestorePanel } from './restore-panel';

/** Export, restore and erase: the person's data, in the person's hands. */
export function DataView() {
  const app = useApp();
  const t = useT();
  const vault = useRoundVault();
  const data = useModel(() => new DataModel({ store: app.store, catalog: app.catalog, now: app.now, vault }));
  useReadyMark(true);
  const status = data.status.value;
  const exportFailure = data.exportFailure.value;

  async function download(kind: 'backup' | 'csv' | 'actions-csv') {
    const file = await data.exportFile(kind);
    if (file) downloadText(file.name, file.text, file.type);
  }

  return (
    <section aria-labelledby="data-heading">
      <h1 id="data-heading" tabIndex={-1}>{t('data.heading')}</h1>
      <p>{t('data.intro')}</p>
      <h2>{t('data.export')}</h2>
      <div class="button-row start">
        <button type="button" class="button" onClick={() => void download('backup')}>{t('data.exportBackup')}</button>
        <button type="button" class="button" onClick={() => void download('csv')}>{t('data.exportCsv')}</button>
        <button type="button" class="button" onClick={() => void download('actions-csv')}>{t('data.exportActionsCsv')}</button>
      </div>
      <p class="hint">{t('data.exportHint')}</p>
      {exportFailure !== null ? <p class="notice notice-error" role="alert">{t('data.exportFailed', { detail: exportFailure })}</p> : null}
      <p role="status" class="hint">
        {status.kind === 'exported' ? t('data.exported') : ''}
      </p>
      <RestorePanel data={data} />
      {/* A failed restore or erase is tried again from its own button, so Retry here does nothing. */}
      <SaveProblemNotice model={{ saveProblem: data.saveProblem, retry: async () => undefined }} />
      <EraseEverything data={data} />
    </section>
  );
}
