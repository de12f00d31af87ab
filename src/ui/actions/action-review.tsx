import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ACTION_STATUSES, MAX_ACTION_TEXT, withAction, type ActionStatus, type UnitAction } from '../../core/actions/actions';
import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../app-context';
import type { MessageKey } from '../i18n/en-dashboard';
import { describeStorageError } from '../storage-errors';
import { changeActions } from './actions-store';

export interface ActionReviewProps {
  questionnaire: Questionnaire;
  /** The actions chosen after earlier results and not yet reviewed. */
  actions: readonly UnitAction[];
  contentLanguage: string;
  onContinue: () => void;
}

const TYPING_PAUSE_MS = 400;

/**
 * Before the questions of a new sitting: how each action chosen last time went (done,
 * partly, not done, and a note). Each answer is stored as it is given; the person may
 * also go on to the questions without answering.
 */
export function ActionReview({ questionnaire, actions, contentLanguage, onContinue }: ActionReviewProps) {
  const app = useApp();
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const [reviews, setReviews] = useState<Readonly<Record<string, { status: ActionStatus | null; note: string }>>>(() => Object.fromEntries(actions.map((a) => [a.id, { status: null, note: '' }])));
  const [problem, setProblem] = useState<string | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);

  function store(action: UnitAction, status: ActionStatus, note: string) {
    const reviewed: UnitAction = { ...action, review: { status, note, at: app.now().toISOString() } };
    changeActions(app.store, questionnaire.id, (record) => withAction(record, questionnaire.id, reviewed)).then(
      () => setProblem(null),
      (error: unknown) => setProblem(describeStorageError(error)),
    );
  }

  function choose(action: UnitAction, status: ActionStatus) {
    const note = reviews[action.id]?.note ?? '';
    setReviews((all) => ({ ...all, [action.id]: { status, note } }));
    store(action, status, note);
  }

  function write(action: UnitAction, note: string, now: boolean) {
    const status = reviews[action.id]?.status ?? null;
    setReviews((all) => ({ ...all, [action.id]: { status, note } }));
    clearTimeout(timers.current.get(action.id));
    // A note is stored with a status; until one is chosen it waits on the page.
    if (!status) return;
    if (now) store(action, status, note);
    else timers.current.set(action.id, setTimeout(() => store(action, status, note), TYPING_PAUSE_MS));
  }

  return (
    <section class="action-review" aria-labelledby="review-heading">
      <h2 id="review-heading" tabIndex={-1} ref={heading}>{t('review.heading')}</h2>
      <p class="hint">{t('review.hint', { count: actions.length })}</p>
      {actions.map((action) => {
        const dimension = questionnaire.dimensions.find((d) => d.id === action.dimension);
        const state = reviews[action.id] ?? { status: null, note: '' };
        const base = `review-${action.id}`;
        return (
          <fieldset key={action.id} class="review-entry">
            <legend>
              <span lang={contentLanguage}>{dimension ? text(dimension.name) : action.dimension}</span>
              {action.text ? <>: <q>{action.text}</q></> : null}
            </legend>
            <p class="hint small">
              {action.by
                ? t('review.chosenBy', { date: app.i18n.formatDay.value(action.createdAt), by: app.i18n.formatDay.value(action.by) })
                : t('review.chosen', { date: app.i18n.formatDay.value(action.createdAt) })}
            </p>
            <div class="review-statuses">
              {ACTION_STATUSES.map((status) => (
                <label key={status}>
                  <input type="radio" name={base} value={status} checked={state.status === status} onChange={() => choose(action, status)} />
                  {t(`review.status.${status}` as MessageKey)}
                </label>
              ))}
            </div>
            <label for={`${base}-note`}>{t('review.note')}</label>
            <textarea
              id={`${base}-note`}
              rows={2}
              maxLength={MAX_ACTION_TEXT}
              value={state.note}
              onInput={(event) => write(action, event.currentTarget.value, false)}
              onBlur={(event) => write(action, event.currentTarget.value, true)}
            />
          </fieldset>
        );
      })}
      {problem ? <p class="notice notice-error" role="alert">{t('actions.notSaved', { detail: problem })}</p> : null}
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={onContinue}>{t('review.continue')}</button>
      </div>
    </section>
  );
}
