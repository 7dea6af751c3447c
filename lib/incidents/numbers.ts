import type { IncidentDatabase } from '../db/database';
import { incidentNumbers } from '../db/meta-items';

/** The team's human numbers (INC-12), assigned by the server and kept in `meta` by sync. */
export function readIncidentNumbers(db: IncidentDatabase): Promise<Map<string, number>> {
  return incidentNumbers.all(db);
}

/** One incident's number, or undefined while it has none (local-only, or not yet synced). */
export function readIncidentNumber(db: IncidentDatabase, incidentId: string): Promise<number | undefined> {
  return incidentNumbers.get(db, incidentId);
}

export const incidentRef = (n: number | undefined) => (n === undefined ? null : `INC-${n}`);
