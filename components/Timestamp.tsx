import { formatAge, formatDateTime } from '../lib/format/time';

/** A date a person can read both ways: "26 Nov 2026, 09:14 · 5 min ago". */
export function Timestamp({ iso, now, relativeOnly = false }: { iso: string; now: number; relativeOnly?: boolean }) {
  const absolute = formatDateTime(iso);
  const age = formatAge(iso, now);
  return (
    <time dateTime={iso} title={absolute}>
      {relativeOnly ? age : `${absolute} · ${age}`}
    </time>
  );
}
