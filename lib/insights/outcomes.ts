import type { Outcome } from '../model/incident-fields';
import type { IncidentFacts } from './facts';
import { inPeriod, type Period } from './period';

export const OUTCOME_LABELS: Record<Outcome, string> = { fixed: 'Fixed', deferred: 'Deferred', no_action: 'No action' };

/** How the incidents resolved in the period ended. Resolving always records an outcome (lib/incidents/resolve). */
export function outcomes(facts: readonly IncidentFacts[], period: Period): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { fixed: 0, deferred: 0, no_action: 0 };
  for (const f of facts) {
    if (f.resolvedAt && f.outcome && inPeriod(Date.parse(f.resolvedAt), period)) counts[f.outcome] += 1;
  }
  return counts;
}
