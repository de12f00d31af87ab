/**
 * A small line of scores (0–100), oldest first, drawn as SVG: the popup's trend beside a
 * questionnaire. It has no axis of its own and is never the only place a figure is
 * given: `label` says every value in words, for a screen reader and as a tooltip.
 */
export function TrendLine({ values, label, width = 72, height = 22 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const pad = 2;
  const step = (width - 2 * pad) / (values.length - 1);
  const y = (value: number) => pad + (1 - value / 100) * (height - 2 * pad);
  const points = values.map((value, i) => `${(pad + i * step).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const last = values.at(-1)!;
  return (
    <svg class="trend-line" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <title>{label}</title>
      {/* The midpoint of the scale, so a line is read as towards one pole or the other. */}
      <line class="trend-mid" x1={pad} x2={width - pad} y1={y(50)} y2={y(50)} />
      <polyline class="trend-path" points={points} />
      <circle class="trend-last" cx={width - pad} cy={y(last)} r="2" />
    </svg>
  );
}
