import { readableUtc } from '../export/utc';

/** One instant as the report prints it: in UTC (the same for every reader) and in the reader's own zone, each labelled. */
export interface ReportTime {
  iso: string;
  /** "2026-11-26 09:00 UTC" */
  utc: string;
  /** "26 Nov 2026, 10:00 CET": the zone's name is part of the text, so a printed page says which clock it is. */
  local: string;
}

export interface ClockOptions {
  /** BCP 47 locale; the reader's by default. */
  locale?: string | undefined;
  /** IANA zone; the reader's by default. */
  timeZone?: string | undefined;
}

/** A formatter for `reportTime`, made once per report (Intl formatters are costly to build, cheap to reuse). */
export function reportClock({ locale, timeZone }: ClockOptions = {}): (iso: string) => ReportTime {
  const local = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return (iso) => ({ iso, utc: readableUtc(iso), local: local.format(new Date(iso)) });
}
