import type { IncidentDatabase } from '../db/database';
import { refold } from '../incidents/append';
import type { IncidentEvent } from '../model/event';

/**
 * On first sign-in, my local user id becomes my account's id. Events of
 * local-only incidents (never published) are re-attributed so they can be
 * shared later: the server only accepts events authored by the caller. Team
 * events are never rewritten.
 */
export async function adoptIdentity(db: IncidentDatabase, fromId: string, toId: string): Promise<number> {
  if (fromId === toId) return 0;
  return db.transaction('rw', [db.events, db.incidents], async () => {
    const changed: IncidentEvent[] = [];
    await db.events
      .filter((e) => e.teamId === null)
      .each((e) => {
        let next: IncidentEvent = e;
        if (e.authorId === fromId) next = { ...next, authorId: toId };
        if ((next.kind === 'declared' || next.kind === 'lead_changed') && next.body.leadId === fromId) {
          next = { ...next, body: { ...next.body, leadId: toId } } as IncidentEvent;
        }
        if (next.kind === 'follow_up_added' && next.body.ownerId === fromId) {
          next = { ...next, body: { ...next.body, ownerId: toId } };
        }
        if (next !== e) changed.push(next);
      });
    await db.events.bulkPut(changed);
    for (const id of new Set(changed.map((e) => e.incidentId))) await refold(db, id);
    return changed.length;
  });
}

/**
 * Shares a local-only incident into the team: its events (never published)
 * take the team's id, and their queued outbox rows become pushable.
 */
export async function shareIncident(db: IncidentDatabase, incidentId: string, teamId: string): Promise<void> {
  await db.transaction('rw', [db.events, db.incidents, db.outbox], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new Error('That incident no longer exists on this device.');
    if (incident.teamId) throw new Error('This incident is already shared with a team.');
    const events = await db.events.where('[incidentId+hlc]').between([incidentId, ''], [incidentId, '\uffff']).toArray();
    await db.events.bulkPut(events.map((e) => ({ ...e, teamId })));
    await db.outbox.filter((o) => o.incidentId === incidentId).modify({ teamId });
    await refold(db, incidentId);
  });
}
