import { useRef, useState } from 'preact/hooks';
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
  const status = data.status.value;
  const refused = state.kind === 'refused' || state.kind === 'refused-rounds' || state.kind === 'too-big' || state.kind === 'unreadable' || state.kind === 'read-failed';
  const app = useApp();
  const { language } = app.i18n;
  const [confirmReplace, setConfirmReplace] = useState(false);
  const replaceWarning = useRef<HTMLDivElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
  const removes = state.kind === 'preview' ? state.preview.onlyHere.length : 0;
  async function restore() {
    setConfirmReplace(false);
    // The outcome is where the focus goes next; a write that failed leaves the choice in place, under its alert.
    await data.applyRestore(mode);
    requestAnimationFrame(() => document.getElementById('restore-done')?.focus());
  }
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
          aria-invalid={refused || undefined}
          aria-describedby={refused ? 'restore-outcome' : undefined}
          accept=".json,application/json"
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            // Emptied once read: the same file chosen again (after Cancel, or fixed in an editor) is read again.
            input.value = '';
            setConfirmReplace(false);
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
        // Not a form: Enter on a choice of mode would submit it, and "Replace" removes records.
        <div class="restore-preview">
          <p id="restore-outcome" tabIndex={-1}>{t('data.previewIntro', { date: app.i18n.formatDay.value(state.backup.exportedAt) })}</p>
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
                <input type="radio" name="restore-mode" value={value} checked={mode === value} onChange={() => { setMode(value); setConfirmReplace(false); }} />
                {t(`data.mode.${value}` as 'data.mode.replace')}
              </label>
            ))}
          </fieldset>
          {confirmReplace ? (
            <div class="notice notice-error" role="alert" tabIndex={-1} ref={replaceWarning}>
              <p>{t('data.replaceConfirm', { count: removes })}</p>
              <div class="button-row start">
                <button type="button" class="button button-danger" onClick={() => void restore()}>{t('data.replaceConfirmButton', { count: removes })}</button>
                <button type="button" class="button" onClick={() => {
                  setConfirmReplace(false);
                  requestAnimationFrame(() => restoreButton.current?.focus());
                }}>{t('data.cancel')}</button>
              </div>
            </div>
          ) : (
            <div class="button-row start">
              <button type="button" class="button button-primary" ref={restoreButton} onClick={() => {
                // Replacing would remove records kept only here: asked once more, with how many.
                if (mode !== 'replace' || removes === 0) return void restore();
                setConfirmReplace(true);
                requestAnimationFrame(() => replaceWarning.current?.focus());
              }}>{t('data.restoreNow')}</button>
              <button type="button" class="button" onClick={() => {
                data.cancelRestore();
                requestAnimationFrame(() => document.getElementById('restore-file')?.focus());
              }}>{t('data.cancel')}</button>
            </div>
          )}
        </div>
      ) : null}
      {/* One message, here: it was also said under Export, so a screen reader heard two. */}
      {state.kind === 'done' ? (
        <p role="status" id="restore-done" tabIndex={-1}>
          {status.kind === 'restored' ? `${t(status.mode === 'replace' ? 'data.replaced' : 'data.merged')} ` : null}
          {t('data.restored', { written: state.written, removed: state.removed })}
        </p>
      ) : null}
    </>
  );
}
