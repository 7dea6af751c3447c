import type { IncidentDatabase } from '../db/database';

const PREFIX = 'incidentNumber:';

/** The team's human numbers (INC-12), assigned by the server and kept in `meta` by sync. */
export async function readIncidentNumbers(db: IncidentDatabase): Promise<Map<string, number>> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return new Map(rows.filter((r) => typeof r.value === 'number').map((r) => [r.key.slice(PREFIX.length), r.value as number]));
}

export const incidentRef = (n: number | undefined) => (n === undefined ? null : `INC-${n}`);
