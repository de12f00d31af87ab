import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo } from 'preact/hooks';
import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import type { StoredTeamFigures as Figures } from '../../core/round/figure-sums';
import type { Round } from '../../core/round/round-record';
import { useApp, useT } from '../../ui/app-context';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import type { ChartTheme } from '../../ui/charts/chart-theme';
import { figureText, signedFigureText } from '../../ui/figures';

const MARK_WIDTH = 0.7;

export interface TeamFiguresProps {
  questionnaire: Questionnaire;
  round: Round;
  figures: Figures;
  earlier: readonly { round: Round; figures: Figures }[];
  contentLanguage: string;
}

/**
 * The team's figures per dimension: a chart of the means, a table, a summary and earlier
 * rounds. Never one person's answers, never a median or quartile (one of those is a
 * member's own score, and made-up codes can choose whose), and no Cronbach's alpha
 * (made-up batches chosen one after another read a member's answer to each statement
 * from it: docs/privacy.md). Figures stored before may hold a median or alpha; neither
 * is shown.
 */
export function TeamFigures({ questionnaire, round, figures, earlier, contentLanguage }: TeamFiguresProps) {
  const t = useT();
  const { i18n } = useApp();
  const format = i18n.formatNumber.value;
  const language = i18n.language.value;
  const names = new Map(questionnaire.dimensions.map((d) => [d.id, textIn(d.name, contentLanguage)]));
  const figure = (value: number | null) => figureText(format, value);
  const signed = (value: number | null) => signedFigureText(format, value);
  const gapOf = (d: Figures['dimensions'][number]) => (d.wantedMean === null || d.mean === null ? null : d.wantedMean - d.mean);
  const fromPole = textIn(questionnaire.poles.from, contentLanguage);
  const toPole = textIn(questionnaire.poles.to, contentLanguage);

  useEffect(() => {
    performance.mark('shiftmeter:team-aggregated');
  }, [figures]);

  const config = useMemo(() => (theme: ChartTheme): ChartConfiguration => {
    const dims = figures.dimensions;
    const mark = (value: number | null) => (value === null ? null : [Math.max(0, value - MARK_WIDTH), Math.min(100, value + MARK_WIDTH)]);
    return {
      type: 'bar',
      data: {
        labels: dims.map((d) => names.get(d.id) ?? d.id),
        datasets: [
          { label: t('team.mean'), data: dims.map((d) => mark(d.mean)) as any, backgroundColor: theme.text, grouped: false, barPercentage: 0.8 },
          { label: t('team.wantedMean'), data: dims.map((d) => mark(d.wantedMean)) as any, backgroundColor: theme.series[1], grouped: false, barPercentage: 0.8 },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: theme.animate ? { duration: 300 } : false,
        maintainAspectRatio: false,
        scales: {
          x: { min: 0, max: 100, ticks: { color: theme.text, stepSize: 25 }, grid: { color: theme.grid } },
          y: { ticks: { color: theme.text }, grid: { color: theme.grid } },
        },
        plugins: { legend: { labels: { color: theme.text } } },
      },
    };
  }, [figures, contentLanguage, language]);

  const summary = figures.dimensions
    .map((d) => t('team.summaryDimensionMean', { dimension: names.get(d.id) ?? d.id, mean: figure(d.mean), wanted: figure(d.wantedMean) }))
    .join(' ');

  return (
    <div data-testid="team-figures">
      <p class="hint">{t('result.scaleNote', { from: fromPole, to: toPole })}</p>
      <ChartCanvas config={config} label={t('team.chartLabelMean', { n: figures.n })} height={80 + 50 * figures.dimensions.length} />
      <p data-testid="team-summary">
        {t('team.summaryOverallMean', { n: figures.n, mean: figure(figures.overall.mean) })}{' '}
        <span lang={contentLanguage}>{summary}</span>
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('team.tableCaption', { n: figures.n })}>
        <table class="data-table" data-testid="team-table">
          <caption>{t('team.tableCaption', { n: figures.n })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('result.dimension')}</th>
              <th scope="col">{t('team.responses')}</th>
              <th scope="col">{t('team.mean')}</th>
              <th scope="col">{t('team.wantedMean')}</th>
              <th scope="col">{t('result.gap')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.dimensions.map((d) => (
              <tr key={d.id} data-dimension={d.id} data-mean={d.mean ?? ''} data-wanted={d.wantedMean ?? ''}>
                <th scope="row" lang={contentLanguage}>{names.get(d.id)}</th>
                <td>{format(d.n)}</td>
                <td>{figure(d.mean)}</td>
                <td>{figure(d.wantedMean)}</td>
                <td>{signed(gapOf(d))}</td>
              </tr>
            ))}
            <tr data-dimension="overall">
              <th scope="row">{t('result.overall')}</th>
              <td>{format(figures.n)}</td>
              <td>{figure(figures.overall.mean)}</td>
              <td>–</td>
              <td>–</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint small">{t('team.gapNote')}</p>
      <section class="section" aria-labelledby="earlier-heading">
        <h3 id="earlier-heading">{t('team.earlier')}</h3>
        {earlier.length === 0 ? <p class="hint">{t('team.noEarlier')}</p> : null}
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('team.earlierCaption')}>
          <table class="data-table" data-testid="earlier-table">
            <caption>{t('team.earlierCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('team.round')}</th>
                <th scope="col">{t('team.responses')}</th>
                <th scope="col">{t('result.overall')}</th>
                {questionnaire.dimensions.map((d) => <th scope="col" key={d.id} lang={contentLanguage}>{names.get(d.id)}</th>)}
              </tr>
            </thead>
            <tbody>
              {[...earlier, { round, figures }].map((entry) => (
                <tr key={entry.round.id}>
                  <th scope="row">{entry.round.name}</th>
                  <td>{format(entry.figures.n)}</td>
                  <td>{figure(entry.figures.overall.mean)}</td>
                  {questionnaire.dimensions.map((d) => <td key={d.id}>{figure(entry.figures.dimensions.find((x) => x.id === d.id)?.mean ?? null)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
