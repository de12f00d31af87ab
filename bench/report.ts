import type { FloorPart } from './floor-page';
import type { CliFigure } from './cli';
import type { LoadProfile } from './profile';
import type { PageSizes } from './sizes';
import type { SplitFigure } from './split';
import { isNotMeasured, type NotMeasured, type Summary } from './stats';
import type { BrowserMeasurements, Figure, Measurements, PageFigure, PopupFigure, Target } from './targets';

export interface BenchResults extends Measurements {
  date: string;
  machine: { cores: number; cpu: string | null; memoryBytes: number; platform: string; node: string; loadAverage: { before: number; after: number } };
  chromium: string | null;
  split: SplitFigure | NotMeasured;
  method: { runs: number; warmups: number; timing?: string; sizes?: string; browsers?: string };
  profiles: LoadProfile[];
  targets: Target[];
  durationSeconds: number;
}

const ms = (value: number) => value.toFixed(1);
const spread = (s: Summary) => `${ms(s.median).padStart(7)}  ${`${ms(s.min)}–${ms(s.max)}`.padEnd(13)} ${`${ms(s.q1)}–${ms(s.q3)}`.padEnd(13)}`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const row = (label: string, text: string) => `  ${label.padEnd(40)} ${text}`;

const CELL = 40;
const cell = (text: string) => text.padEnd(CELL);
const sideRow = (label: string, cells: string[]) => `  ${label.padEnd(48)} ${cells.map(cell).join(' ').trimEnd()}`;
const short = (reason: string) => `not measured${reason === 'not run' ? ' (not run)' : ' (see below)'}`;

