import type { Chart, ChartConfiguration } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
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
  const [themeVersion, setThemeVersion] = useState(0);

  useEffect(() => watchChartTheme(() => setThemeVersion((v) => v + 1)), []);

  useEffect(() => {
    let chart: Chart | null = null;
    let cancelled = false;
    void loadChart().then((ChartJs) => {
      if (cancelled || !canvas.current) return;
      chart = new ChartJs(canvas.current, config(readChartTheme()));
      requestAnimationFrame(() => onDrawn?.());
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config, themeVersion]);

  return (
    <div class="chart-box" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
