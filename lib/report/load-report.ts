import type { IncidentDatabase } from '../db/database';
import { readIncidentRecord } from '../export/incident-record';
import { buildIncidentReport, type IncidentReport, type ReportOptions } from './report-model';

/** One incident's printable report, read from this device; null when the incident is not here. */
export async function loadIncidentReport(db: IncidentDatabase, incidentId: string, options: ReportOptions): Promise<IncidentReport | null> {
  const record = await readIncidentRecord(db, incidentId);
  return record && buildIncidentReport(record.incident, record.events, record.ref, options);
}
