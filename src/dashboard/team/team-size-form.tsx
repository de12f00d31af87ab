import { useState } from 'preact/hooks';
import { MAX_TEAM_SIZE, type Round } from '../../core/round/round-record';
import { useT } from '../../ui/app-context';
import type { RoundModelInstance } from '../../ui/team/round-model';

/**
 * How many people the lead invited. Shiftmeter cannot tell one person's second code
 * from a colleague's first; with the team's size it can at least say when more codes
 * came in than people were asked.
 */
export function TeamSizeForm({ model, round }: { model: RoundModelInstance; round: Round }) {
  const t = useT();
  const [text, setText] = useState(round.teamSize === undefined ? '' : String(round.teamSize));
  const [invalid, setInvalid] = useState(false);
  const saved = model.teamSizeSaved.value;

  async function save(event: Event) {
    event.preventDefault();
    const size = text.trim() === '' ? null : Number(text);
    if (size !== null && (!Number.isInteger(size) || size < 1 || size > MAX_TEAM_SIZE)) return setInvalid(true);
    setInvalid(false);
    await model.saveTeamSize(size);
  }

  const message = invalid ? { error: true, text: t('team.teamSizeInvalid') }
    : saved === null ? null
      : saved.ok ? { error: false, text: t('team.teamSizeSaved') } : { error: true, text: t('team.saveFailed', { detail: saved.detail ?? '' }) };
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
