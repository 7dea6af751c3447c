import type { IncidentDatabase } from '../db/database';
import { incidentNumbers } from '../db/meta-items';

/** The team's human numbers (INC-12), assigned by the server and kept in `meta` by sync. */
export function readIncidentNumbers(db: IncidentDatabase): Promise<Map<string, number>> {
  return incidentNumbers.all(db);
}

/** The numbers of some incidents (the rows a list shows): reads only theirs, not every number on the device. */
export async function readIncidentNumbersOf(db: IncidentDatabase, incidentIds: readonly string[]): Promise<Map<string, number>> {
  const numbers = await Promise.all(incidentIds.map((id) => incidentNumbers.get(db, id)));
  const found = new Map<string, number>();
  incidentIds.forEach((id, i) => numbers[i] !== undefined && found.set(id, numbers[i]));
  return found;
}

/** One incident's number, or undefined while it has none (local-only, or not yet synced). */
export function readIncidentNumber(db: IncidentDatabase, incidentId: string): Promise<number | undefined> {
  return incidentNumbers.get(db, incidentId);
}

export const incidentRef = (n: number | undefined) => (n === undefined ? null : `INC-${n}`);
