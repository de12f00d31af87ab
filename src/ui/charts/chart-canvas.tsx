import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { loadChart } from './chart-js';
import { readChartTheme, watchChartTheme, type ChartTheme } from './chart-theme';

export interface ChartCanvasProps {
  /** Builds the chart from the current theme; a new function (new data) redraws it. */
  config: (theme: ChartTheme) => ChartConfiguration;
  /** The accessible name of the chart image; the figures are in the table beside it. */
  label: string;
  height?: number;
  onDrawn?: () => void;
}

/** A Chart.js canvas with role="img", redrawn when its data, the colour scheme or motion preference change. */
export function ChartCanvas({ config, label, height = 320, onDrawn }: ChartCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<{ chart: Chart; type: ChartConfiguration['type'] } | null>(null);
  const [themeVersion, setThemeVersion] = useState(0);

  useEffect(() => watchChartTheme(() => setThemeVersion((v) => v + 1)), []);

  // A layout effect: with Chart.js already loaded (the history starts loading it at once),
  // the chart is drawn before the page is first painted, not a frame or more after it.
  useLayoutEffect(() => {
    const next = config(readChartTheme());
    const current = chart.current?.chart;
    if (current && chart.current?.type === next.type) {
      // New data or colours: the chart is updated where it is, without building it again
      // or animating (a history's actions arriving a moment later would replay its animation).
      current.data = next.data;
      current.options = next.options ?? {};
      current.update('none');
      return;
    }
    current?.destroy();
    chart.current = null;
    let cancelled = false;
    void loadChart().then((ChartJs) => {
      if (cancelled || !canvas.current) return;
      chart.current = { chart: new ChartJs(canvas.current, next), type: next.type };
      requestAnimationFrame(() => onDrawn?.());
    });
    return () => {
      cancelled = true;
    };
  }, [config, themeVersion]);

  useLayoutEffect(() => () => {
    chart.current?.chart.destroy();
    chart.current = null;
  }, []);

  return (
    <div class="chart-box" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
