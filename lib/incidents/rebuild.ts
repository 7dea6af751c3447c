import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { foldIncident } from './fold';

/**
 * Throws the projection away and refolds every incident from the event log, in
 * one transaction. The projection is a cache; this is how it is repaired (and
 * how tests prove it is only a cache).
 */
export async function rebuildProjections(db: IncidentDatabase): Promise<number> {
  return db.transaction('rw', [db.events, db.incidents], async () => {
    const byIncident = new Map<string, IncidentEvent[]>();
    await db.events.each((e) => {
      const list = byIncident.get(e.incidentId);
      if (list) list.push(e);
      else byIncident.set(e.incidentId, [e]);
    });
    const rows = [...byIncident.values()].map(foldIncident).filter((i): i is Incident => i !== null);
    await db.incidents.clear();
    await db.incidents.bulkPut(rows);
    return rows.length;
  });
}
