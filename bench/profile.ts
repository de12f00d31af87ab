import type { ChromiumExtension } from '../test/e2e/support/chromium';
import { asBenchPage, READY, waitForMark } from './page-timing';

/**
 * Where one page load's time goes, read from a Chromium performance trace (the data
 * the DevTools Performance panel shows), not inferred from the totals. All times are
 * ms since the navigation started; the traced load is slower than an untraced one.
 */
export interface LoadProfile {
  page: string;
  /** The mark the load was followed to (usually shiftmeter:ready), and when it came. */
  mark: string;
  readyMs: number | null;
  /** Each file the page requested: when it was asked for and when it had arrived. */
  files: { file: string; requestedMs: number; arrivedMs: number | null }[];
  /** When the page's entry module started to run (all its static imports had arrived). */
  moduleStartMs: number | null;
  /** Calls from the page into extension APIs (storage and the like): each is a round trip to the browser process. */
  extensionCallsMs: number[];
  /** Each chrome.storage.local call the page made before the mark, timed inside the page. */
  storageCalls: StorageCall[];
  /** requestAnimationFrame callbacks that ran (Preact runs useEffect after the next frame). */
  animationFramesMs: number[];
  /**
   * Main-thread work before ready, by kind. What is left of readyMs was spent waiting
   * (for files, browser round trips, frames) or on the browser's own tasks, which
   * include the driver's protocol traffic and so are not reported.
   */
  mainThread: { scriptMs: number; styleLayoutPaintMs: number; parseHtmlMs: number; gcMs: number };
}

export interface StorageCall {
  call: string;
  startMs: number;
  durationMs: number;
  /** How many keys came back (for get). */
  keys: number | null;
}

/**
 * Wraps chrome.storage.local in the traced tab only (never in timed loads), so each
 * call's round trip shows as a performance measure: the trace sees a call go out but
 * not its answer come back.
 */
function storageProbe() {
  // No nested named functions: this source is sent to the page as text.
  const areas = new Set([(globalThis as any).chrome?.storage?.local, (globalThis as any).browser?.storage?.local].filter(Boolean));
  for (const area of areas) {
    for (const method of ['get', 'set', 'remove', 'clear', 'getBytesInUse']) {
      const original = area[method]?.bind(area);
      if (!original) continue;
      area[method] = (...args: unknown[]) => {
        const start = performance.now();
        const what = args[0] === null || args[0] === undefined ? 'all' : Array.isArray(args[0]) ? `${args[0].length} keys` : typeof args[0] === 'string' ? '1 key' : `${Object.keys(args[0] as object).length} keys`;
        const result = original(...args);
        void Promise.resolve(result).then((value: unknown) => {
          const got = value && typeof value === 'object' ? Object.keys(value).length : null;
          performance.measure(`bench-storage ${method}(${what})`, { start, end: performance.now(), detail: got });
        });
        return result;
      };
    }
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; requestId?: string; documentLoaderURL?: string } };
}

const KINDS: Record<'scriptMs' | 'styleLayoutPaintMs' | 'parseHtmlMs' | 'gcMs', RegExp> = {
  scriptMs: /^(EvaluateScript|v8\.evaluateModule|v8\.compile|v8\.compileModule|FunctionCall|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch)$/,
  styleLayoutPaintMs: /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|Commit|RecalcStyle)$/,
  parseHtmlMs: /^ParseHTML$/,
  gcMs: /^(MinorGC|MajorGC|V8\.GC.*|BlinkGC.*)$/,
};

/** Total length of the union of intervals, so nested trace events are not counted twice. */
function unionMs(intervals: [number, number][]): number {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return Math.round(total / 10) / 100;
}

