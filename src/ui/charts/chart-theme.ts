/** Colours and motion for charts, read from the page's CSS so charts follow light and dark. */
export interface ChartTheme {
  text: string;
  grid: string;
  series: string[];
  animate: boolean;
}

const SERIES_COUNT = 10;

export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const variable = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: variable('--text'),
    grid: variable('--grid'),
    series: Array.from({ length: SERIES_COUNT }, (_, i) => variable(`--series-${i + 1}`)),
    animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
  };
}

/** Calls `onChange` when the colour scheme or the motion preference changes. */
export function watchChartTheme(onChange: () => void): () => void {
  const queries = [matchMedia('(prefers-color-scheme: dark)'), matchMedia('(prefers-reduced-motion: reduce)')];
  queries.forEach((query) => query.addEventListener('change', onChange));
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    queries.forEach((query) => query.removeEventListener('change', onChange));
    observer.disconnect();
  };
}
