import { useState } from 'preact/hooks';
import type { RestoreMode } from '../../core/backup/restore-plan';
import { useApp, useT } from '../../ui/app-context';
import { formatLocale } from '../../ui/i18n/languages';
import type { DataModelInstance } from '../../ui/data-model';
import { FileRefusal } from '../../ui/file-refusal';

const MODES: readonly RestoreMode[] = ['merge-keep-mine', 'merge-take-backup', 'replace'];

/** Restore from a backup: first what it holds and what would change, then the person's choice. */
export function RestorePanel({ data }: { data: DataModelInstance }) {
  const t = useT();
  const [mode, setMode] = useState<RestoreMode>('merge-keep-mine');
  const state = data.restore.value;
  const refused = state.kind === 'refused' || state.kind === 'refused-rounds' || state.kind === 'too-big' || state.kind === 'unreadable' || state.kind === 'read-failed';
  const { language } = useApp().i18n;
  const roundList = (names: readonly string[]) =>
    new Intl.ListFormat(formatLocale(language.value), { type: 'conjunction' }).format(names.map((name) => t('data.roundName', { name })));
  return (
    <>
      <h2>{t('data.restore')}</h2>
      <div class="field">
        <label for="restore-file">{t('data.chooseBackup')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = (event.currentTarget as HTMLInputElement).files?.[0];
            // What the file would change, or why it was refused, is where the focus goes next.
            if (file) void data.readBackupFile(file).then(() => requestAnimationFrame(() => document.getElementById('restore-outcome')?.focus()));
          }}
        />
      </div>
      <div role="alert" class={refused ? 'notice notice-error' : 'notice-empty'} data-testid="restore-refused" id={refused ? 'restore-outcome' : undefined} tabIndex={-1}>
        {state.kind === 'refused-rounds' ? <p data-testid="restore-refused-rounds">{t('data.refusedRounds', { names: roundList(state.rounds) })}</p> : null}
        {state.kind === 'refused' ? <FileRefusal expected="backup" found={state.found} problems={state.problems} /> : null}
        {state.kind === 'too-big' ? <p>{t('file.tooBigBackup', { size: state.size, max: state.max })}</p> : null}
        {state.kind === 'unreadable' ? <p>{t('course.unreadable')}</p> : null}
        {state.kind === 'read-failed' ? <p>{t('error.load', { detail: state.detail })}</p> : null}
      </div>
      {state.kind === 'preview' ? (
        <form
          class="restore-preview"
          onSubmit={(event) => {
            event.preventDefault();
            void data.applyRestore(mode);
          }}
        >
          <p id="restore-outcome" tabIndex={-1}>{t('data.previewIntro', { date: state.backup.exportedAt.slice(0, 10) })}</p>
          <ul data-testid="restore-preview">
            <li>{t('data.previewNew', { count: state.preview.added.length })}</li>
            <li>{t('data.previewIdentical', { count: state.preview.identical.length })}</li>
            <li>{t('data.previewConflicting', { count: state.preview.conflicting.length })}</li>
            <li>{t('data.previewOnlyHere', { count: state.preview.onlyHere.length })}</li>
            {state.preview.keptQuestionnaires.length > 0 ? <li data-testid="restore-kept-questionnaires">{t('data.previewKeptQuestionnaires', { count: state.preview.keptQuestionnaires.length })}</li> : null}
            {state.preview.keptRounds.length > 0 ? <li data-testid="restore-kept-rounds">{t('data.previewKeptRounds', { count: state.preview.keptRounds.length })}</li> : null}
          </ul>
          <fieldset class="radio-column">
            <legend>{t('data.mode')}</legend>
            {MODES.map((value) => (
              <label key={value}>
                <input type="radio" name="restore-mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
                {t(`data.mode.${value}` as 'data.mode.replace')}
              </label>
            ))}
          </fieldset>
          <div class="button-row start">
            <button type="submit" class="button button-primary">{t('data.restoreNow')}</button>
            <button type="button" class="button" onClick={() => data.cancelRestore()}>{t('data.cancel')}</button>
          </div>
        </form>
      ) : null}
      {state.kind === 'done' ? <p role="status">{t('data.restored', { written: state.written, removed: state.removed })}</p> : null}
    </>
  );
}
