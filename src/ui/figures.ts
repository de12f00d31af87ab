/** A 0–100 figure as tables and texts show it: whole, in the person's number format, a dash when there is none. */
export function figureText(format: (n: number) => string, value: number | null | undefined): string {
  // `|| 0` turns the -0 that rounding a small negative gives into 0, never shown as "-0".
  return value === null || value === undefined ? '–' : format(Math.round(value) || 0);
}

/** A change or gap: like figureText, with a plus sign on a rise, so the direction reads without colour. */
export function signedFigureText(format: (n: number) => string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value) || 0;
  return rounded > 0 ? `+${format(rounded)}` : format(rounded);
}
