import type { IncidentDatabase } from '../db/database';
import { utcDayStart } from '../export/utc';
import { ValidationError } from '../incidents/errors';
import type { Incident } from '../model/incident';
import { packFilterSchema, type PackFilter } from './pack-format';

const DAY_MS = 86_400_000;

/** The filter checked (zod) and turned into a test on rows; bad dates are refused with a sentence. */
export function incidentMatcher(filter: PackFilter): (incident: Incident) => boolean {
  const parsed = packFilterSchema.safeParse(filter);
  if (!parsed.success) throw new ValidationError('Choose the dates as YYYY-MM-DD, or leave them empty.');
  const from = parsed.data.declaredFrom === null ? -Infinity : dayStart(parsed.data.declaredFrom, 'start');
  const to = parsed.data.declaredTo === null ? Infinity : dayStart(parsed.data.declaredTo, 'end') + DAY_MS;
  if (from >= to) throw new ValidationError('The start date is after the end date.');
  return (incident) => {
    const declared = Date.parse(incident.declaredAt);
    return declared >= from && declared < to && (!filter.majorOnly || incident.severity === 'major');
  };
}

function dayStart(day: string, which: 'start' | 'end'): number {
  const ms = utcDayStart(day);
  if (ms === null) throw new ValidationError(`The ${which} date ${day} is not a day of the calendar.`);
  return ms;
}

/**
 * The incidents a pack holds, oldest declared first (the register's order).
 * Rows are read with a cursor and only the matching ones kept, without their
 * search text and words: the register and the reports do not use them, and
 * at 2,000 incidents they were most of the JS heap the pack held
 * (bench/evidence.run.ts).
 */
export async function selectIncidents(db: IncidentDatabase, filter: PackFilter): Promise<Incident[]> {
  const matches = incidentMatcher(filter);
  const picked: Incident[] = [];
  await db.incidents.each((incident) => {
    if (matches(incident)) picked.push({ ...incident, searchText: '', searchWords: [] });
  });
  picked.sort((a, b) => Date.parse(a.declaredAt) - Date.parse(b.declaredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return picked;
}
