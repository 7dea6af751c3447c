import type { IncidentDatabase } from '../db/database';
import { foldAll } from './fold-all';
import { projectionTables, putProjections } from './projection';

/**
 * Throws the projection away and refolds every incident from the event log, in
 * one transaction. The projection is a cache; this is how it is repaired (and
 * how tests prove it is only a cache).
 */
export async function rebuildProjections(db: IncidentDatabase): Promise<number> {
  return db.transaction('rw', [db.events, ...projectionTables(db)], async () => {
    const rows = foldAll(await db.events.toArray());
    await db.incidents.clear();
    await db.facts.clear();
    await putProjections(db, rows);
    return rows.length;
  });
}
