import type { IncidentDatabase } from '../db/database';
import { projectionTables } from '../incidents/projection';
import { outboxRow } from '../db/outbox-row';
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
  return db.transaction('rw', [db.events, ...projectionTables(db), db.outbox], async () => {
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
    // Their queued rows follow, or they would wait for an account that never signs in.
    const reattributed = new Set(changed.filter((e) => e.authorId === toId).map((e) => e.id));
    await db.outbox.filter((o) => reattributed.has(o.eventId)).modify({ authorId: toId });
    for (const id of new Set(changed.map((e) => e.incidentId))) await refold(db, id);
    return changed.length;
  });
}

/**
 * Shares a local-only incident into the team, published by `sharerId` (the
 * signed-in account): its events (never published) take the team's id, and
 * every one is queued. The server accepts only events authored by the caller,
 * so entries this device holds under another id (an import from another
 * profile, written before that person had an account) are published as the
 * sharer's: whoever shares a local record vouches for it.
 */
export async function shareIncident(db: IncidentDatabase, incidentId: string, teamId: string, sharerId: string): Promise<void> {
  await db.transaction('rw', [db.events, ...projectionTables(db), db.outbox], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new Error('That incident no longer exists on this device.');
    if (incident.teamId) throw new Error('This incident is already shared with a team.');
    const events = (await db.events.where('[incidentId+hlc]').between([incidentId, ''], [incidentId, '\uffff']).toArray()).map(
      (e) => ({ ...e, teamId, authorId: sharerId }),
    );
    await db.events.bulkPut(events);
    const queued = new Set((await db.outbox.where('eventId').anyOf(events.map((e) => e.id)).toArray()).map((o) => o.eventId));
    await db.outbox.filter((o) => o.incidentId === incidentId).modify({ teamId, authorId: sharerId });
    const enqueuedAt = new Date().toISOString();
    await db.outbox.bulkAdd(events.filter((e) => !queued.has(e.id)).map((e) => outboxRow(e, enqueuedAt)));
    await refold(db, incidentId);
  });
}
