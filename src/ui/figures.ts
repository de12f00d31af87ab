/** A 0–100 figure as tables and texts show it: whole, in the person's number format, a dash when there is none. */
export function figureText(format: (n: number) => string, value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : format(Math.round(value));
}

/** A change or gap: like figureText, with a plus sign on a rise, so the direction reads without colour. */
export function signedFigureText(format: (n: number) => string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value);
  return rounded > 0 ? `+${format(rounded)}` : format(rounded);
}
