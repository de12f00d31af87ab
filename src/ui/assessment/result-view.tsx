import { useLayoutEffect, useRef } from 'preact/hooks';
import { dimensionPoles, textIn, type Questionnaire } from '../../core/questionnaire/types';
import type { QuestionnaireScore } from '../../core/scoring';
import type { Sitting } from '../../core/storage/records';
import { useApp, useT } from '../app-context';
import { describeGap, describePosition } from './position-words';
import { ProfileView } from './profile-view';
import { figureText, signedFigureText } from '../figures';
import { ScoreTableHead } from './score-table-head';
import { ReflectionQuestions } from './reflection-questions';
import { ActionPlanner } from '../actions/action-planner';

export interface ResultViewProps {
  questionnaire: Questionnaire;
  sitting: Sitting;
  score: QuestionnaireScore;
  contentLanguage: string;
  onDone: () => void;
  onHistory?: () => void;
  /** Instead of "Done", e.g. "Back to the course" for a self-assessment taken from a course. */
  doneLabel?: string;
  /** Offer to choose what the unit will try (not for a team round's sitting). */
  planActions?: boolean;
}

/** Where the person stands per dimension and overall, beside where they want to be. */
export function ResultView({ questionnaire, sitting, score, contentLanguage, onDone, onHistory, doneLabel, planActions }: ResultViewProps) {
  const t = useT();
  const { i18n } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  const format = i18n.formatNumber.value;
  const text = (value: Readonly<Record<string, string>>) => textIn(value, contentLanguage);
  const fromPole = text(questionnaire.poles.from);
  const toPole = text(questionnaire.poles.to);
  const shown = (value: number | null) => figureText(format, value);
  const rows = score.dimensions.map((entry) => {
    // On a profile, a dimension's row names the ends of its own axis, on which it is scored.
    const poles = dimensionPoles(questionnaire, entry.dimension);
    return {
      entry,
      name: text(questionnaire.dimensions.find((d) => d.id === entry.dimension)!.name),
      fromPole: text(poles.from),
      toPole: text(poles.to),
    };
  });

  return (
    <section class="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabIndex={-1} ref={heading}>{t('result.heading')}</h2>
      {/* First: the popup may close at any click, and the person sees at once that the sitting is kept. */}
      <p class="hint small">{t('result.savedAs', { date: i18n.formatDate.value(sitting.completedAt) })}</p>
      <p class="hint">{t('result.scaleNote', { from: fromPole, to: toPole })}</p>
      {/* A profile is read on its two axes; one overall score would average them away. */}
      {score.axes ? <ProfileView questionnaire={questionnaire} axes={score.axes} contentLanguage={contentLanguage} /> : (
        <div class="overall">
          <p class="overall-figure">
            <span class="overall-label">{t('result.overall')}</span>
            <span class="overall-score" data-testid="overall-score">{shown(score.overall.now)}</span>
          </p>
          {score.overall.now !== null && score.overall.wanted !== null ? (
            <p>{t('result.summary', { now: shown(score.overall.now), wanted: shown(score.overall.wanted) })}</p>
          ) : null}
        </div>
      )}
      <ul class="position-list" lang={contentLanguage}>
        {rows.map(({ entry, name, fromPole: rowFrom, toPole: rowTo }) => (
          <li key={entry.dimension} class="position-row">
            <span class="position-name">{name}</span>
            <span class="position-track" aria-hidden="true">
              {/* --at places each marker's centre so that the whole marker stays inside the track (base.css). */}
              {entry.wanted !== null ? <span class="marker marker-wanted" data-at={entry.wanted} style={{ '--at': String(entry.wanted) }} /> : null}
              {entry.now !== null ? <span class="marker marker-now" data-at={entry.now} style={{ '--at': String(entry.now) }} /> : null}
            </span>
            <span class="position-words">
              {entry.now !== null ? describePosition(t, entry.now, rowFrom, rowTo) : t('result.notEnough')}
              {entry.gap !== null ? ` · ${describeGap(t, entry.gap, rowFrom, rowTo, format)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p class="legend-key" aria-hidden="true">
        <span class="key key-now" /> {t('result.now')} <span class="key key-wanted" /> {t('result.wanted')}
      </p>
      <table class="data-table" data-testid="result-table">
        <caption>{t('result.tableCaption')}</caption>
        <ScoreTableHead rowLabel={t('result.dimension')} />
        <tbody>
          {rows.map(({ entry, name }) => (
            <tr key={entry.dimension} data-dimension={entry.dimension}>
              <th scope="row" lang={contentLanguage}>{name}</th>
              <td>{shown(entry.now)}</td>
              <td>{shown(entry.wanted)}</td>
              <td>{signedFigureText(format, entry.gap)}</td>
            </tr>
          ))}
          {score.axes ? null : <tr data-dimension="overall">
            <th scope="row">{t('result.overall')}</th>
            <td>{shown(score.overall.now)}</td>
            <td>{shown(score.overall.wanted)}</td>
            <td>{signedFigureText(format, score.overall.gap)}</td>
          </tr>}
        </tbody>
      </table>
      <ReflectionQuestions questionnaire={questionnaire} contentLanguage={contentLanguage} />
      {planActions ? <ActionPlanner questionnaire={questionnaire} sitting={sitting} score={score} contentLanguage={contentLanguage} /> : null}
      <div class="button-row">
        {onHistory ? <button type="button" class="button" onClick={onHistory}>{t('result.history')}</button> : null}
        <button type="button" class="button button-primary" onClick={onDone}>{doneLabel ?? t('result.done')}</button>
      </div>
    </section>
  );
}