/** One browser's cell of a timed page: median (min–max) and the ratio to that browser's blank page. */
function pageCell(figure: Figure<PageFigure> | undefined, part: 'page' | 'blank', notes: Set<string>): string {
  if (!figure || isNotMeasured(figure)) {
    const reason = figure?.notMeasured ?? 'not run';
    notes.add(reason);
    return short(reason);
  }
  const s = figure[part];
  const timing = `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;
  if (part === 'blank') return timing;
  return `${timing} ${figure.ratio.toFixed(2)}x${figure.pairedRatio === null ? '' : ` p${figure.pairedRatio.toFixed(2)}x`}`;
}

const storedCell = (figure: Figure<PopupFigure> | undefined) =>
  !figure || isNotMeasured(figure) ? '' : figure.bytesInUse !== null ? `${(figure.bytesInUse / 1e6).toFixed(2)} MB (getBytesInUse)` : `${(figure.jsonBytes / 1e6).toFixed(2)} MB (keys + JSON)`;

/** A page figure in both browsers: the blank page's row of the same runs, then the page's. */
function sideBySide(label: string, figures: (Figure<PageFigure> | undefined)[], notes: Set<string>, withBlank = true): string[] {
  return [
    ...(withBlank && figures.some((f) => f && !isNotMeasured(f)) ? [sideRow('  blank page (floor), same runs', figures.map((f) => (f && !isNotMeasured(f) ? pageCell(f, 'blank', notes) : '')))] : []),
    sideRow(label, figures.map((f) => pageCell(f, 'page', notes))),
  ];
}

/** The page's median over the floor's, both from the same runs; empty when either is missing. */
function overFloor(page: Figure<PageFigure> | undefined, floor: Figure<PageFigure> | undefined): string {
  if (!page || !floor || isNotMeasured(page) || isNotMeasured(floor)) return '';
  return `${(page.page.median / floor.page.median).toFixed(2)}x (${ms(page.page.median - floor.page.median)} ms of its own)`;
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
  if (target.unit === 'bytes') {
    const bytes = target.actual as number;
    if (target.id.includes('memory')) return mb(bytes);
    return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : kb(bytes);
  }
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

/** The page targets of both browsers on one row each: the limit, then each browser's verdict. */
function targetRows(targets: Target[], notes: Set<string>): string[] {
  const ids = [...new Set(targets.filter((t) => t.browser).map((t) => t.id))];
  const rows: string[] = [];
  for (const id of ids) {
    const of = (browser: 'chromium' | 'firefox') => targets.find((t) => t.id === id && t.browser === browser);
    const first = of('chromium') ?? of('firefox')!;
    const verdict = (t: Target | undefined) => {
      if (!t) return '—';
      if (t.status === 'not measured') {
        notes.add(t.note ?? '');
        return `[not measured]${t.note ? ' (see below)' : ''}`;
      }
      return `[${t.status}] ${actual(t)}${t.note ? ` (${t.note.length > 24 ? `${t.note.slice(0, 23)}…` : t.note})` : ''}`;
    };
    rows.push(`  ${first.description.padEnd(78)} ${cell(verdict(of('chromium')))} ${verdict(of('firefox'))}`);
  }
  return rows;
}

/** The readable table for stdout; bench/results.json has every run. */
export function formatReport(r: BenchResults): string {
  const firefox: BrowserMeasurements | undefined = isNotMeasured(r.firefox) ? undefined : r.firefox;
  const firefoxVersion = isNotMeasured(r.firefox) ? 'not measured' : r.firefox.version ?? '?';
  const ff = <T,>(pick: (b: BrowserMeasurements) => T): T | undefined => (firefox ? pick(firefox) : (r.firefox as T));
  const notes = new Set<string>();
  const lines = [
    '',
    `Shiftmeter bench, ${r.date.slice(0, 10)}: Chromium ${r.chromium ?? '?'} and Firefox ${firefoxVersion}, ${r.machine.cores} cores, ${(r.machine.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${r.machine.node}`,
    `Page times: ms from navigation start to the mark, ${r.method.runs} runs after ${r.method.warmups} warm-ups, interleaved with a blank extension page of the same browser.`,
    `Load average (1 min) before/after: ${r.machine.loadAverage.before}/${r.machine.loadAverage.after}${r.machine.loadAverage.before > r.machine.cores / 2 ? ' (the machine was busy: expect noise)' : ''}.`,
    '',
    sideRow('median (min–max) ms, ratio to blank, p: paired', [`Chromium ${r.chromium ?? '?'}`, `Firefox ${firefoxVersion}`]),
    'Popup to shiftmeter:ready',
  ];
  const counts = [...new Set([...Object.keys(r.popup), ...(firefox ? Object.keys(firefox.popup) : [])])].sort((a, b) => Number(a) - Number(b));
  for (const count of counts) {
    const figures = [r.popup[count], ff((b) => b.popup[count])];
    lines.push(...sideBySide(`popup, ${Number(count).toLocaleString('en')} sittings`, figures, notes));
    if (figures.some((f) => storedCell(f) !== '')) lines.push(sideRow('  stored', figures.map(storedCell)));
  }
  // The popup's own floor, from the runs of the 1,000-sitting popup: how much of its distance from the blank page is its own work.
  const floors = [r.popupFloor, ff((b) => b.popupFloor)];
  lines.push(...sideBySide('popup floor: its script parsed, its first read', floors, notes, false));
  const popups = [r.popup['1000'], ff((b) => b.popup['1000'])];
  lines.push(sideRow('  popup, 1,000 sittings, over its floor', floors.map((floor, i) => overFloor(popups[i], floor))));
  // Its parts, in the same runs: what any page pays that reads storage at all, or parses a script of the popup's size.
  const parts = (part: FloorPart) => [r.popupFloorParts?.[part], ff((b) => b.popupFloorParts?.[part])];
  lines.push(...sideBySide('  part: a page that reads one key (the settings)', parts('oneKey'), notes, false));
  lines.push(...sideBySide("  part: the popup's first read alone", parts('firstRead'), notes, false));
  lines.push(...sideBySide("  part: the popup's script parsed alone", parts('script'), notes, false));
  const added = [r.popupAdded, ff((b) => b.popupAdded)];
  lines.push(...sideBySide('popup, 1,000 sittings, 100 added questionnaires', added, notes));
  if (added.some((f) => storedCell(f) !== '')) lines.push(sideRow('  stored', added.map(storedCell)));
  lines.push(`Dashboard #/history, ${r.dashboard.sittings.toLocaleString('en')} sittings`);
  lines.push(...sideBySide('ready', [r.dashboard.ready, ff((b) => b.dashboard.ready)], notes), ...sideBySide('charts drawn', [r.dashboard.chartsDrawn, ff((b) => b.dashboard.chartsDrawn)], notes, false));
  lines.push(`Dashboard #/home (the summary a returning person opens on), ${r.dashboard.sittings.toLocaleString('en')} sittings`);
  lines.push(...sideBySide('ready', [r.dashboard.home, ff((b) => b.dashboard.home)], notes));
  const heapCell = (figure: BrowserMeasurements['heap'] | undefined) => {
    if (!figure || isNotMeasured(figure)) {
      notes.add(figure?.notMeasured ?? 'not run');
      return short(figure?.notMeasured ?? 'not run');
    }
    return `${(figure.usedJSHeapSize / 1e6).toFixed(1)} MB${figure.runtimeUsedSize === null ? '' : ` (CDP ${(figure.runtimeUsedSize / 1e6).toFixed(1)} MB)`}${figure.gcForced ? ' after GC' : ''}`;
  };
  lines.push('Memory and storage');
  lines.push(sideRow('dashboard JS heap, 10,000 sittings drawn', [heapCell(r.heap), heapCell(ff((b) => b.heap))]));
  const storedSizeCell = (figure: BrowserMeasurements['storedSize'] | undefined) => {
    if (!figure || isNotMeasured(figure)) {
      notes.add(figure?.notMeasured ?? 'not run');
      return short(figure?.notMeasured ?? 'not run');
    }
    return `${(figure.bytes / 1e6).toFixed(2)} MB`;
  };
  lines.push(sideRow('stored size of 10,000 sittings', [storedSizeCell(r.storedSize), storedSizeCell(ff((b) => b.storedSize))]));
  const versus = [r.versus, ff((b) => b.versus)];
  const versusOf = (figure: BrowserMeasurements['versus'] | undefined, side: 'shiftmeter' | 'surveyjs') => (figure && !isNotMeasured(figure) ? figure[side] : figure);
  const questionnaire = versus.map((v) => (v && !isNotMeasured(v) ? v.questionnaire : null)).find(Boolean) ?? 'production-service';
  lines.push(`Against SurveyJS: the first page of ${questionnaire} shown (popup resuming it; SurveyJS from its JSON)`);
  lines.push(
    ...sideBySide('Shiftmeter popup resuming it', versus.map((v) => versusOf(v, 'shiftmeter')), notes),
    ...sideBySide('SurveyJS (survey-core + survey-js-ui)', versus.map((v) => versusOf(v, 'surveyjs')), notes, false),
    sideRow('SurveyJS / Shiftmeter', versus.map((v) => (v && !isNotMeasured(v) ? `${v.surveyjsOverShiftmeter.toFixed(2)}x as long` : ''))),
  );
  lines.push('Team view #/team, 200 response codes (Chromium only: driven with playwright locators)');
  for (const [label, figure] of [['imported', r.team.imported], ['aggregated', r.team.aggregated]] as const) {
    lines.push(isNotMeasured(figure) ? row(label, `not measured: ${figure.notMeasured}`) : row(label, spread(figure)));
  }
  lines.push('', 'Files loaded up to the mark (raw, gzip -9; Chromium only: the list comes from its traces)');
  for (const [name, sizes] of Object.entries(r.sizes)) lines.push(...sizeRows(name, sizes));
  lines.push('', `Command line (wall ms incl. node start-up: median, min–max, IQR)`, ...cliRows(r.cli));
  lines.push(splitRow(r.split));
  lines.push('', `Targets, per browser${' '.repeat(58)} ${cell('Chromium')} Firefox`);
  lines.push(...targetRows(r.targets, notes));
  for (const target of r.targets.filter((t) => !t.browser)) lines.push(targetRow(target));
  const reasons = [...notes].filter((n) => n && n !== 'not run');
  if (reasons.length > 0) {
    lines.push('', 'Not measured, and why');
    for (const reason of reasons) lines.push(`  - ${reason}`);
  }
  if (r.profiles.length > 0) {
    lines.push('', 'Where the time goes (Chromium only): one traced load each, ms since navigation start (tracing slows a load a little)');
    for (const profile of r.profiles) lines.push(...profileRows(profile));
  }
  return `${lines.join('\n')}\n`;
}
