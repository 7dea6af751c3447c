import { useEffect, useMemo, useRef, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { computeInsights, type Insights } from '../../lib/insights/compute-insights';
import type { IncidentFacts } from '../../lib/insights/facts';
import type { Period } from '../../lib/insights/period';
import { presetPeriod, type PresetId } from '../../lib/insights/presets';
import { readFacts } from '../../lib/insights/read-facts';
import type { Scope } from '../../lib/insights/scope';

export type PeriodChoice = { kind: 'preset'; id: PresetId } | { kind: 'custom'; period: Period };

export type InsightsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; insights: Insights; updating?: boolean };

type Read = { key: string; facts: IncidentFacts[]; period: Period } | { key: string; error: string };

/**
 * Reads the facts for the chosen period once (lib/insights/read-facts.ts) and
 * counts them for the chosen scope; switching scope counts again without a read.
 * `teamId` undefined means the team record is not read yet.
 */
export function useInsights(db: IncidentDatabase, choice: PeriodChoice, scope: Scope, teamId: string | null | undefined, now: number): InsightsState {
  const key = choice.kind === 'preset' ? choice.id : `${choice.period.from}-${choice.period.to}`;
  const [read, setRead] = useState<Read | null>(null);
  useEffect(() => {
    let live = true;
    const period = choice.kind === 'custom' ? choice.period : choice.id === 'all' ? null : presetPeriod(choice.id, now, null);
    performance.mark('insights:read-start');
    readFacts(db, period).then(
      (facts) => {
        performance.mark('insights:read-end');
        // All time starts with the earliest incident read (the facts are all there).
        const earliest = facts.reduce<string | null>((a, f) => (a === null || f.declaredAt < a ? f.declaredAt : a), null);
        const resolved = period ?? presetPeriod('all', now, earliest === null ? null : Date.parse(earliest));
        if (live) setRead({ key, facts, period: resolved });
      },
      // A read, not a write: say what failed, not "nothing was saved" (describeError's wording).
      (err: unknown) => live && setRead({ key, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
    // `key` names the choice; the choice object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, now]);
  // While another period is read, the charts shown stay (with their Table
  // toggles) and say they are updating, rather than flash a loading line.
  const last = useRef<Insights | null>(null);
  return useMemo((): InsightsState => {
    if (!read || read.key !== key || teamId === undefined) {
      return last.current ? { status: 'ready', insights: last.current, updating: true } : { status: 'loading' };
    }
    if ('error' in read) return { status: 'error', message: read.error };
    last.current = computeInsights(read.facts, read.period, scope, teamId);
    performance.mark('insights:computed'); // bench/insights.run.ts reports read and count times from these marks
    return { status: 'ready', insights: last.current };
  }, [read, key, scope, teamId]);
}
