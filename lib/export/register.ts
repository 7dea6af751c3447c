import type { IncidentDatabase } from '../db/database';
import { readIncidentNumbers } from '../incidents/numbers';
import type { Incident } from '../model/incident';
import { toCsv } from './csv';
import { exportRef } from './incident-ref';
import { isoUtc, minutesBetween } from './utc';

export const REGISTER_COLUMNS = [
  'ref',
  'title',
  'severity',
  'lead',
  'declared',
  'resolved',
  'time to resolve',
  'outcome',
  'follow-ups open',
  'follow-ups done',
  'follow-up links',
  'customer updates',
] as const;

/**
 * The incident register an auditor asks for (SOC 2 CC7.4/CC7.5, ISO 27001
 * A.5.24–A.5.28): one row per incident on this device, oldest declared first.
 * Times are ISO 8601 in UTC; "time to resolve" is whole minutes, empty while
 * the incident is active. "follow-up links" lists the tracker issues linked
 * to its follow-ups (lib/trackers/), space-separated (a URL holds no space). Every text cell is guarded against formula
 * injection by the CSV writer.
 */
export async function incidentRegister(db: IncidentDatabase): Promise<string> {
  const [incidents, numbers] = await Promise.all([db.incidents.toArray(), readIncidentNumbers(db)]);
  return registerCsv(incidents, numbers);
}

/** The register of the given incidents (sorted here, oldest declared first): the evidence pack's register.csv too. */
export function registerCsv(incidents: Incident[], numbers: ReadonlyMap<string, number>): string {
  incidents = [...incidents];
  incidents.sort((a, b) => Date.parse(a.declaredAt) - Date.parse(b.declaredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = incidents.map((i) => {
    const resolved = i.status === 'resolved' && i.resolvedAt ? i.resolvedAt : null;
    const done = i.followUps.filter((f) => f.done).length;
    return [
      exportRef(i.id, numbers),
      i.title,
      i.severity,
      i.leadName,
      isoUtc(i.declaredAt),
      resolved ? isoUtc(resolved) : '',
      resolved ? minutesBetween(i.declaredAt, resolved) : '',
      i.outcome ?? '',
      i.followUps.length - done,
      done,
      i.followUps.flatMap((f) => (f.link ? [f.link] : [])).join(' '),
      i.customerUpdateCount,
    ];
  });
  return toCsv([REGISTER_COLUMNS, ...rows]);
}
