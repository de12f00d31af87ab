import { useState } from 'preact/hooks';
import { MAX_TEAM_SIZE, type Round } from '../../core/round/round-record';
import { useApp, useT } from '../../ui/app-context';
import { describeStorageError } from '../../ui/storage-errors';
import { setTeamSize } from '../../ui/team/team-store';

/**
 * How many people the lead invited. Shiftmeter cannot tell one person's second code
 * from a colleague's first; with the team's size it can at least say when more codes
 * came in than people were asked.
 */
export function TeamSizeForm({ round, onSaved }: { round: Round; onSaved: (round: Round) => void }) {
  const app = useApp();
  const t = useT();
  const [text, setText] = useState(round.teamSize === undefined ? '' : String(round.teamSize));
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const size = text.trim() === '' ? null : Number(text);
    if (size !== null && (!Number.isInteger(size) || size < 1 || size > MAX_TEAM_SIZE)) return setMessage({ error: true, text: t('team.teamSizeInvalid') });
    try {
      onSaved(await setTeamSize(app.store, round, size));
      setMessage({ error: false, text: t('team.teamSizeSaved') });
    } catch (problem) {
      setMessage({ error: true, text: t('team.saveFailed', { detail: describeStorageError(problem) }) });
    }
  }

  return (
    <form class="inline-form" onSubmit={(event) => void save(event)} noValidate>
      <div class="field">
        <label for="team-size">{t('team.teamSize')}</label>
        <input id="team-size" type="number" min={1} max={MAX_TEAM_SIZE} step={1} value={text} aria-describedby="team-size-hint"
          onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
        <p id="team-size-hint" class="hint small">{t('team.teamSizeHint')}</p>
      </div>
      <button type="submit" class="button">{t('team.teamSizeSave')}</button>
      <p role="status" class={message?.error ? 'notice notice-error' : 'hint'}>{message?.text ?? ''}</p>
    </form>
  );
}
