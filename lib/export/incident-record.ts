import type { IncidentDatabase } from '../db/database';
import { readIncidentNumbers } from '../incidents/numbers';
import { readTimeline } from '../incidents/queries';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import { exportRef } from './incident-ref';

/** One incident as every report of it starts: its folded state, its whole log and its reference (INC-12). */
export interface IncidentRecord {
  incident: Incident;
  events: IncidentEvent[];
  ref: string;
}

/**
 * Reads what the Markdown copy (./markdown.ts) and the printable report
 * (lib/report/) are built from, in one go; null when the incident is not on
 * this device.
 */
export async function readIncidentRecord(db: IncidentDatabase, incidentId: string): Promise<IncidentRecord | null> {
  const [incident, events, numbers] = await Promise.all([
    db.incidents.get(incidentId),
    readTimeline(db, incidentId),
    readIncidentNumbers(db),
  ]);
  return incident ? { incident, events, ref: exportRef(incident.id, numbers) } : null;
}

/** Names the log itself gives: every lead carries theirs (declared, lead_changed). The latest wins. */
export function namesFromLog(events: readonly IncidentEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.kind === 'declared' || e.kind === 'lead_changed') names.set(e.body.leadId, e.body.leadName);
  return names;
}
