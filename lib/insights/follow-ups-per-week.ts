import type { IncidentFacts } from './facts';
import { inPeriod, isoWeekStart, weeksOf, type Period } from './period';

export interface FollowUpWeek {
  weekStart: number;
  opened: number;
  done: number;
}

/** Follow-ups added, and follow-ups ticked off, in each ISO week of the period, whenever their incident was declared. */
export function followUpsPerWeek(facts: readonly IncidentFacts[], period: Period): FollowUpWeek[] {
  const weeks = new Map(weeksOf(period).map((w) => [w, { weekStart: w, opened: 0, done: 0 }]));
  const count = (iso: string, key: 'opened' | 'done') => {
    const at = Date.parse(iso);
    if (inPeriod(at, period)) weeks.get(isoWeekStart(at))![key] += 1;
  };
  for (const f of facts) {
    for (const at of f.followUpsAddedAt) count(at, 'opened');
    for (const at of f.followUpsDoneAt) count(at, 'done');
  }
  return [...weeks.values()];
}
