import type { ScoredSitting } from '../../core/history/series';
import { useApp, useT } from '../../ui/app-context';

export interface SittingPickerProps {
  /** The id of the date list; the year list's is this with `-year`. */
  id: string;
  legend: string;
  series: readonly ScoredSitting[];
  /** The series by year (`sittingsByYear`), worked out once for both pickers. */
  years: ReadonlyMap<number, readonly ScoredSitting[]>;
  value: string;
  onChange: (sittingId: string) => void;
  /** The id of the text that says what choosing a year does: the year list's description. */
  yearHintId?: string;
}

/** A history's sittings by year, oldest first, in the person's calendar: the dates beside them are formatted in local time too. */
export function sittingsByYear(series: readonly ScoredSitting[]): Map<number, ScoredSitting[]> {
  const byYear = new Map<number, ScoredSitting[]>();
  for (const point of series) {
    const year = new Date(point.time).getFullYear();
    const points = byYear.get(year);
    if (points) points.push(point);
    else byYear.set(year, [point]);
  }
  return byYear;
}

/**
 * One sitting of a history, picked by its date. A history over more than one year is
 * picked year first, then date within the year: years of sittings in one list were a
 * thousand options to scroll through, and drawing them was most of the history's first
 * render (about 45 ms in Chromium for two such lists of 1,000).
 */
export function SittingPicker({ id, legend, series, years, value, onChange, yearHintId }: SittingPickerProps) {
  const t = useT();
  const { i18n } = useApp();
  const formatDate = i18n.formatDate.value;
  const chosen = series.find((point) => point.sitting.id === value) ?? series[series.length - 1]!;
  const year = new Date(chosen.time).getFullYear();
  const inYear = years.size > 1 ? years.get(year) ?? [] : series;

  return (
    <fieldset class="sitting-picker">
      <legend>{legend}</legend>
      {years.size > 1 ? (
        <div class="field">
          <label for={`${id}-year`}>{t('history.pickYear')}</label>
          <select
            id={`${id}-year`}
            aria-describedby={yearHintId}
            value={String(year)}
            // Another year shows its latest sitting; its date list then offers the rest of that year.
            onChange={(event) => onChange(years.get(Number((event.currentTarget as HTMLSelectElement).value))!.at(-1)!.sitting.id)}
          >
            {[...years.keys()].map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for={id}>{t('history.pickDate')}</label>
        <select id={id} class="sitting-select" value={chosen.sitting.id} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
          {inYear.map((point) => <option key={point.sitting.id} value={point.sitting.id}>{formatDate(point.sitting.completedAt)}</option>)}
        </select>
      </div>
    </fieldset>
  );
}
