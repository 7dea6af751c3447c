import type { Severity } from '../model/incident-fields';
import type { IncidentFacts } from './facts';
import { bucketOf, bucketsOf, inPeriod, trendGranularity, type Granularity, type Period } from './period';
import { spreadOf, type Spread } from './stats';

export interface ResolveBucket {
  /** Monday of the week, or the first of the month, UTC. */
  start: number;
  minor: Spread | null;
  major: Spread | null;
}

export interface TimeToResolve {
  granularity: Granularity;
  buckets: ResolveBucket[];
  /** Over the whole period, per severity. */
  overall: Record<Severity, Spread | null>;
}

/**
 * Declared → resolved, in ms, for the incidents resolved in the period, by the
 * week (or month, for long periods) they were resolved in.
 */
export function timeToResolve(facts: readonly IncidentFacts[], period: Period): TimeToResolve {
  const granularity = trendGranularity(period);
  const starts = bucketsOf(period, granularity);
  const durations = new Map(starts.map((s) => [s, { minor: [] as number[], major: [] as number[] }]));
  for (const f of facts) {
    if (!f.resolvedAt) continue;
    const at = Date.parse(f.resolvedAt);
    if (!inPeriod(at, period)) continue;
    durations.get(bucketOf(at, granularity))![f.severity].push(at - Date.parse(f.declaredAt));
  }
  const all = [...durations.values()];
  return {
    granularity,
    buckets: starts.map((start) => {
      const d = durations.get(start)!;
      return { start, minor: spreadOf(d.minor), major: spreadOf(d.major) };
    }),
    overall: { minor: spreadOf(all.flatMap((d) => d.minor)), major: spreadOf(all.flatMap((d) => d.major)) },
  };
}
