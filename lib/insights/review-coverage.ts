import type { IncidentFacts } from './facts';
import { inPeriod, type Period } from './period';

export interface ReviewCoverage {
  resolved: number;
  reviewed: number;
  /** reviewed / resolved, null when nothing resolved in the period. */
  share: number | null;
}

/** Of the incidents resolved in the period, how many someone not involved reviewed. */
export function reviewCoverage(facts: readonly IncidentFacts[], period: Period): ReviewCoverage {
  let resolved = 0;
  let reviewed = 0;
  for (const f of facts) {
    if (!f.resolvedAt || !inPeriod(Date.parse(f.resolvedAt), period)) continue;
    resolved += 1;
    if (f.reviewedByOutsider) reviewed += 1;
  }
  return { resolved, reviewed, share: resolved ? reviewed / resolved : null };
}
