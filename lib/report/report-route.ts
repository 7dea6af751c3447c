import { idSchema } from '../model/incident-fields';

/**
 * Where the printable report lives: report.html#/incident/<id>, the side
 * panel's own route shape (entrypoints/sidepanel/App.tsx), so a reload keeps it.
 */
export function reportPath(incidentId: string): string {
  return `/report.html#/incident/${incidentId}`;
}

export type ReportRoute =
  | { ok: true; incidentId: string }
  | { ok: false; message: string };

const ROUTE = /^#\/incident\/([^/?#]*)$/;

/**
 * The incident a report page was opened for, read from its URL hash. The hash
 * is typed by whoever opened the tab, so it is parsed, never trusted: anything
 * but one incident id gets a sentence saying what is wrong.
 */
export function parseReportRoute(hash: string): ReportRoute {
  if (hash === '' || hash === '#' || hash === '#/') {
    return { ok: false, message: 'No incident was named. Open the report from an incident’s Printable report button.' };
  }
  const id = ROUTE.exec(hash)?.[1];
  let decoded: string | undefined;
  try {
    decoded = id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    decoded = undefined; // a malformed %-escape
  }
  if (decoded === undefined || !idSchema.safeParse(decoded).success) {
    return { ok: false, message: 'This report link is not valid: it does not name an incident.' };
  }
  return { ok: true, incidentId: decoded };
}
