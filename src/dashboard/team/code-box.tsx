import { useState } from 'preact/hooks';
import { useT } from '../../ui/app-context';
import { downloadText } from '../../ui/download';

/**
 * A code to send on: shown in a read-only box, with Copy and Download; with `message`, also
 * a button that copies the code inside a message that tells the reader what to do with it.
 */
export function CodeBox({ id, label, code, fileName, message }: { id: string; label: string; code: string; fileName: string; message?: string | null }) {
  const t = useT();
  const [status, setStatus] = useState<string>('');
  async function copy(text: string, done: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(done);
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
        {message ? <button type="button" class="button button-primary" onClick={() => void copy(message, t('team.messageCopied'))}>{t('team.copyMessage')}</button> : null}
        <button type="button" class="button" onClick={() => void copy(code, t('team.copied'))}>{t('team.copy')}</button>
        <button type="button" class="button" onClick={() => {
          downloadText(fileName, `${code}\n`, 'text/plain');
          setStatus(t('data.exported'));
        }}>{t('team.download')}</button>
      </div>
      <p class="hint small" role="status">{status}</p>
    </div>
  );
}
