import { useState } from 'react';
import { useStorageItem } from '../../components/use-storage-item';
import type { IncidentDatabase } from '../../lib/db/database';
import { DEFAULT_PRESET, type PresetId } from '../../lib/insights/presets';
import { scopesFor, type Scope } from '../../lib/insights/scope';
import { parseTeamId, teamIdItem } from '../../lib/supabase/team-id';
import { Charts } from './Charts';
import { Controls } from './Controls';
import { EmptyPeriod } from './EmptyPeriod';
import { useInsights, type PeriodChoice } from './use-insights';

/** The Insights page: the period and scope controls, then every chart, or a sentence saying why there are none. */
export function App({ db, now: nowProp, initialPreset = DEFAULT_PRESET }: { db: IncidentDatabase; now?: number; initialPreset?: PresetId }) {
  // Fixed once: a new "now" on every render would start a new read on every render.
  const [now] = useState(() => nowProp ?? Date.now());
  const teamId = useStorageItem<unknown, string | null | undefined>(teamIdItem, { read: parseTeamId, initial: undefined });
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'preset', id: initialPreset });
  const [picked, setScope] = useState<Scope | null>(null);
  const scopes = scopesFor(teamId ?? null);
  // The team's view first when there is one; a scope that no longer exists (team left) falls back.
  const scope = picked && scopes.includes(picked) ? picked : scopes[0]!;
  const state = useInsights(db, choice, scope, teamId, now);
  return (
    <main
      className="insights"
      data-ready={(state.status === 'ready' && !state.updating) || state.status === 'error'}
      aria-busy={state.status === 'loading' || (state.status === 'ready' && state.updating)}
    >
      <h1>Insights</h1>
      <Controls choice={choice} onChoice={setChoice} scope={scope} scopes={scopes} onScope={setScope} />
      {state.status === 'loading' && (
        <p className="muted" aria-busy="true">
          Counting incidents…
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className="error">
          Insights could not be read: {state.message}
        </p>
      )}
      {state.status === 'ready' &&
        (state.insights.incidentCount === 0 ? (
          <EmptyPeriod choice={choice} scope={scope} scopes={scopes} />
        ) : (
          <Charts insights={state.insights} />
        ))}
    </main>
  );
}
