import type { IncidentFacts } from './facts';
import { inPeriod, isoWeekStart, weeksOf, type Period } from './period';

export interface WeekCount {
  /** Monday 00:00 UTC. */
  weekStart: number;
  minor: number;
  major: number;
}

/** Incidents declared in the period, per ISO week and severity; weeks with none are there as zeros. */
export function incidentsPerWeek(facts: readonly IncidentFacts[], period: Period): WeekCount[] {
  const weeks = new Map(weeksOf(period).map((w) => [w, { weekStart: w, minor: 0, major: 0 }]));
  for (const f of facts) {
    const at = Date.parse(f.declaredAt);
    if (inPeriod(at, period)) weeks.get(isoWeekStart(at))![f.severity] += 1;
  }
  return [...weeks.values()];
}
