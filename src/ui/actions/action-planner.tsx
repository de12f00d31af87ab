import { useEffect, useRef, useState } from 'preact/hooks';
import {
  actionId, dayToStored, MAX_ACTIONS_PER_SITTING, MAX_ACTION_TEXT, storedToDay, suggestedDimensions, withAction, withoutAction, type UnitAction,
} from '../../core/actions/actions';
import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import type { QuestionnaireScore } from '../../core/scoring';
import type { Sitting } from '../../core/storage/records';
import { useApp, useT } from '../app-context';
import { describeStorageError } from '../storage-errors';
import { changeActions, readQuestionnaireActions } from './actions-store';

export interface ActionPlannerProps {
  questionnaire: Questionnaire;
  sitting: Sitting;
  score: QuestionnaireScore;
  contentLanguage: string;
}

type SaveState = { kind: 'idle' } | { kind: 'saved' } | { kind: 'failed'; detail: string };

/** How long typing may pause before what was typed is stored (it is stored on leaving the field too). */
const TYPING_PAUSE_MS = 400;

/**
 * After a result: up to three dimensions to work on, each with what the unit will try and
 * by when. Every choice is stored as it is made (a popup closes whenever the person clicks
 * elsewhere); the next sitting of the questionnaire asks how each went.
 */
export function ActionPlanner({ questionnaire, sitting, score, contentLanguage }: ActionPlannerProps) {
  const app = useApp();
  const t = useT();
  const [chosen, setChosen] = useState<Readonly<Record<string, UnitAction>>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const suggested = suggestedDimensions(score);
  const scored = score.dimensions.filter((d) => d.now !== null);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);

  // Dimensions the person has chosen, dropped or edited here: what is stored for them was read before that, and must not undo it.
  const touched = useRef(new Set<string>());

  useEffect(() => {
    void readQuestionnaireActions(app.store, questionnaire.id).then((record) => {
      const mine = (record?.actions ?? []).filter((action) => action.sittingId === sitting.id && !touched.current.has(action.dimension));
      setChosen((current) => ({ ...current, ...Object.fromEntries(mine.map((action) => [action.dimension, action])) }));
    }, () => undefined);
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, [questionnaire.id, sitting.id]);

  async function store(change: Parameters<typeof changeActions>[2]) {
    try {
      await changeActions(app.store, questionnaire.id, change);
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'failed', detail: describeStorageError(error) });
    }
  }

  function toggle(dimension: string, on: boolean) {
    touched.current.add(dimension);
    if (on) {
      const action: UnitAction = { id: actionId(sitting.id, dimension), sittingId: sitting.id, dimension, text: '', createdAt: app.now().toISOString() };
      setChosen((current) => ({ ...current, [dimension]: action }));
      void store((record) => withAction(record, questionnaire.id, action));
    } else {
      const id = chosen[dimension]?.id ?? actionId(sitting.id, dimension);
      setChosen(({ [dimension]: _dropped, ...rest }) => rest);
      void store((record) => withoutAction(record, questionnaire.id, id));
    }
  }

  /** Applies an edit at once on the page, and stores it after a pause in typing (or at once). */
  function edit(dimension: string, patch: Partial<UnitAction>, now = false) {
    const current = chosen[dimension];
    if (!current) return;
    touched.current.add(dimension);
    const next: UnitAction = { ...current, ...patch };
    if (next.by === undefined) delete next.by;
    setChosen((all) => ({ ...all, [dimension]: next }));
    clearTimeout(timers.current.get(dimension));
    const write = () => void store((record) => withAction(record, questionnaire.id, next));
    if (now) write();
    else timers.current.set(dimension, setTimeout(write, TYPING_PAUSE_MS));
  }

  const full = Object.keys(chosen).length >= MAX_ACTIONS_PER_SITTING;
  return (
    <section class="action-plan" aria-labelledby="plan-heading">
      <h3 id="plan-heading">{t('actions.heading')}</h3>
      <p class="hint small">{t('actions.hint')}</p>
      <fieldset class="radio-column">
        <legend>{t('actions.choose')}</legend>
        {scored.map((entry) => {
          const dimension = questionnaire.dimensions.find((d) => d.id === entry.dimension)!;
          const on = chosen[entry.dimension] !== undefined;
          return (
            <label key={entry.dimension} lang={contentLanguage}>
              <input type="checkbox" checked={on} disabled={!on && full} onChange={(event) => toggle(entry.dimension, event.currentTarget.checked)} />
              {suggested.includes(entry.dimension) ? t('actions.suggested', { name: text(dimension.name) }) : text(dimension.name)}
            </label>
          );
        })}
      </fieldset>
      {/* Always in the page, so that reaching the limit is announced: the other boxes are then disabled and leave the tab order. */}
      <p class="hint small" aria-live="polite">{full ? t('actions.limit') : ''}</p>
      {questionnaire.dimensions.filter((d) => chosen[d.id]).map((dimension) => {
        const action = chosen[dimension.id]!;
        const base = `action-${dimension.id}`;
        return (
          // A group named by its dimension: each entry's fields have the same labels, and the group says which dimension they are for.
          <fieldset key={dimension.id} class="action-entry" aria-labelledby={`${base}-name`}>
            <h4 id={`${base}-name`} lang={contentLanguage}>{text(dimension.name)}</h4>
            {dimension.reflection ? (
              <ul class="hint small" lang={contentLanguage}>
                <li>{text(dimension.reflection.singleLoop)}</li>
                <li>{text(dimension.reflection.doubleLoop)}</li>
              </ul>
            ) : null}
            <label for={`${base}-text`}>{t('actions.what')}</label>
            <textarea
              id={`${base}-text`}
              rows={3}
              maxLength={MAX_ACTION_TEXT}
              value={action.text}
              onInput={(event) => edit(dimension.id, { text: event.currentTarget.value })}
              onBlur={(event) => edit(dimension.id, { text: event.currentTarget.value }, true)}
            />
            <label for={`${base}-by`}>{t('actions.by')}</label>
            <input
              id={`${base}-by`}
              type="date"
              value={storedToDay(action.by)}
              // Kept on input too: a render between a browser's input and change events would otherwise put the old date back.
              onInput={(event) => edit(dimension.id, { by: dayToStored(event.currentTarget.value) })}
              onChange={(event) => edit(dimension.id, { by: dayToStored(event.currentTarget.value) }, true)}
            />
          </fieldset>
        );
      })}
      <p role="status" class={save.kind === 'failed' ? 'notice notice-error' : 'hint small'}>
        {save.kind === 'saved' ? t('actions.saved') : save.kind === 'failed' ? t('actions.notSaved', { detail: save.detail }) : ''}
      </p>
    </section>
  );
}
