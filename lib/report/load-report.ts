import type { IncidentDatabase } from '../db/database';
import { readIncidentRecord } from '../export/incident-record';
import { buildIncidentReport, type IncidentReport, type ReportOptions } from './report-model';

type Namer = ReportOptions['nameOf'];

/**
 * One incident's printable report, read from this device; null when the
 * incident is not here. `nameOf` may still be on its way (names from
 * extension storage): the log is read meanwhile, not after.
 */
export async function loadIncidentReport(
  db: IncidentDatabase,
  incidentId: string,
  { nameOf, ...options }: Omit<ReportOptions, 'nameOf'> & { nameOf?: Namer | Promise<Namer> },
): Promise<IncidentReport | null> {
  const [record, namer] = await Promise.all([readIncidentRecord(db, incidentId), nameOf]);
  return record && buildIncidentReport(record.incident, record.events, record.ref, { ...options, nameOf: namer });
}
