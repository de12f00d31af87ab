import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ACTION_STATUSES, dayToStored, MAX_ACTION_TEXT, type ActionStatus } from '../../core/actions/actions';
import type { StoredTeamFigures } from '../../core/round/figure-sums';
import { guideDimensions } from '../../core/round/guide';
import { MIN_GAP_TO_SUGGEST } from '../../core/suggested-gap';
import { MAX_ROUND_ACTIONS, type RoundActions } from '../../core/round/round-actions';
import type { Round } from '../../core/round/round-record';
import { dimensionPoles, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import type { MessageKey } from '../../ui/i18n/en-dashboard';
import { describeStorageError } from '../../ui/storage-errors';
import { changeAgreedActions, readAgreedActions } from '../../ui/team/round-actions-store';
import { listRounds } from '../../ui/team/team-store';

export interface ConversationGuideProps {
  round: Round;
  questionnaire: Questionnaire;
  figures: StoredTeamFigures;
  contentLanguage: string;
}

/**
 * A page for the team's meeting about a round's figures: the dimensions whose published
 * now and wanted lie furthest apart, what that means in words, the questions to discuss
 * on each, what the team agrees to try, and how last round's agreements went. It prints
 * without navigation or buttons (the print stylesheet).
 */
export function ConversationGuide({ round, questionnaire, figures, contentLanguage }: ConversationGuideProps) {
  const app = useApp();
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const number = app.i18n.formatNumber.value;
  const chosen = guideDimensions(figures);

  return (
    <article class="guide" aria-labelledby="guide-heading">
      <h1 id="guide-heading" tabIndex={-1}>{t('guide.heading', { name: round.name })}</h1>
      <p class="hint"><span lang={contentLanguage}>{text(questionnaire.title)}</span> · {t('guide.basis', { count: figures.n })}</p>
      <p>{t('guide.intro', { points: MIN_GAP_TO_SUGGEST })}</p>
      <p class="no-print"><button type="button" class="button" onClick={() => window.print()}>{t('guide.print')}</button></p>
      <PreviousAgreements round={round} questionnaire={questionnaire} contentLanguage={contentLanguage} />
      {chosen.length === 0 ? <p>{t('guide.noGap', { points: MIN_GAP_TO_SUGGEST })}</p> : chosen.map((entry) => {
        const dimension = questionnaire.dimensions.find((d) => d.id === entry.id);
        if (!dimension) return null;
        // On a profile, each dimension is scored between the ends of its own axis.
        const poles = dimensionPoles(questionnaire, dimension.id);
        const pole = text(entry.gap > 0 ? poles.to : poles.from);
        return (
          <section key={entry.id} class="section guide-dimension" aria-labelledby={`guide-${entry.id}`}>
            <h2 id={`guide-${entry.id}`} lang={contentLanguage}>{text(dimension.name)}</h2>
            <p>{t('guide.figures', { now: number(entry.now), wanted: number(entry.wanted), points: Math.round(Math.abs(entry.gap)), pole })}</p>
            <dl class="guide-poles" lang={contentLanguage}>
              <dt>{text(poles.from)}</dt><dd>{text(dimension.from)}</dd>
              <dt>{text(poles.to)}</dt><dd>{text(dimension.to)}</dd>
            </dl>
            {dimension.reflection ? (
              <>
                <h3>{t('guide.questions')}</h3>
                <ul lang={contentLanguage}>
                  <li><strong lang={app.i18n.language.value}>{t('result.reflectionSingleLoop')}:</strong> {text(dimension.reflection.singleLoop)}</li>
                  <li><strong lang={app.i18n.language.value}>{t('result.reflectionDoubleLoop')}:</strong> {text(dimension.reflection.doubleLoop)}</li>
                </ul>
              </>
            ) : null}
          </section>
        );
      })}
      <p class="hint small">{t('guide.noSpread')}</p>
      <AgreedActions round={round} questionnaire={questionnaire} suggested={chosen.map((d) => d.id)} contentLanguage={contentLanguage} />
    </article>
  );
}

/** What the team agrees to try, recorded against this round; stored when added. */
function AgreedActions({ round, questionnaire, suggested, contentLanguage }: { round: Round; questionnaire: Questionnaire; suggested: readonly string[]; contentLanguage: string }) {
  const app = useApp();
  const t = useT();
  const [record, setRecord] = useState<RoundActions | null>(null);
  const [dimension, setDimension] = useState(suggested[0] ?? questionnaire.dimensions[0]!.id);
  const [what, setWhat] = useState('');
  const [by, setBy] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // What the form says back: that the text is missing (beside the field), or what was recorded (announced).
  const [empty, setEmpty] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const textField = useRef<HTMLTextAreaElement>(null);
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  useEffect(() => {
    void readAgreedActions(app.store, round.id).then(setRecord, () => undefined);
  }, [round.id]);
  const nameOf = (id: string) => text(questionnaire.dimensions.find((d) => d.id === id)?.name ?? { en: id });
  const actions = record?.actions ?? [];

  async function add(event: Event) {
    event.preventDefault();
    if (!what.trim()) {
      setEmpty(true);
      setRecorded(null);
      textField.current?.focus();
      return;
    }
    const action = { id: app.newId().replace(/[^A-Za-z0-9-]/g, '').slice(0, 64) || String(Date.now()), dimension, text: what.trim(), createdAt: app.now().toISOString(), ...(dayToStored(by) ? { by: dayToStored(by)! } : {}) };
    try {
      setRecord(await changeAgreedActions(app.store, round.id, (current) => ({ ...current, actions: [...current.actions, action].slice(-MAX_ROUND_ACTIONS) })));
      setWhat('');
      setBy('');
      setProblem(null);
      setRecorded(action.text);
    } catch (error) {
      setProblem(describeStorageError(error));
    }
  }

  return (
    <section class="section" aria-labelledby="agreed-heading">
      <h2 id="agreed-heading">{t('guide.agreedHeading')}</h2>
      {actions.length === 0 ? <p class="hint">{t('guide.agreedNone')}</p> : (
        <ul data-testid="agreed-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <strong lang={contentLanguage}>{nameOf(action.dimension)}</strong>: {action.text}
              {action.by ? <span class="hint"> ({t('home.actionBy', { date: app.i18n.formatDay.value(action.by) })})</span> : null}
            </li>
          ))}
        </ul>
      )}
      <form class="no-print guide-form" onSubmit={(event) => void add(event)}>
        <div class="field">
          <label for="agreed-dimension">{t('guide.agreedDimension')}</label>
          <select id="agreed-dimension" value={dimension} onChange={(event) => setDimension(event.currentTarget.value)}>
            {questionnaire.dimensions.map((d) => <option key={d.id} value={d.id} lang={contentLanguage}>{text(d.name)}</option>)}
          </select>
        </div>
        <div class="field">
          <label for="agreed-text">{t('guide.agreedText')}</label>
          <textarea
            id="agreed-text"
            ref={textField}
            rows={2}
            maxLength={MAX_ACTION_TEXT}
            value={what}
            aria-invalid={empty ? 'true' : undefined}
            aria-describedby={empty ? 'agreed-text-missing' : undefined}
            onInput={(event) => {
              setWhat(event.currentTarget.value);
              setEmpty(false);
            }}
          />
          {empty ? <p id="agreed-text-missing" class="notice notice-error">{t('guide.agreedEmpty')}</p> : null}
        </div>
        <div class="field">
          <label for="agreed-by">{t('actions.by')}</label>
          <input id="agreed-by" type="date" value={by} onInput={(event) => setBy(event.currentTarget.value)} onChange={(event) => setBy(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-primary" disabled={actions.length >= MAX_ROUND_ACTIONS}>{t('guide.agreedAdd')}</button>
        <p role="status" class="hint small">{recorded ? t('guide.agreedRecorded', { text: recorded }) : ''}</p>
      </form>
      {problem ? <p class="notice notice-error" role="alert">{t('actions.notSaved', { detail: problem })}</p> : null}
    </section>
  );
}

