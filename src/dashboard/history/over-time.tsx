import type { ChartConfiguration, PointStyle } from 'chart.js';
import { useMemo, useState } from 'preact/hooks';
import { chartLines, summaryLineIds } from '../../core/history/chart-lines';
import type { ScoredSitting } from '../../core/history/series';
import { timeAxis, type AxisTick, type AxisUnit } from '../../core/history/time-axis';
import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import { useApp, useT } from '../../ui/app-context';
import { ChartCanvas } from '../../ui/charts/chart-canvas';
import type { ChartTheme } from '../../ui/charts/chart-theme';
import { describeChange } from '../../ui/history/change-words';
import { figureText } from '../../ui/figures';
import type { UnitAction } from '../../core/actions/actions';
import type { Note } from '../../core/storage/records';
import type { MessageKey } from '../../ui/i18n/en-dashboard';
import { formatLocale } from '../../ui/i18n/languages';

export interface OverTimeProps {
  questionnaire: Questionnaire;
  series: readonly ScoredSitting[];
  /** Reflection notes by sitting id, and the actions chosen after this questionnaire's results: markers on the time axis and a column of the table. */
  notes?: Readonly<Record<string, Note>>;
  actions?: readonly UnitAction[];
  contentLanguage: string;
  onDrawn: () => void;
}

/** Up to this many sittings the chart animates in (when motion is welcome). */
const ANIMATED_POINTS = 60;

