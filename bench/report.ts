import type { CliFigure } from './cli';
import type { LoadProfile } from './profile';
import type { PageSizes } from './sizes';
import type { SplitFigure } from './split';
import { isNotMeasured, type NotMeasured, type Summary } from './stats';
import type { Figure, Measurements, PageFigure, Target } from './targets';

export interface BenchResults extends Measurements {
  date: string;
  machine: { cores: number; cpu: string | null; memoryBytes: number; platform: string; node: string; loadAverage: { before: number; after: number } };
  chromium: string | null;
  split: SplitFigure | NotMeasured;
  method: { runs: number; warmups: number };
  profiles: LoadProfile[];
  targets: Target[];
  durationSeconds: number;
}

const ms = (value: number) => value.toFixed(1);
const spread = (s: Summary) => `${ms(s.median).padStart(7)}  ${`${ms(s.min)}–${ms(s.max)}`.padEnd(13)} ${`${ms(s.q1)}–${ms(s.q3)}`.padEnd(13)}`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const row = (label: string, text: string) => `  ${label.padEnd(40)} ${text}`;

function pageRows(label: string, figure: Figure<PageFigure> | undefined, withBlank: boolean): string[] {
  if (!figure || isNotMeasured(figure)) return [row(label, `not measured: ${figure?.notMeasured ?? 'not run'}`)];
  return [
    ...(withBlank ? [row('  blank page (floor), same runs', spread(figure.blank))] : []),
    row(label, `${spread(figure.page)} ${figure.ratio.toFixed(2)}x blank${figure.pairedRatio === null ? '' : ` (paired ${figure.pairedRatio.toFixed(2)}x)`}`),
  ];
}

function sizeRows(name: string, sizes: Figure<PageSizes> | undefined): string[] {
  if (!sizes || isNotMeasured(sizes)) return [row(name, `not measured: ${sizes?.notMeasured ?? 'not run'}`)];
  return [
    row(name, `JS ${kb(sizes.js.raw)} (${kb(sizes.js.gzip)} gz) in ${sizes.js.files.length} file${sizes.js.files.length === 1 ? '' : 's'}; ${cssText(sizes)}; Chart.js ${sizes.chartJs.loaded ? `yes (${sizes.chartJs.files.join(', ')})` : 'no'}`),
  ];
}

/** The pages adopt their stylesheet from the bundle, so it is counted in the JS; a CSS file would be listed. */
const cssText = (sizes: PageSizes) =>
  sizes.css.files.length === 0 ? 'no CSS file (the stylesheet is in the JS)' : `CSS ${kb(sizes.css.raw)} (${kb(sizes.css.gzip)} gz)`;

export function cliRows(cli: BenchResults['cli']): string[] {
  if (isNotMeasured(cli)) return [row('aggregate, analyse', `not measured: ${cli.notMeasured}`)];
  return cli.figures.flatMap((f) => {
    const files = `${f.files.toLocaleString('en')} files`;
    if (isNotMeasured(f)) return [row(`aggregate, analyse ${files}`, `not measured: ${f.notMeasured}`)];
    const figure = f as CliFigure;
    return (['aggregate', 'analyse'] as const).map((command, i) => {
      const { wallMs, peakRssBytes: rss, n } = figure[command];
      const simulated = i === 0 ? `; simulate took ${(figure.simulateMs / 1000).toFixed(1)} s` : '';
      return row(`${command} ${files}`, `${spread(wallMs)} peak RSS ${rss ? `${mb(rss.median)} (${mb(rss.min)}–${mb(rss.max)})` : 'unknown'}; n=${n ?? '?'}${simulated}`);
    });
  });
}

/** In the bench's own process: the splitting alone, no start-up. */
function splitRow(split: BenchResults['split']): string {
  const label = 'split a 2 MB paste into codes';
  if (isNotMeasured(split)) return row(label, `not measured: ${split.notMeasured}`);
  return row(label, `${spread(split.ms)} in process; ${split.pieces.toLocaleString('en')} one-character pieces into ${split.codes} codes`);
}

export function targetRow(target: Target): string {
  return `  ${`[${target.status}]`.padEnd(15)} ${target.description.padEnd(56)} ${actual(target)}${target.note ? `  (${target.note})` : ''}`;
}

function actual(target: Target): string {
  if (target.actual === null) return '—';
  if (target.unit === 'x blank') return `${(target.actual as number).toFixed(2)}x`;
  if (target.unit === 'bytes') return target.id.includes('memory') ? mb(target.actual as number) : kb(target.actual as number);
  if (target.unit === 'ms') return `${((target.actual as number) / 1000).toFixed(2)} s`;
  return target.actual ? 'yes' : 'no';
}

