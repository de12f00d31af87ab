import { useT } from '../app-context';

/** The head of a table of scores: what each row is (a dimension or an axis), then now, wanted and the gap. */
export function ScoreTableHead({ rowLabel }: { rowLabel: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{rowLabel}</th>
        <th scope="col">{t('result.now')}</th>
        <th scope="col">{t('result.wanted')}</th>
        <th scope="col">{t('result.gap')}</th>
      </tr>
    </thead>
  );
}
