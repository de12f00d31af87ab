import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo } from 'preact/hooks';
import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import { ALPHA_MIN_ROWS } from '../../core/round/disclosure';
import type { StoredTeamFigures as Figures } from '../../core/round/figure-sums';
import type { Round } from '../../core/round/round-record';
import { useApp, useT } from '../../ui/app-context';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import type { ChartTheme } from '../../ui/charts/chart-theme';
import { figureText, signedFigureText } from '../../ui/figures';

/** Below this, a dimension's statements were not answered consistently enough to be read as one scale. */
const ALPHA_LOW = 0.7;
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
 * rounds. Never one person's answers, and never a median or quartile (one of those is a
 * member's own score, and made-up codes can choose whose: docs/privacy.md). Figures
 * stored before may hold a median; it is not shown.
 */
export function TeamFigures({ questionnaire, round, figures, earlier, contentLanguage }: TeamFiguresProps) {
  const t = useT();
  const { i18n } = useApp();
  const format = i18n.formatNumber.value;
  const language = i18n.language.value;
  const oneDecimal = useMemo(() => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), [language]);
  const names = new Map(questionnaire.dimensions.map((d) => [d.id, textIn(d.name, contentLanguage)]));
  const figure = (value: number | null) => figureText(format, value);
  const signed = (value: number | null) => signedFigureText(format, value);
  const gapOf = (d: Figures['dimensions'][number]) => (d.wantedMean === null || d.mean === null ? null : d.wantedMean - d.mean);
  const fromPole = textIn(questionnaire.poles.from, contentLanguage);
  const toPole = textIn(questionnaire.poles.to, contentLanguage);
  // Alpha as published: "below 0", or one decimal (a summary stored before had two, and any negative value).
  const belowZero = (d: Figures['dimensions'][number]) => d.alpha !== null && (d.alphaBelowZero === true || d.alpha < 0);
  const alphaText = (d: Figures['dimensions'][number]) => (d.alpha === null ? '–' : belowZero(d) ? t('team.alphaBelowZero') : oneDecimal.format(Math.round(d.alpha * 10) / 10));
  const lowAlpha = figures.dimensions.some((d) => d.alpha !== null && (belowZero(d) || d.alpha < ALPHA_LOW));
  const negativeAlpha = figures.dimensions.some(belowZero);

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
              <th scope="col">{t('team.alpha')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.dimensions.map((d) => (
              <tr key={d.id} data-dimension={d.id} data-mean={d.mean ?? ''} data-wanted={d.wantedMean ?? ''} data-alpha={d.alpha === null ? '' : belowZero(d) ? 'below-0' : Math.round(d.alpha * 10) / 10}>
                <th scope="row" lang={contentLanguage}>{names.get(d.id)}</th>
                <td>{format(d.n)}</td>
                <td>{figure(d.mean)}</td>
                <td>{figure(d.wantedMean)}</td>
                <td>{signed(gapOf(d))}</td>
                <td>{alphaText(d)}</td>
              </tr>
            ))}
            <tr data-dimension="overall">
              <th scope="row">{t('result.overall')}</th>
              <td>{format(figures.n)}</td>
              <td>{figure(figures.overall.mean)}</td>
              <td>–</td>
              <td>–</td>
              <td>–</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p class="hint small">{t('team.gapNote')}</p>
      <p class="hint small" data-testid="alpha-note">{t('team.alphaNote', { threshold: oneDecimal.format(ALPHA_LOW), rows: Math.max(ALPHA_MIN_ROWS, 2 * round.minGroup + 1) })}{lowAlpha ? ` ${t('team.alphaLow')}` : ''}{negativeAlpha ? ` ${t('team.alphaNegative')}` : ''}</p>
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
