import { useMemo, useState } from 'preact/hooks';
import type { RestoreMode } from '../../core/backup/restore-plan';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { SaveProblemNotice } from '../../ui/assessment/save-problem-notice';
import { createDataModel } from '../../ui/data-model';
import { dateStamp, downloadText } from '../../ui/download';
import { useReadyMark } from '../../ui/ready';
import { EraseEverything } from './erase-everything';
import { RestorePanel } from './restore-panel';

/** Export, restore and erase: the person's data, in the person's hands. */
export function DataView() {
  const app = useApp();
  const t = useT();
  const vault = useRoundVault();
  const data = useMemo(() => createDataModel(app.store, app.catalog, app.now, vault), []);
  const [status, setStatus] = useState('');
  useReadyMark(true);

  return (
    <section aria-labelledby="data-heading">
      <h1 id="data-heading" tabIndex={-1}>{t('data.heading')}</h1>
      <p>{t('data.intro')}</p>
      <h2>{t('data.export')}</h2>
      <div class="button-row start">
        <button type="button" class="button" onClick={async () => {
          downloadText(`shiftmeter-backup-${dateStamp(app.now())}.json`, await data.backupText(), 'application/json');
          setStatus(t('data.exported'));
        }}>{t('data.exportBackup')}</button>
        <button type="button" class="button" onClick={async () => {
          downloadText(`shiftmeter-sittings-${dateStamp(app.now())}.csv`, await data.csvText(), 'text/csv');
          setStatus(t('data.exported'));
        }}>{t('data.exportCsv')}</button>
      </div>
      <p class="hint">{t('data.exportHint')}</p>
      <p role="status" class="hint">{status}</p>
      <RestorePanel data={data} onDone={(mode: RestoreMode) => setStatus(t(mode === 'replace' ? 'data.replaced' : 'data.merged'))} />
      <SaveProblemNotice model={{ saveProblem: data.saveProblem, retry: async () => undefined }} />
      <EraseEverything data={data} />
    </section>
  );
}
