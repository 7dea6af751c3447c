import type { IncidentDatabase } from '../db/database';
import type { IncidentFacts } from './facts';
import type { Period } from './period';
import { withSource } from './with-source';

/**
 * The facts of every incident with something in the period, off the `lastAt`
 * index (nothing of an incident happens after its lastAt, so one whose lastAt
 * is before `from` has nothing to count). Those declared at or after `to` are
 * dropped as they stream by. Never reads `incidents`. A null period reads
 * every fact: "All time" needs them all anyway.
 */
export async function readFacts(db: IncidentDatabase, period: Period | null): Promise<IncidentFacts[]> {
  if (!period) return (await db.facts.toArray()).map(withSource);
  const to = new Date(period.to).toISOString();
  // No Dexie .filter(): it turns the read into a cursor, one callback per row;
  // a plain range read is one getAll (bench/insights.run.ts).
  const rows = await db.facts.where('lastAt').aboveOrEqual(new Date(period.from).toISOString()).toArray();
  return rows.filter((f) => f.declaredAt < to).map(withSource);
}

/** When the first incident held here was declared (the start of "All time"), off the index; null if none. */
export async function earliestDeclared(db: IncidentDatabase): Promise<number | null> {
  const first = await db.facts.orderBy('declaredAt').first();
  return first ? Date.parse(first.declaredAt) : null;
}
