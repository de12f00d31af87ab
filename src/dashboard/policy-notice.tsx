import { useApp, useT } from '../ui/app-context';
import { describeProblemIn } from '../ui/problem-words';

/**
 * What the organisation's policy holds that Shiftmeter leaves out, so the person knows
 * whom to tell; and when it could not be applied at all. Nothing when all is well.
 */
export function PolicyNotice() {
  const app = useApp();
  const t = useT();
  const problems = app.policyProblems.value;
  const notApplied = app.policyNotApplied.value;
  if (problems.length === 0 && notApplied === null) return null;
  return (
    <div class="notice" data-testid="policy-notice">
      {notApplied !== null ? <p>{t('policy.notApplied', { detail: notApplied })}</p> : null}
      {problems.length > 0 ? (
        <>
          <p>{t('policy.problems', { count: problems.length })}</p>
          <details>
            <summary>{t('file.details')}</summary>
            <ul>{problems.map((problem, index) => <li key={index}>{describeProblemIn(t, problem)}</li>)}</ul>
          </details>
        </>
      ) : null}
    </div>
  );
}
