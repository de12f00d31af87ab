import type { Chart as ChartType } from 'chart.js';

let loading: Promise<typeof ChartType> | null = null;

/** Chart.js is loaded on first use, as a chunk of its own: pages without a chart never pay for it. */
export function loadChart(): Promise<typeof ChartType> {
  loading ??= import('./chart-setup').then((m) => m.Chart);
  return loading;
}
