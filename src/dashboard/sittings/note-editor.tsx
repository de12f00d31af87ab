import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../core/storage/records';
import { useT } from '../../ui/app-context';
import type { HistoryModelInstance } from '../../ui/history/history-model';

const SAVE_DELAY_MS = 400;

/** A reflection note, saved as it is typed (after a short pause) and when the field is left. */
export function NoteEditor({ history, sittingId }: { history: HistoryModelInstance; sittingId: string }) {
  const t = useT();
  const stored = history.notes.value[sittingId]?.text ?? '';
  const [text, setText] = useState(stored);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editing = useRef(false);

  // Leaving the page while a save is pending saves at once rather than dropping it.
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => () => {
    if (timer.current) {
      clearTimeout(timer.current);
      void history.saveNote(sittingId, latest.current);
    }
  }, []);

  // A note changed in another tab shows here, unless the person is typing in this one.
  useEffect(() => {
    if (!editing.current) setText(stored);
  }, [stored]);

  async function save(value: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setStatus((await history.saveNote(sittingId, value)) ? 'saved' : 'failed');
  }

  return (
    <div class="field note-field">
      <label for="note">{t('sittings.noteLabel')}</label>
      <p class="hint small" id="note-hint">{t('sittings.noteHint')}</p>
      <textarea
        id="note"
        aria-describedby="note-hint note-status"
        maxLength={MAX_NOTE_LENGTH}
        value={text}
        onInput={(event) => {
          const value = (event.currentTarget as HTMLTextAreaElement).value;
          editing.current = true;
          setText(value);
          // The status stays as it is while typing: emptied at each key and filled after each pause, it said
          // "Note saved." over the person every 400 ms. It speaks when it changes (saved, or not saved).
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), SAVE_DELAY_MS);
        }}
        onBlur={() => {
          editing.current = false;
          if (timer.current) void save(text);
        }}
      />
      <p id="note-status" class="hint small" role="status">
        {status === 'saved' ? t('sittings.noteSaved') : status === 'failed' ? t('save.failed') : ''}
      </p>
    </div>
  );
}
