import type { IncidentDatabase } from '../../lib/db/database';
import { readIncidentNumbersOf } from '../../lib/incidents/numbers';
import { readIncidents } from '../../lib/incidents/views';
import type { Incident } from '../../lib/model/incident';

/** Rows are read a page at a time: scrolling a few rows does not read again, and the first page covers a tall panel. */
export const PAGE = 40;

/** Some rows of a list, by id, with their INC numbers. */
export interface ListPage {
  rows: Map<string, Incident>;
  numbers: Map<string, number>;
}

/** Reads the rows and numbers of some ids (one window of a view): nothing else. */
export async function readListPage(db: IncidentDatabase, ids: readonly string[]): Promise<ListPage> {
  const [rows, numbers] = await Promise.all([readIncidents(db, ids), readIncidentNumbersOf(db, ids)]);
  return { rows: new Map(rows.map((row) => [row.id, row])), numbers };
}
