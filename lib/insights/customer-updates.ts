import type { IncidentFacts } from './facts';
import { inPeriod, type Period } from './period';
import { spreadOf, type Spread } from './stats';

export interface FirstUpdate {
  /** Major incidents declared in the period. */
  majors: number;
  /** Declared → first customer update, in ms, over those that had one. */
  spread: Spread | null;
  /** Majors with no customer update (yet). */
  none: number;
}

/** For Major incidents declared in the period: how long customers waited for the first word. */
export function firstCustomerUpdate(facts: readonly IncidentFacts[], period: Period): FirstUpdate {
  const waits: number[] = [];
  let majors = 0;
  for (const f of facts) {
    const declared = Date.parse(f.declaredAt);
    if (f.severity !== 'major' || !inPeriod(declared, period)) continue;
    majors += 1;
    if (f.firstCustomerUpdateAt) waits.push(Date.parse(f.firstCustomerUpdateAt) - declared);
  }
  return { majors, spread: spreadOf(waits), none: majors - waits.length };
}
