import type { QuestionnaireScore } from '../scoring';
import { dimensionPoles, type LocalizedText, type Questionnaire } from '../questionnaire/types';

/**
 * One line the history can draw: the overall score, an axis of a profile, or a dimension.
 * A profile (a questionnaire with `axes`) has no overall line: one score would average its
 * two axes away, as its result says, so its axes take the overall's place.
 */
export interface ChartLine {
  /** Unique among a questionnaire's lines: 'overall', 'axis:<id>' or the dimension's id. */
  id: string;
  kind: 'overall' | 'axis' | 'dimension';
  /** The axis's or dimension's name; none for the overall line (the page names it). */
  name: LocalizedText | null;
  /** The ends the line runs between, 0 to 100. */
  poles: { from: LocalizedText; to: LocalizedText };
  /** The line's "now" and "wanted" in one sitting's score; null where it has none. */
  now(score: QuestionnaireScore): number | null;
  wanted(score: QuestionnaireScore): number | null;
}

export const OVERALL_LINE = 'overall';
const AXIS_PREFIX = 'axis:';

/** Every line of a questionnaire, the summary lines (overall, or a profile's axes) first. */
export function chartLines(questionnaire: Pick<Questionnaire, 'poles' | 'axes' | 'dimensions'>): ChartLine[] {
  const summary: ChartLine[] = questionnaire.axes
    ? questionnaire.axes.map((axis) => {
      const of = (score: QuestionnaireScore) => score.axes?.find((a) => a.axis === axis.id);
      return { id: `${AXIS_PREFIX}${axis.id}`, kind: 'axis', name: axis.name, poles: { from: axis.from, to: axis.to }, now: (score) => of(score)?.now ?? null, wanted: (score) => of(score)?.wanted ?? null };
    })
    : [{ id: OVERALL_LINE, kind: 'overall', name: null, poles: questionnaire.poles, now: (score) => score.overall.now, wanted: (score) => score.overall.wanted }];
  const dimensions = questionnaire.dimensions.map((dimension): ChartLine => {
    const of = (score: QuestionnaireScore) => score.dimensions.find((d) => d.dimension === dimension.id);
    return { id: dimension.id, kind: 'dimension', name: dimension.name, poles: dimensionPoles(questionnaire, dimension.id), now: (score) => of(score)?.now ?? null, wanted: (score) => of(score)?.wanted ?? null };
  });
  return [...summary, ...dimensions];
}

/** The lines shown before the person picks any: the overall score, or a profile's axes. */
export function summaryLineIds(lines: readonly ChartLine[]): string[] {
  return lines.filter((line) => line.kind !== 'dimension').map((line) => line.id);
}
