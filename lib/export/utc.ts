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
