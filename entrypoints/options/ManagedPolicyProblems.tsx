import { describeProblem } from '../../lib/settings/managed-settings';
import { useManagedPolicy } from './use-managed-policy';

/** Settings in the organisation's policy that were ignored, each with why (the rest still apply). */
export function ManagedPolicyProblems() {
  const policy = useManagedPolicy();
  if (!policy?.problems.length) return null;
  return (
    <section className="card stack" aria-labelledby="managed-problems-heading">
      <h2 id="managed-problems-heading">Your organisation’s policy</h2>
      {policy.problems.map((problem) => (
        <p key={problem.field} className="error" role="alert">
          {describeProblem(problem)}
        </p>
      ))}
    </section>
  );
}
