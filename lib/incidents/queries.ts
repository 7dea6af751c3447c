import Dexie from 'dexie';
import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';

/** The active incident I lead with the most recent activity: what the popup shows. */
export async function findMyCurrentIncident(db: IncidentDatabase, userId: string): Promise<Incident | null> {
  const mine = await db.incidents.where('leadId').equals(userId).filter((i) => i.status === 'active').toArray();
  mine.sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1));
  return mine[0] ?? null;
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

/** People this device knows by name: me first, then everyone who has led an incident here. */
export async function listKnownPeople(db: IncidentDatabase, me: Person): Promise<Person[]> {
  const people = new Map<string, string>([[me.id, me.name]]);
  await db.incidents.each((i) => {
    if (!people.has(i.leadId)) people.set(i.leadId, i.leadName);
  });
  const others = [...people].filter(([id]) => id !== me.id).map(([id, name]) => ({ id, name }));
  others.sort((a, b) => a.name.localeCompare(b.name));
  return [me, ...others];
}
