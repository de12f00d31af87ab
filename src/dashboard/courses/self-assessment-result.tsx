import type { SummarySelfAssessment } from '../../core/pack/pack-summary';
import { useApp, useT } from '../../ui/app-context';
import { figureText, signedFigureText } from '../../ui/figures';
import { ScoreTableHead } from '../../ui/assessment/score-table-head';

/**
 * A self-assessment's result in a course and in its summary: the overall position in a
 * sentence, and a table per dimension (figures in text, nothing read from colour).
 */
export function SelfAssessmentResult({ result }: { result: SummarySelfAssessment }) {
  const t = useT();
  const format = useApp().i18n.formatNumber.value;
  const shown = (value: number | null) => figureText(format, value);
  return (
    <div class="self-assessment-result" data-testid="self-assessment-result">
      {result.overall.now !== null && result.overall.wanted !== null ? (
        <p data-testid="self-assessment-overall">{t('result.summary', { now: shown(result.overall.now), wanted: shown(result.overall.wanted) })}</p>
      ) : null}
      <table class="data-table">
        <caption>{t('result.tableCaption')}</caption>
        <ScoreTableHead rowLabel={t('result.dimension')} />
        <tbody>
          {result.dimensions.map((row) => (
            <tr key={row.id} data-dimension={row.id}>
              <th scope="row" lang={result.language}>{row.name}</th>
              <td>{shown(row.now)}</td>
              <td>{shown(row.wanted)}</td>
              <td>{signedFigureText(format, row.gap)}</td>
            </tr>
          ))}
          <tr data-dimension="overall">
            <th scope="row">{t('result.overall')}</th>
            <td>{shown(result.overall.now)}</td>
            <td>{shown(result.overall.wanted)}</td>
            <td>{signedFigureText(format, result.overall.gap)}</td>
          </tr>
        </tbody>
      </table>
      <p class="hint small">{t('result.scaleNote', { from: result.from, to: result.to })}</p>
    </div>
  );
}
