import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { chartLines } from '../../core/history/chart-lines';
import { compareScores, type ScoredSitting } from '../../core/history/series';
import { dimensionPoles, textIn, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import type { ChartTheme } from '../../ui/charts/chart-theme';
import { describeChange } from '../../ui/history/change-words';
import { figureText, signedFigureText } from '../../ui/figures';
import { SittingPicker, sittingsByYear } from './sitting-picker';

export interface ComparisonProps {
  questionnaire: Questionnaire;
  series: readonly ScoredSitting[];
  contentLanguage: string;
}

/**
 * Two sittings side by side, dimension by dimension, with the later one's "wanted":
 * by default the latest against the one before it; the person can pick any two.
 */
export function Comparison({ questionnaire, series, contentLanguage }: ComparisonProps) {
  const t = useT();
  const { i18n } = useApp();
  const format = i18n.formatNumber.value;
  const formatDate = i18n.formatDate.value;
  const [earlierId, setEarlierId] = useState(series[series.length - 2]!.sitting.id);
  const [laterId, setLaterId] = useState(series[series.length - 1]!.sitting.id);
  const pickedEarlier = series.find((p) => p.sitting.id === earlierId) ?? series[series.length - 2]!;
  const pickedLater = series.find((p) => p.sitting.id === laterId) ?? series[series.length - 1]!;
  // Compared oldest first whichever list holds which, so a change always runs forward in
  // time and each label's date is right; the notice below says when the two were swapped.
  const swapped = pickedEarlier.time > pickedLater.time;
  const [earlier, later] = swapped ? [pickedLater, pickedEarlier] : [pickedEarlier, pickedLater];
  const same = pickedEarlier === pickedLater;
  const years = useMemo(() => sittingsByYear(series), [series]);
  // The pickers ask for a year first only over more than one year.
  const overYears = years.size > 1;
  const changes = compareScores(earlier.score, later.score);
  const names = questionnaire.dimensions.map((d) => textIn(d.name, contentLanguage));
  // A dimension's change is named by its own poles (on a profile, the ends of its axis).
  const describeDimension = (name: string, id: string, change: number | null) => {
    const poles = dimensionPoles(questionnaire, id);
    return describeChange(t, name, change, textIn(poles.from, contentLanguage), textIn(poles.to, contentLanguage), format, contentLanguage, contentLanguage);
  };
  const earlierLabel = t('history.earlier', { date: formatDate(earlier.sitting.completedAt) });
  const laterLabel = t('history.later', { date: formatDate(later.sitting.completedAt) });
  const figure = (value: number | null | undefined) => figureText(format, value);

  const config = useMemo(() => (theme: ChartTheme): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: names,
      datasets: [
        { label: earlierLabel, data: earlier.score.dimensions.map((d) => d.now), backgroundColor: theme.series[7] },
        { label: laterLabel, data: later.score.dimensions.map((d) => d.now), backgroundColor: theme.series[0] },
        { label: `${t('result.wanted')} (${formatDate(later.sitting.completedAt)})`, data: later.score.dimensions.map((d) => d.wanted), backgroundColor: theme.series[1] },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: theme.animate ? { duration: 400 } : false,
      maintainAspectRatio: false,
      scales: {
        x: { min: 0, max: 100, ticks: { color: theme.text, stepSize: 25 }, grid: { color: theme.grid } },
        y: { ticks: { color: theme.text }, grid: { color: theme.grid } },
      },
      plugins: { legend: { labels: { color: theme.text } } },
    },
  }), [earlier, later, contentLanguage, i18n.language.value]);

  return (
    <section class="section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t('history.compare')}</h2>
      <p class="hint">{t('history.compareHint')}</p>
      {overYears ? <p class="hint" id="compare-year-hint">{t('history.pickYearHint')}</p> : null}
      <div class="field-row">
        <SittingPicker id="compare-earlier" legend={t('history.pickEarlier')} series={series} years={years} value={pickedEarlier.sitting.id} onChange={setEarlierId} yearHintId="compare-year-hint" />
        <SittingPicker id="compare-later" legend={t('history.pickLater')} series={series} years={years} value={pickedLater.sitting.id} onChange={setLaterId} yearHintId="compare-year-hint" />
      </div>
      {/* Not a live region: the lists change on every arrow key, and a notice read out each time would talk over them. */}
      {same ? <p class="notice" data-testid="comparison-notice">{t('history.sameSitting')}</p> : null}
      {swapped ? <p class="notice" data-testid="comparison-notice">{t('history.comparedInOrder')}</p> : null}
      <ChartCanvas config={config} height={Math.max(220, names.length * 56)} label={t('history.compareChartLabel', { earlier: earlierLabel, later: laterLabel })} />
      {/* No lang on the list: its sentences are the page's, and describeChange marks the questionnaire's words in them. */}
      <ul class="change-list" data-testid="change-words">
        {changes.dimensions.map((change, index) => (
          <li key={change.dimension}>{describeDimension(names[index]!, change.dimension, change.change)}</li>
        ))}
        {/* The overall score, or a profile's two axes (a profile has no overall). */}
        {chartLines(questionnaire).filter((line) => line.kind !== 'dimension').map((line) => {
          const before = line.now(earlier.score);
          const after = line.now(later.score);
          const name = line.name ? textIn(line.name, contentLanguage) : t('result.overall');
          return <li key={line.id}>{describeChange(t, name, before !== null && after !== null ? after - before : null, textIn(line.poles.from, contentLanguage), textIn(line.poles.to, contentLanguage), format, contentLanguage, line.name ? contentLanguage : null)}</li>;
        })}
      </ul>
      <details class="table-toggle">
        <summary>{t('history.showTable')}</summary>
        {/* Scrolls in its own region on a narrow screen (320 px): the page itself does not scroll sideways. */}
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
        <table class="data-table" data-testid="comparison-table">
          <caption id="compare-caption">{t('history.compareCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('result.dimension')}</th>
              <th scope="col">{earlierLabel}</th>
              <th scope="col">{laterLabel}</th>
              <th scope="col">{t('history.change')}</th>
              <th scope="col">{t('result.wanted')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.dimensions.map((change, index) => (
              <tr key={change.dimension}>
                <th scope="row" lang={contentLanguage}>{names[index]}</th>
                <td>{figure(change.before)}</td>
                <td>{figure(change.after)}</td>
                <td>{signedFigureText(format, change.change)}</td>
                <td>{figure(later.score.dimensions[index]?.wanted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </details>
    </section>
  );
}
