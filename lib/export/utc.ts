/** An ISO 8601 instant in UTC to the second ("2026-11-26T09:00:00Z"): what an audit trail wants. */
export function isoUtc(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "2026-11-26 09:00 UTC": a time a person reads, the same wherever the report is opened. */
export function readableUtc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Whole minutes between two instants. */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
}

/**
 * Midnight UTC of a calendar day written YYYY-MM-DD (as a date input gives
 * it), in epoch milliseconds; null for anything else. Date.parse rolls an
 * impossible day over (2026-02-31 is 3 March in V8), so a day that does not
 * come back the same is refused. The evidence pack's and Insights' date
 * filters both read days with it.
 */
export function utcDayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? null : ms;
}
