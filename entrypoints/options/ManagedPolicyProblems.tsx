import { describeProblem } from '../../lib/settings/managed-settings';
import { useManagedPolicy } from './use-managed-policy';

export const PROBLEMS_LIST_NAME = 'Settings from your organisation that were ignored';

/**
 * Settings in the organisation's policy that were ignored, each with why (the
 * rest still apply). A standing list, not an alert: it stays while the policy
 * does, and the person can do nothing about it but tell the admin.
 */
export function ManagedPolicyProblems() {
  const policy = useManagedPolicy();
  if (!policy?.problems.length) return null;
  return (
    <section className="card stack" aria-labelledby="managed-problems-heading">
      <h2 id="managed-problems-heading">Your organisation’s policy</h2>
      <ul aria-label={PROBLEMS_LIST_NAME} className="stack">
        {policy.problems.map((problem) => (
          <li key={problem.field} className="error">
            {describeProblem(problem)}
          </li>
        ))}
      </ul>
    </section>
  );
}
