import { useState } from 'preact/hooks';
import { useT } from '../../ui/app-context';
import { downloadText } from '../../ui/download';

/** A code to send on: shown in a read-only box, with Copy and Download. */
export function CodeBox({ id, label, code, fileName }: { id: string; label: string; code: string; fileName: string }) {
  const t = useT();
  const [status, setStatus] = useState<string>('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setStatus(t('team.copied'));
    } catch {
      (document.getElementById(id) as HTMLTextAreaElement | null)?.select();
      setStatus(t('team.copyFailed'));
    }
  }
  return (
    <div class="code-box">
      <label for={id}>{label}</label>
      <textarea id={id} class="code-text" readOnly rows={4} spellcheck={false} value={code} onFocus={(event) => (event.currentTarget as HTMLTextAreaElement).select()} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copy()}>{t('team.copy')}</button>
        <button type="button" class="button" onClick={() => {
          downloadText(fileName, `${code}\n`, 'text/plain');
          setStatus(t('data.exported'));
        }}>{t('team.download')}</button>
      </div>
      <p class="hint small" role="status">{status}</p>
    </div>
  );
}
