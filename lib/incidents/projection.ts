import type { IncidentDatabase } from '../db/database';
import { incidentFacts } from '../insights/facts';
import type { Incident } from '../model/incident';

/**
 * The tables folded from the log: an incident's row and its Insights facts.
 * Every transaction that refolds must include both (Dexie refuses a write to
 * a table outside the transaction's scope).
 */
export const projectionTables = (db: IncidentDatabase) => [db.incidents, db.facts] as const;

/** Writes folded rows and their facts (inside the caller's transaction). */
export async function putProjections(db: IncidentDatabase, rows: readonly Incident[]): Promise<void> {
  await db.incidents.bulkPut([...rows]);
  await db.facts.bulkPut(rows.map(incidentFacts));
}

/** An incident that no longer folds (no declaration held here) leaves both tables. */
export async function deleteProjection(db: IncidentDatabase, incidentId: string): Promise<void> {
  await db.incidents.delete(incidentId);
  await db.facts.delete(incidentId);
}