/**
 * What the team agreed after its previous round on this questionnaire (the latest round
 * this lead started before this one), and how each went: recorded here, on that round.
 */
function PreviousAgreements({ round, questionnaire, contentLanguage }: { round: Round; questionnaire: Questionnaire; contentLanguage: string }) {
  const app = useApp();
  const t = useT();
  const [previous, setPrevious] = useState<{ round: Round; actions: RoundActions } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void (async () => {
      const earlier = (await listRounds(app.store)).filter((r) => r.id !== round.id && r.questionnaire.id === round.questionnaire.id && r.createdAt < round.createdAt);
      for (const candidate of earlier) {
        const actions = await readAgreedActions(app.store, candidate.id);
        if (actions && actions.actions.length > 0) return setPrevious({ round: candidate, actions });
      }
    })().catch(() => undefined);
  }, [round.id]);
  if (!previous) return null;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const nameOf = (id: string) => text(questionnaire.dimensions.find((d) => d.id === id)?.name ?? { en: id });

  async function review(actionId: string, status: ActionStatus) {
    try {
      const actions = await changeAgreedActions(app.store, previous!.round.id, (current) => ({
        ...current,
        actions: current.actions.map((a) => (a.id === actionId ? { ...a, review: { status, at: app.now().toISOString() } } : a)),
      }));
      setPrevious({ round: previous!.round, actions });
      setProblem(null);
    } catch (error) {
      setProblem(describeStorageError(error));
    }
  }

  return (
    <section class="section" aria-labelledby="previous-heading">
      <h2 id="previous-heading">{t('guide.previousHeading', { name: previous.round.name })}</h2>
      {previous.actions.actions.map((action) => (
        <fieldset key={action.id} class="review-entry" data-testid="previous-agreement">
          <legend><span lang={contentLanguage}>{nameOf(action.dimension)}</span>: {action.text}</legend>
          <div class="radio-row">
            {ACTION_STATUSES.map((status) => (
              <label key={status}>
                <input type="radio" name={`previous-${action.id}`} checked={action.review?.status === status} onChange={() => void review(action.id, status)} />
                {t(`review.status.${status}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {problem ? <p class="notice notice-error" role="alert">{t('actions.notSaved', { detail: problem })}</p> : null}
    </section>
  );
}
