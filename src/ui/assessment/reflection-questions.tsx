import { textIn, type Questionnaire } from '../../core/questionnaire/types';
import { useT } from '../app-context';

export interface ReflectionRow {
  dimension: string;
  name: string;
  singleLoop: string;
  doubleLoop: string;
}

/** The dimensions that carry reflection questions, in the questionnaire's order, in one language. */
export function reflectionRows(questionnaire: Pick<Questionnaire, 'dimensions'>, contentLanguage: string): ReflectionRow[] {
  return questionnaire.dimensions.flatMap((dimension) => dimension.reflection ? [{
    dimension: dimension.id,
    name: textIn(dimension.name, contentLanguage),
    singleLoop: textIn(dimension.reflection.singleLoop, contentLanguage),
    doubleLoop: textIn(dimension.reflection.doubleLoop, contentLanguage),
  }] : []);
}

/**
 * Each dimension's two questions for a team to discuss (single- and double-loop, after
 * Argyris and Schön), folded per dimension so that the popup's result stays short;
 * nothing when the questionnaire has none.
 */
export function ReflectionQuestions({ questionnaire, contentLanguage }: { questionnaire: Questionnaire; contentLanguage: string }) {
  const t = useT();
  const rows = reflectionRows(questionnaire, contentLanguage);
  if (rows.length === 0) return null;
  return (
    <section class="reflection" aria-labelledby="reflection-heading" data-testid="reflection">
      <h3 id="reflection-heading">{t('result.reflectionHeading')}</h3>
      <p class="hint">{t('result.reflectionNote')}</p>
      {rows.map((row) => (
        <details key={row.dimension} data-dimension={row.dimension}>
          <summary lang={contentLanguage}>{row.name}</summary>
          <dl>
            <dt class="hint small">{t('result.reflectionSingleLoop')}</dt>
            <dd lang={contentLanguage}>{row.singleLoop}</dd>
            <dt class="hint small">{t('result.reflectionDoubleLoop')}</dt>
            <dd lang={contentLanguage}>{row.doubleLoop}</dd>
          </dl>
        </details>
      ))}
    </section>
  );
}