/** Overall and per-dimension scores across all sittings, on a real time axis, with "wanted" dashed beside "now". */
export function OverTime({ questionnaire, series, contentLanguage, onDrawn, notes = {}, actions = [] }: OverTimeProps) {
  const t = useT();
  const { i18n } = useApp();
  const format = i18n.formatNumber.value;
  const formatDate = i18n.formatDate.value;
  // The overall line, or a profile's two axes (chart-lines.ts); the dimensions on demand.
  const lines = useMemo(() => chartLines(questionnaire), [questionnaire]);
  const [shown, setShown] = useState<readonly string[]>(() => summaryLineIds(lines));
  // Years of sittings make a long table: its rows are rendered only once it is opened.
  const [tableOpen, setTableOpen] = useState(false);
  const lineById = new Map(lines.map((line) => [line.id, line]));
  const nameOf = (id: string) => {
    const name = lineById.get(id)?.name;
    return name ? textIn(name, contentLanguage) : t('result.overall');
  };
  const nowOf = (point: ScoredSitting, id: string) => lineById.get(id)?.now(point.score) ?? null;
  const wantedOf = (point: ScoredSitting, id: string) => lineById.get(id)?.wanted(point.score) ?? null;
  const isSummary = (id: string) => lineById.get(id)?.kind !== 'dimension';

  // What was noted and decided at each sitting, for the markers and the table.
  const timeOf = useMemo(() => new Map(series.map((point) => [point.sitting.id, point.time])), [series]);
  const noted = series.filter((point) => notes[point.sitting.id]?.text.trim());
  const decided = actions.filter((action) => timeOf.has(action.sittingId));
  const marksColumn = noted.length > 0 || decided.length > 0;

  const config = useMemo(() => (theme: ChartTheme): ChartConfiguration => {
    // Markers on the time axis, at the sitting they belong to: notes along the foot of the chart, actions along its top.
    const markers = [
      ...(noted.length > 0 ? [{ label: t('history.markerNote'), data: noted.map((p) => ({ x: p.time, y: 2 })), pointStyle: 'rect' as const }] : []),
      ...(decided.length > 0 ? [{ label: t('history.markerAction'), data: decided.map((a) => ({ x: timeOf.get(a.sittingId)!, y: 98 })), pointStyle: 'triangle' as const }] : []),
    ].map((marker) => ({ ...marker, showLine: false, pointRadius: 6, pointHoverRadius: 8, borderColor: theme.text, backgroundColor: theme.text }));
    const datasets = shown.flatMap((id) => {
      const colour = theme.series[lines.findIndex((line) => line.id === id) % theme.series.length]!;
      const common = { borderColor: colour, backgroundColor: colour, pointRadius: series.length > 60 ? 0 : 3, borderWidth: isSummary(id) ? 3 : 2, spanGaps: true };
      return [
        { ...common, label: `${nameOf(id)} · ${t('result.now')}`, data: series.map((p) => ({ x: p.time, y: nowOf(p, id) })) },
        { ...common, label: `${nameOf(id)} · ${t('result.wanted')}`, borderDash: [6, 4], pointStyle: 'rectRot' as const, data: series.map((p) => ({ x: p.time, y: wantedOf(p, id) })) },
      ];
    });
    const shortDate = new Intl.DateTimeFormat(formatLocale(i18n.language.value), { year: 'numeric', month: 'short', day: 'numeric' });
    // The axis spans the sittings shown (one sitting: its day and two weeks either side), ticked on calendar days, months or years.
    const axis = timeAxis(series.map((p) => p.time));
    const tickLabel = axisLabels(formatLocale(i18n.language.value), axis?.unit ?? 'day');
    const ticksAt = new Map((axis?.ticks ?? []).map((tick) => [tick.time, tick]));
    return {
      type: 'line',
      data: { datasets: [...datasets, ...markers] },
      options: {
        // A long history is drawn at once: Chart.js works out an animation for every point, which for a
        // thousand sittings took longer than drawing them, and a line growing in shows nothing new.
        animation: theme.animate && series.length <= ANIMATED_POINTS ? { duration: 400 } : false,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        scales: {
          x: {
            type: 'linear',
            min: axis?.min,
            max: axis?.max,
            afterBuildTicks: (scale) => {
              if (axis) scale.ticks = axis.ticks.map((tick) => ({ value: tick.time }));
            },
            ticks: { color: theme.text, callback: (value) => {
              const tick = ticksAt.get(Number(value));
              return tick ? tickLabel(tick) : shortDate.format(new Date(Number(value)));
            } },
            grid: { color: theme.grid },
          },
          y: { min: 0, max: 100, ticks: { color: theme.text, stepSize: 25 }, grid: { color: theme.grid } },
        },
        plugins: {
          legend: {
            labels: {
              color: theme.text,
              // Each entry drawn as it is on the chart: a short line (dashed for "wanted") for a line, the marker's own shape for notes and actions.
              usePointStyle: true,
              generateLabels: (chart) => chart.data.datasets.map((dataset, index) => {
                const marker = (dataset as { showLine?: boolean }).showLine === false;
                return {
                  text: dataset.label ?? '',
                  datasetIndex: index,
                  hidden: !chart.isDatasetVisible(index),
                  fontColor: theme.text,
                  fillStyle: dataset.backgroundColor as string,
                  strokeStyle: dataset.borderColor as string,
                  lineWidth: marker ? 1 : (dataset.borderWidth as number),
                  lineDash: marker ? [] : ((dataset as { borderDash?: number[] }).borderDash ?? []),
                  pointStyle: marker ? (dataset as { pointStyle?: PointStyle }).pointStyle ?? 'circle' : 'line',
                };
              }),
            },
          },
          tooltip: { callbacks: { title: (items) => (items[0] ? shortDate.format(new Date(items[0].parsed.x ?? 0)) : '') } },
        },
      },
    };
  }, [series, shown, contentLanguage, i18n.language.value, notes, actions]);

  const first = series[0]!;
  const last = series[series.length - 1]!;
  // How the overall score (or each axis of a profile) moved from the first sitting to the last.
  const moved = lines.filter((line) => line.kind !== 'dimension').map((line) => {
    const before = line.now(first.score);
    const after = line.now(last.score);
    return describeChange(t, nameOf(line.id), before !== null && after !== null ? after - before : null, textIn(line.poles.from, contentLanguage), textIn(line.poles.to, contentLanguage), format, contentLanguage, line.name ? contentLanguage : null);
  });
  // One sitting has a date, not a span, and nothing yet to compare (the hint below says so).
  const summary = series.length === 1
    ? t('history.overTimeOne', { date: formatDate(first.sitting.completedAt) })
    : [t('history.overTimeSummary', { count: series.length, first: formatDate(first.sitting.completedAt), last: formatDate(last.sitting.completedAt) }), ...moved.flatMap((sentence) => [' ', sentence])];
  const figure = (value: number | null) => figureText(format, value);
  // Where the questionnaire's version changes along the line: said in words beside the chart.
  const versionChanges = series.flatMap((point, i) => (i > 0 && point.version !== series[i - 1]!.version ? [{ version: point.version, from: point.sitting.completedAt }] : []));

  /** The note and the actions of one sitting, in words (the table's equivalent of the markers). */
  function marksOf(sittingId: string): string {
    const words: string[] = [];
    const note = notes[sittingId]?.text.trim();
    if (note) words.push(t('history.markNote', { text: note.length > 120 ? `${note.slice(0, 119)}…` : note }));
    for (const action of decided.filter((a) => a.sittingId === sittingId)) {
      const how = action.review ? t(`review.status.${action.review.status}` as MessageKey) : t('history.actionOpen');
      words.push(t('history.markAction', { dimension: nameOf(action.dimension) ?? action.dimension, text: action.text || '…', how }));
    }
    return words.join(' ');
  }

  return (
    <section class="section" aria-labelledby="over-time-heading">
      <h2 id="over-time-heading">{t('history.overTime')}</h2>
      <fieldset class="checkbox-row">
        <legend>{t('history.showLines')}</legend>
        {lines.map(({ id, kind }) => (
          <label key={id} lang={kind === 'overall' ? undefined : contentLanguage}>
            <input
              type="checkbox"
              checked={shown.includes(id)}
              onChange={(event) => {
                const on = (event.currentTarget as HTMLInputElement).checked;
                setShown(on ? lines.flatMap((line) => (line.id === id || shown.includes(line.id) ? [line.id] : [])) : shown.filter((l) => l !== id));
              }}
            />
            {nameOf(id)}
          </label>
        ))}
      </fieldset>
      <ChartCanvas config={config} label={t('history.overTimeChartLabel', { lines: shown.map(nameOf).join(', ') })} onDrawn={onDrawn} />
      <p id="over-time-summary">{summary}</p>
      {versionChanges.length > 0 ? (
        <p class="hint" data-testid="version-change">
          {versionChanges.map((change) => t('history.versionChange', { version: change.version, date: formatDate(change.from) })).join(' ')}
          {' '}{t('history.versionJoin')}
        </p>
      ) : null}
      <details class="table-toggle" onToggle={(event) => setTableOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary>{t('history.showTable')}</summary>
        {/* A named region that takes the focus: a wide table scrolls in it by keyboard, and a screen reader names what it holds. */}
        {tableOpen ? <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="over-time-caption">
          <table class="data-table" data-testid="over-time-table">
            <caption id="over-time-caption">{t('history.overTimeCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.date')}</th>
                {shown.map((id) => <th scope="col" key={id}>{nameOf(id)} · {t('result.now')}</th>)}
                {shown.map((id) => <th scope="col" key={`w-${id}`}>{nameOf(id)} · {t('result.wanted')}</th>)}
                {marksColumn ? <th scope="col">{t('history.marksColumn')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {series.map((point) => (
                <tr key={point.sitting.id} data-sitting={point.sitting.id}>
                  <th scope="row">{formatDate(point.sitting.completedAt)}{versionChanges.length > 0 ? ` (${t('print.version', { version: point.version })})` : ''}</th>
                  {shown.map((id) => <td key={id}>{figure(nowOf(point, id))}</td>)}
                  {shown.map((id) => <td key={`w-${id}`}>{figure(wantedOf(point, id))}</td>)}
                  {marksColumn ? <td class="text-cell">{marksOf(point.sitting.id)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div> : null}
      </details>
    </section>
  );
}

/**
 * Labels for the time axis's ticks, in UTC as the ticks are: a day ("3 Mar"), a month
 * ("Mar") or a year, with the year on the first tick and wherever it changes.
 */
function axisLabels(locale: string, unit: AxisUnit): (tick: AxisTick) => string {
  const options: Record<AxisUnit, [Intl.DateTimeFormatOptions, Intl.DateTimeFormatOptions]> = {
    day: [{ day: 'numeric', month: 'short' }, { day: 'numeric', month: 'short', year: 'numeric' }],
    month: [{ month: 'short' }, { month: 'short', year: 'numeric' }],
    year: [{ year: 'numeric' }, { year: 'numeric' }],
  };
  const [plain, withYear] = options[unit].map((option) => new Intl.DateTimeFormat(locale, { ...option, timeZone: 'UTC' }));
  return (tick) => (tick.withYear ? withYear! : plain!).format(new Date(tick.time));
}
