import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { contentLanguage, textIn } from '../../core/questionnaire/types';
import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP, MAX_MIN_GROUP } from '../../core/round/disclosure';
import { MAX_ROUND_NAME } from '../../core/round/invitation';
import { MAX_TEAM_SIZE } from '../../core/round/round-record';
import { useApp, useRoundVault, useT } from '../../ui/app-context';
import { navigate } from '../../ui/hash-route';
import { useReadyMark } from '../../ui/ready';
import { RoundsModel, type RoundsModelInstance } from '../../ui/team/rounds-model';

/** The lead's rounds, and the form that starts a new one. */
export function RoundsHome() {
  const app = useApp();
  const vault = useRoundVault();
  const t = useT();
  const model = useModel(() => new RoundsModel({ store: app.store, vault, catalog: app.catalog, now: app.now, minimumGroupFloor: () => app.policy.value.minimumGroupFloor ?? null }));
  const list = model.list.value;
  useReadyMark(list.kind !== 'loading');
  const language = app.i18n.language.value;
  const titleOf = (id: string) => {
    const entry = app.catalog.find(id);
    return entry ? textIn(entry.title, contentLanguage(entry, language)) : id;
  };

  return (
    <>
      <h1 tabIndex={-1}>{t('team.heading')}</h1>
      <p class="hint">{t('team.intro')}</p>
      <StartRoundForm model={model} />
      <section class="section" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">{t('team.rounds')}</h2>
        {list.kind === 'loading' ? <p role="status">{t('common.loading')}</p>
          : list.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('error.load', { detail: list.detail })}</p>
            : list.rounds.length === 0 ? <p>{t('team.noRounds')}</p> : (
          <ul class="round-list" data-testid="round-list">
            {list.rounds.map((round) => (
              <li key={round.id}>
                <a href={`#/team/round/${encodeURIComponent(round.id)}`}>{round.name}</a>
                <span class="hint"> · {titleOf(round.questionnaire.id)} · {app.i18n.formatDate.value(round.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function StartRoundForm({ model }: { model: RoundsModelInstance }) {
  const app = useApp();
  const t = useT();
  const language = app.i18n.language.value;
  // Any questionnaire here: the round binds its content hash, and the invitation file brings it to members who lack it.
  const offered = app.catalog.entries;
  const [questionnaireId, setQuestionnaireId] = useState(offered[0]?.id ?? '');
  const [name, setName] = useState('');
  // The organisation may set a floor above Shiftmeter's own lowest (docs/deploying.md).
  const floor = app.policy.value.minimumGroupFloor ?? null;
  const lowest = Math.max(LOWEST_MIN_GROUP, floor ?? 0);
  const [minGroup, setMinGroup] = useState(String(Math.max(DEFAULT_MIN_GROUP, lowest)));
  const [teamSize, setTeamSize] = useState('');
  const [error, setError] = useState<string | null>(null);
  const starting = model.starting.value;
  const busy = starting.kind === 'busy';

  async function submit(event: Event) {
    event.preventDefault();
    const size = Number(minGroup);
    if (name.trim() === '') return setError(t('team.nameMissing'));
    if (!Number.isInteger(size) || size < lowest || size > MAX_MIN_GROUP) return setError(t('team.minGroupInvalid', { min: lowest }));
    const team = teamSize.trim() === '' ? undefined : Number(teamSize);
    if (team !== undefined && (!Number.isInteger(team) || team < 1 || team > MAX_TEAM_SIZE)) return setError(t('team.teamSizeInvalid'));
    setError(null);
    const id = await model.start({ questionnaireId, name, minGroup: size, ...(team === undefined ? {} : { teamSize: team }) });
    if (id) navigate('team', 'round', id);
  }

  return (
    <form class="section" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{t('team.start')}</legend>
        <div class="field">
          <label for="round-questionnaire">{t('team.questionnaire')}</label>
          <select id="round-questionnaire" value={questionnaireId} onChange={(event) => setQuestionnaireId((event.currentTarget as HTMLSelectElement).value)}>
            {offered.map((entry) => {
              const lang = contentLanguage(entry, language);
              return <option key={entry.id} value={entry.id} lang={lang}>{textIn(entry.title, lang)}</option>;
            })}
          </select>
        </div>
        <div class="field">
          <label for="round-name">{t('team.name')}</label>
          <input id="round-name" type="text" required maxLength={MAX_ROUND_NAME} value={name} aria-describedby="round-name-hint"
            onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)} />
          <p id="round-name-hint" class="hint small">{t('team.nameHint')}</p>
        </div>
        <div class="field">
          <label for="round-min-group">{t('team.minGroup')}</label>
          <input id="round-min-group" type="number" min={lowest} max={MAX_MIN_GROUP} step={1} required value={minGroup} aria-describedby="round-min-group-hint"
            onInput={(event) => setMinGroup((event.currentTarget as HTMLInputElement).value)} />
          {/* The least allowed, said once: the organisation's floor where it has set one. */}
          <p id="round-min-group-hint" class="hint small">{t('team.minGroupHint')} {floor !== null ? t('team.minGroupFloor', { min: floor }) : t('team.minGroupAtLeast', { min: lowest })}</p>
        </div>
        <div class="field">
          <label for="round-team-size">{t('team.teamSize')}</label>
          <input id="round-team-size" type="number" min={1} max={MAX_TEAM_SIZE} step={1} value={teamSize} aria-describedby="round-team-size-hint"
            onInput={(event) => setTeamSize((event.currentTarget as HTMLInputElement).value)} />
          <p id="round-team-size-hint" class="hint small">{t('team.teamSizeHint')}</p>
        </div>
        {error ? <p class="notice notice-error" role="alert">{error}</p> : null}
        {!error && starting.kind === 'failed' ? <p class="notice notice-error" role="alert">{t('team.startFailed', { detail: starting.detail })}</p> : null}
        {!error && starting.kind === 'below-floor' ? <p class="notice notice-error" role="alert">{t('team.minGroupInvalid', { min: starting.floor })}</p> : null}
        {!error && starting.kind === 'no-questionnaire' ? <p class="notice notice-error" role="alert">{t('dashboard.notFound')}</p> : null}
        <button type="submit" class="button button-primary" disabled={busy}>{t('team.startButton')}</button>
      </fieldset>
    </form>
  );
}