export function summarizeTrace(page: string, events: TraceEvent[], extensionId: string, mark = READY): LoadProfile {
  const ready = events.find((e) => e.name === mark);
  const empty = { page, mark, readyMs: null, files: [], moduleStartMs: null, extensionCallsMs: [], storageCalls: [], animationFramesMs: [], mainThread: { scriptMs: 0, styleLayoutPaintMs: 0, parseHtmlMs: 0, gcMs: 0 } };
  if (!ready) return empty;
  const pid = ready.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid ?? ready.tid;
  const prefix = `chrome-extension://${extensionId}/`;
  // This page's own navigationStart in its renderer (an empty initial document may have one too).
  const starts = events.filter((e) => e.name === 'navigationStart' && e.pid === pid && e.ts <= ready.ts);
  const start = (starts.find((e) => e.args?.data?.documentLoaderURL?.startsWith(prefix)) ?? starts[0])?.ts ?? ready.ts;
  const ms = (ts: number) => Math.round((ts - start) / 100) / 10;
  const inLoad = events.filter((e) => e.pid === pid && e.ts >= start && e.ts <= ready.ts);
  const sent = inLoad.filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.startsWith(prefix));
  const files = sent.map((e) => {
    const finish = inLoad.find((f) => f.name === 'ResourceFinish' && f.args?.data?.requestId === e.args?.data?.requestId);
    return { file: e.args!.data!.url!.slice(prefix.length), requestedMs: ms(e.ts), arrivedMs: finish ? ms(finish.ts) : null };
  });
  const onMain = inLoad.filter((e) => e.tid === main && e.ph === 'X' && e.dur);
  const span = (e: TraceEvent): [number, number] => [e.ts, Math.min(e.ts + e.dur!, ready.ts)];
  const firstModule = onMain.filter((e) => e.name === 'v8.evaluateModule').map((e) => e.ts).sort((a, b) => a - b)[0];
  return {
    page,
    mark,
    readyMs: ms(ready.ts),
    files,
    moduleStartMs: firstModule === undefined ? null : ms(firstModule),
    extensionCallsMs: inLoad.filter((e) => e.name === 'NativeExtensionBindingsSystem::SendRequest').map((e) => ms(e.ts)),
    storageCalls: [],
    animationFramesMs: onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => ms(e.ts)),
    mainThread: {
      scriptMs: unionMs(onMain.filter((e) => KINDS.scriptMs.test(e.name)).map(span)),
      styleLayoutPaintMs: unionMs(onMain.filter((e) => KINDS.styleLayoutPaintMs.test(e.name)).map(span)),
      parseHtmlMs: unionMs(onMain.filter((e) => KINDS.parseHtmlMs.test(e.name)).map(span)),
      gcMs: unionMs(onMain.filter((e) => KINDS.gcMs.test(e.name)).map(span)),
    },
  };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'navigation', 'toplevel', 'extensions'];

/**
 * Traces one load of `path` in a fresh tab, up to `mark`, after one untraced warm-up
 * load. The trace also gives the exact list of files requested before the mark (the
 * renderer's own clock orders both), which sizes.ts uses.
 */
export async function profileLoad(ext: ChromiumExtension, path: string, mark = READY): Promise<LoadProfile | null> {
  const browser = ext.context.browser();
  if (!browser) return null;
  const url = `chrome-extension://${ext.extensionId}/${path}`;
  const warm = await ext.context.newPage();
  await warm.goto(url, { waitUntil: 'commit' });
  await waitForMark(asBenchPage(warm), mark, 20_000);
  // Extension pages share one renderer, and the trace is read per renderer: let the warm-up
  // page finish what it loads after its mark (the dashboard fetches Chart.js then), or its
  // requests would show up in the traced load.
  await warm.waitForTimeout(1_500);
  await warm.close();
  const page = await ext.context.newPage();
  await page.addInitScript(storageProbe);
  try {
    await browser.startTracing(undefined, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    const at = await waitForMark(asBenchPage(page), mark, 20_000);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    if (at === null) return null;
    const storageCalls = await page.evaluate((before) => performance.getEntriesByType('measure')
      .filter((m) => m.name.startsWith('bench-storage ') && m.startTime <= before)
      .map((m) => ({ call: m.name.slice(14), startMs: Math.round(m.startTime * 10) / 10, durationMs: Math.round(m.duration * 10) / 10, keys: (m as PerformanceMeasure).detail as number | null })), at);
    return { ...summarizeTrace(path, trace.traceEvents, ext.extensionId, mark), storageCalls };
  } finally {
    await page.close();
  }
}
