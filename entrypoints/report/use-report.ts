import { useEffect, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { loadProfile } from '../../lib/profile/profile';
import { loadIncidentReport } from '../../lib/report/load-report';
import { knownNames } from '../../lib/report/report-names';
import type { IncidentReport } from '../../lib/report/report-model';
import { teamRecordItem } from '../../lib/supabase/team-id';
import { teamMembersOf } from '../../lib/supabase/team-members';

export type ReportState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; report: IncidentReport };

/**
 * One incident's report, read once: a report is a snapshot, dated by its
 * generation time, not a live view (the side panel is the live one).
 */
export function useReport(db: IncidentDatabase, incidentId: string | null): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  useEffect(() => {
    if (!incidentId) return;
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const names = Promise.all([loadProfile(), teamRecordItem.getValue()]).then(([me, team]) => knownNames(me, teamMembersOf(team)));
      const report = await loadIncidentReport(db, incidentId, { nameOf: names, now: Date.now() });
      if (live) setState(report ? { status: 'ready', report } : { status: 'missing' });
    })().catch((e: unknown) => {
      if (live) setState({ status: 'error', message: `The report could not be read: ${e instanceof Error ? e.message : String(e)}` });
    });
    return () => {
      live = false;
    };
  }, [db, incidentId]);
  return state;
}
