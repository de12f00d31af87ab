// Only the Chart.js parts the dashboard draws, imported by name so the bundle keeps
// just these. This module is itself loaded on demand by chart-js.ts.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, LinearScale, CategoryScale, Legend, Tooltip);

export { Chart };