function profileRows(profile: LoadProfile): string[] {
  const files = profile.files.map((f) => `${f.file} ${ms(f.requestedMs)}→${f.arrivedMs === null ? '?' : ms(f.arrivedMs)}`).join(', ');
  const t = profile.mainThread;
  return [
    `  ${profile.page}: ${profile.mark} at ${profile.readyMs === null ? '?' : ms(profile.readyMs)} ms`,
    `      files (requested→arrived): ${files}`,
    `      entry module runs at ${profile.moduleStartMs === null ? '?' : ms(profile.moduleStartMs)}; animation frames at [${profile.animationFramesMs.map(ms).join(', ')}]`,
    `      storage: ${profile.storageCalls.map((c) => `${c.call} at ${ms(c.startMs)} took ${ms(c.durationMs)}${c.keys === null ? '' : ` (${c.keys} back)`}`).join('; ') || 'none'}`,
    `      main-thread work: script ${ms(t.scriptMs)}, style/layout/paint ${ms(t.styleLayoutPaintMs)}, HTML parse ${ms(t.parseHtmlMs)}, GC ${ms(t.gcMs)} ms`,
  ];
}

/** The readable table for stdout; bench/results.json has every run. */
export function formatReport(r: BenchResults): string {
  const lines = [
    '',
    `Shiftmeter bench, ${r.date.slice(0, 10)}: Chromium ${r.chromium ?? '?'}, ${r.machine.cores} cores, ${(r.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${r.machine.node}`,
    `Page times: ms from navigation start to the mark, ${r.method.runs} runs after ${r.method.warmups} warm-ups, interleaved with a blank extension page.`,
    `Load average (1 min) before/after: ${r.machine.loadAverage.before}/${r.machine.loadAverage.after}${r.machine.loadAverage.before > r.machine.cores / 2 ? ' (the machine was busy: expect noise)' : ''}.`,
    '',
    row('', `${'median'.padStart(7)}  ${'min–max'.padEnd(13)} ${'IQR'.padEnd(13)} ratio`),
    'Popup to shiftmeter:ready',
  ];
  for (const [count, figure] of Object.entries(r.popup)) {
    const stored = figure && !isNotMeasured(figure) ? `, ${(figure.bytesInUse / 1e6).toFixed(1)} MB stored` : '';
    lines.push(...pageRows(`popup, ${Number(count).toLocaleString('en')} sittings${stored}`, figure, true));
  }
  if (r.popupAdded) {
    const stored = !isNotMeasured(r.popupAdded) ? `, ${(r.popupAdded.bytesInUse / 1e6).toFixed(1)} MB stored` : '';
    lines.push(...pageRows(`popup, 1,000 sittings and 100 added questionnaires${stored}`, r.popupAdded, true));
  }
  lines.push(`Dashboard #/history, ${r.dashboard.sittings.toLocaleString('en')} sittings`);
  lines.push(...pageRows('ready', r.dashboard.ready, true), ...pageRows('charts drawn', r.dashboard.chartsDrawn, false));
  lines.push('Team view #/team, 200 response codes');
  for (const [label, figure] of [['imported', r.team.imported], ['aggregated', r.team.aggregated]] as const) {
    lines.push(isNotMeasured(figure) ? row(label, `not measured: ${figure.notMeasured}`) : row(label, spread(figure)));
  }
  if (isNotMeasured(r.versus)) lines.push(row('Against SurveyJS', `not measured: ${r.versus.notMeasured}`));
  else {
    lines.push(`Against SurveyJS: the first page of ${r.versus.questionnaire} shown (popup resuming it; SurveyJS from its JSON)`);
    lines.push(...pageRows('Shiftmeter popup', r.versus.shiftmeter, true), ...pageRows('SurveyJS (survey-core + survey-js-ui)', r.versus.surveyjs, false));
    lines.push(row('SurveyJS / Shiftmeter', `${r.versus.surveyjsOverShiftmeter.toFixed(2)}x as long`));
  }
  lines.push('', 'Files loaded up to the mark (raw, gzip -9)');
  for (const [name, sizes] of Object.entries(r.sizes)) lines.push(...sizeRows(name, sizes));
  lines.push('', `Command line (wall ms incl. node start-up: median, min–max, IQR)`, ...cliRows(r.cli));
  lines.push(splitRow(r.split));
  lines.push('', 'Targets');
  for (const target of r.targets) {
    lines.push(targetRow(target));
  }
  if (r.profiles.length > 0) {
    lines.push('', 'Where the time goes: one traced load each, ms since navigation start (tracing slows a load a little)');
    for (const profile of r.profiles) lines.push(...profileRows(profile));
  }
  return `${lines.join('\n')}\n`;
}
