import Dexie from 'dexie';
import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';

/**
 * The active incident I lead with the most recent activity: what the popup
 * shows. One key off `[leadId+statusRank+lastActivityAt]`, the last of my
 * active range, not every incident I ever led.
 */
export async function findMyCurrentIncident(db: IncidentDatabase, userId: string): Promise<Incident | null> {
  const mine = await db.incidents.where('[leadId+statusRank+lastActivityAt]').between([userId, 0, Dexie.minKey], [userId, 0, Dexie.maxKey]).last();
  return mine ?? null;
}

/** One incident's timeline, in (hlc, id) order; `limit` reads only its start (a first screenful). */
export async function readTimeline(db: IncidentDatabase, incidentId: string, limit?: number): Promise<IncidentEvent[]> {
  const range = db.events.where('[incidentId+hlc]').between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey]);
  return (limit ? range.limit(limit) : range).toArray();
}

export interface Person {
  id: string;
  name: string;
}

/**
 * People this device knows by name: me first, then everyone who has led an
 * incident here (by name). The distinct leads come off the `leadId` index
 * (a unique key walk) and each name from one row, the lowest id (the first
 * incident they led), so 20,000 incidents cost a read per lead, not per row.
 */
export async function listKnownPeople(db: IncidentDatabase, me: Person): Promise<Person[]> {
  const leads = (await db.incidents.orderBy('leadId').uniqueKeys()).map(String).filter((id) => id !== me.id);
  const rows = await Promise.all(leads.map((id) => db.incidents.where('leadId').equals(id).first()));
  const others = rows.flatMap((row) => (row ? [{ id: row.leadId, name: row.leadName }] : []));
  others.sort((a, b) => a.name.localeCompare(b.name));
  return [me, ...others];
}
