import { useLiveQuery } from 'dexie-react-hooks';
import { useStorageItem } from '../../components/use-storage-item';
import { namesFromLog } from '../../lib/export/incident-record';
import type { DomainContext } from '../../lib/incidents/context';
import { readIncidentNumber } from '../../lib/incidents/numbers';
import { readTimeline } from '../../lib/incidents/queries';
import { teamRecordItem } from '../../lib/supabase/team-id';
import { teamMembersOf } from '../../lib/supabase/team-members';

const FIRST_SCREENFUL = 40;

/**
 * One incident as the side panel shows it, kept live: the record, its log, its
 * number, and who wrote what. `undefined` while loading; `incident` is null
 * when it is not on this device.
 */
export function useIncident(ctx: DomainContext, incidentId: string) {
  const incident = useLiveQuery(async () => (await ctx.db.incidents.get(incidentId)) ?? null, [incidentId]);
  // A first screenful arrives long before a long log is read in full: show it at once.
  const head = useLiveQuery(() => readTimeline(ctx.db, incidentId, FIRST_SCREENFUL), [incidentId]);
  const full = useLiveQuery(() => readTimeline(ctx.db, incidentId), [incidentId]);
  const events = full ?? head;
  const number = useLiveQuery(() => readIncidentNumber(ctx.db, incidentId), [incidentId]);
  const members = useStorageItem(teamRecordItem, { read: teamMembersOf, initial: [] }).filter((m) => !m.former);
  // Names from this incident's own log (leads carry theirs) and the team: no scan of every incident.
  const names = new Map<string, string>([...namesFromLog(events ?? []), ...members.map((m) => [m.id, m.name] as const)]);
  const me = { id: ctx.actor.userId, name: ctx.actor.displayName };
  /** A name for a report: mine as it is, a teammate's, or "A teammate". */
  const authorName = (id: string) => (id === me.id ? me.name : (names.get(id) ?? 'A teammate'));
  /** A name on the timeline, where mine is marked. */
  const nameOf = (id: string) => (id === me.id ? `${me.name} (you)` : (names.get(id) ?? 'A teammate'));
  /** The whole log is read (not only its first screenful): what the Catch up card and following need. */
  const complete = full !== undefined;
  return { incident, events, complete, number, me, authorName, nameOf };
}
