import { useRef, useState } from 'preact/hooks';
import type { Questionnaire } from '../../core/questionnaire/types';
import { MAX_PASTE_CHARS } from '../../core/round/code-text';
import type { RoundState } from '../../core/round/round-state';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { describeStorageError } from '../../ui/storage-errors';
import { describeCodeProblemIn } from '../../ui/team/code-problem-words';
import { codesIn, importCodes, type ImportInput, type ImportReport } from '../../ui/team/team-store';

const MAX_FILES = 2_000;

/** Paste many codes or choose files; each is opened, checked and counted, or refused with a reason. */
export function ImportPanel({ roundId, questionnaire, onImported }: { roundId: string; questionnaire: Questionnaire; onImported: (state: RoundState) => void }) {
  const app = useApp();
  const vault = useRoundVault();
  const t = useT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // After Import, the focus moves to what happened (counted, and each refusal with its reason).
  const reportRef = useRef<HTMLDivElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    if (text.length > MAX_PASTE_CHARS) return setError(t('team.pasteTooLong'));
    const inputs: ImportInput[] = codesIn({ source: '', text }, (n) => t('team.codeNumber', { n }));
    if (files.some((file) => file.size > MAX_PASTE_CHARS)) return setError(t('team.pasteTooLong'));
    for (const file of files.slice(0, MAX_FILES)) {
      const content = await file.text();
      inputs.push(...codesIn({ source: file.name, text: content }, (n) => `${file.name} (${n})`));
    }
    if (inputs.length === 0) return setError(t('team.nothingToImport'));
    setBusy(true);
    try {
      const result = await importCodes(app.store, vault, roundId, questionnaire, inputs);
      setReport(result);
      onImported(result.state);
      setText('');
      setFiles([]);
      const picker = document.getElementById('import-files') as HTMLInputElement | null;
      if (picker) picker.value = '';
      performance.mark('shiftmeter:team-imported');
      requestAnimationFrame(() => reportRef.current?.focus());
    } catch (problem) {
      setError(t('team.importFailed', { detail: describeStorageError(problem) }));
    } finally {
      setBusy(false);
    }
  }

  const counted = report?.entries.filter((e) => e.status === 'counted').length ?? 0;
  const refused = report?.entries.filter((e) => e.status !== 'counted') ?? [];

  return (
    <section class="section" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('team.import')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <div class="field">
          <label for="import-codes">{t('team.pasteCodes')}</label>
          <textarea id="import-codes" class="code-text" rows={6} spellcheck={false} value={text} aria-describedby="import-codes-hint"
            onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)} />
          <p id="import-codes-hint" class="hint small">{t('team.pasteHint')}</p>
        </div>
        <div class="field">
          <label for="import-files">{t('team.chooseFiles')}</label>
          <input id="import-files" type="file" multiple accept=".txt,text/plain"
            onChange={(event) => setFiles([...((event.currentTarget as HTMLInputElement).files ?? [])])} />
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>{t('team.importButton')}</button>
      </form>
      {error ? <p class="notice notice-error" role="alert">{error}</p> : null}
      <div role="status" data-testid="import-report" tabIndex={-1} ref={reportRef}>
        {report ? (
          <>
            <p>{t('team.importSummary', { counted, refused: refused.length })}</p>
            {refused.length > 0 ? (
              <table class="data-table text-table" data-testid="refused-table">
                <caption>{t('team.refusedCaption')}</caption>
                <thead><tr><th scope="col">{t('team.source')}</th><th scope="col">{t('team.reason')}</th></tr></thead>
                <tbody>
                  {refused.map((entry, i) => (
                    <tr key={i}>
                      <th scope="row">{entry.source}</th>
                      <td>{entry.status === 'duplicate' ? t('team.problemDuplicate') : entry.status === 'refused' ? describeCodeProblemIn(t, entry.problem) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
