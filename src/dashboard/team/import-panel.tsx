import { useRef, useState } from 'preact/hooks';
import { MAX_PASTE_CHARS } from '../../core/round/code-text';
import { useT } from '../../ui/app-context';
import { describeCodeProblemIn } from '../../ui/team/code-problem-words';
import type { RoundModelInstance } from '../../ui/team/round-model';
import { codeExcerpt, codesIn, type ImportInput } from '../../ui/team/team-store';

const MAX_FILES = 2_000;

/** Paste many codes or choose files; each is opened, checked and counted, or refused with a reason. */
export function ImportPanel({ model }: { model: RoundModelInstance }) {
  const t = useT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  // After Import, the focus moves to what happened (counted, and each refusal with its reason).
  const reportRef = useRef<HTMLDivElement>(null);
  const outcome = model.lastImport.value;
  const busy = outcome.kind === 'busy';
  const report = outcome.kind === 'done' ? outcome.report : null;

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    if (text.length > MAX_PASTE_CHARS) return setError(t('team.pasteTooLong'));
    // Each pasted code is named by its number and its beginning and end, so a refused one can be found.
    const inputs: ImportInput[] = codesIn({ source: '', text }, (n, code) => t('team.codeNumberExcerpt', { n, excerpt: codeExcerpt(code) }));
    const pasted = inputs.length;
    if (files.some((file) => file.size > MAX_PASTE_CHARS)) return setError(t('team.pasteTooLong'));
    for (const file of files.slice(0, MAX_FILES)) {
      const content = await file.text();
      inputs.push(...codesIn({ source: file.name, text: content }, (n) => `${file.name} (${n})`));
    }
    if (inputs.length === 0) return setError(t('team.nothingToImport'));
    await model.importInputs(inputs);
    const outcome = model.lastImport.peek();
    if (outcome.kind !== 'done') return;
    // Refused pasted codes stay in the box, to be corrected or asked for again; counted ones go.
    const refusedPasted = inputs.slice(0, pasted).filter((_, i) => outcome.report.entries[i]?.status === 'refused').map((input) => input.text);
    setText(refusedPasted.join('\n\n'));
    setFiles([]);
    const picker = document.getElementById('import-files') as HTMLInputElement | null;
    if (picker) picker.value = '';
    performance.mark('shiftmeter:team-imported');
    requestAnimationFrame(() => reportRef.current?.focus());
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
      {outcome.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('team.importFailed', { detail: outcome.detail })}</p> : null}
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
