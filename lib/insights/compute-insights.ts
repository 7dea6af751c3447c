import type { Outcome } from '../model/incident-fields';
import { firstCustomerUpdate, type FirstUpdate } from './customer-updates';
import type { IncidentFacts } from './facts';
import { followUpsPerWeek, type FollowUpWeek } from './follow-ups-per-week';
import { incidentsPerWeek, type WeekCount } from './incidents-per-week';
import { outcomes } from './outcomes';
import type { Period } from './period';
import { reviewCoverage, type ReviewCoverage } from './review-coverage';
import { inScope, type Scope } from './scope';
import { incidentsBySource, type SourceCount } from './sources';
import { timeToResolve, type TimeToResolve } from './time-to-resolve';

export interface Insights {
  period: Period;
  /** Incidents in scope with anything in the period (declared, resolved, a follow-up, an update). */
  incidentCount: number;
  perWeek: WeekCount[];
  timeToResolve: TimeToResolve;
  outcomes: Record<Outcome, number>;
  followUps: FollowUpWeek[];
  firstUpdate: FirstUpdate;
  review: ReviewCoverage;
  sources: SourceCount[];
}

/** Every number on the Insights page, for one scope and period. */
export function computeInsights(all: readonly IncidentFacts[], period: Period, scope: Scope, teamId: string | null): Insights {
  const facts = all.filter((f) => inScope(f, scope, teamId) && Date.parse(f.declaredAt) < period.to && Date.parse(f.lastAt) >= period.from);
  return {
    period,
    incidentCount: facts.length,
    perWeek: incidentsPerWeek(facts, period),
    timeToResolve: timeToResolve(facts, period),
    outcomes: outcomes(facts, period),
    followUps: followUpsPerWeek(facts, period),
    firstUpdate: firstCustomerUpdate(facts, period),
    review: reviewCoverage(facts, period),
    sources: incidentsBySource(facts, period),
  };
}
