import { SCOPE_LABELS, type Scope } from '../../lib/insights/scope';
import type { PeriodChoice } from './use-insights';

/** No incident in scope has anything in the period: say so, and how to see more. */
export function EmptyPeriod({ choice, scope, scopes }: { choice: PeriodChoice; scope: Scope; scopes: Scope[] }) {
  const other = scopes.find((s) => s !== scope);
  const allTime = choice.kind === 'preset' && choice.id === 'all';
  const widen = [!allTime && 'choose a longer period (All time shows everything)', other && `switch to ${SCOPE_LABELS[other]}`].filter(Boolean);
  return (
    <div className="empty card" role="status">
      <p>No incidents in this period{allTime ? ' yet' : ''}.</p>
      {widen.length > 0 ? (
        <p className="muted">To see more, {widen.join(', or ')}.</p>
      ) : (
        <p className="muted">Incidents declared from the toolbar button or the side panel show here.</p>
      )}
    </div>
  );
}
