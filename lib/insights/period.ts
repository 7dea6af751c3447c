/**
 * Insights' calendar, all in UTC so no week ever has 23 or 25 hours (no DST):
 * ISO weeks start on Monday 00:00 UTC (ISO 8601). A period is the half-open
 * range [from, to) in epoch milliseconds.
 */
export interface Period {
  from: number;
  to: number;
}

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** Monday 00:00 UTC of the ISO week holding `ms`. 1970-01-01 was a Thursday, so Monday is (day + 3) % 7 days back. */
export function isoWeekStart(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  return (day - ((day + 3) % 7 + 7) % 7) * DAY_MS;
}

/** The first of the UTC month holding `ms`. */
export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Every ISO week that overlaps the period, empty ones included, by its Monday. */
export function weeksOf(period: Period): number[] {
  const weeks: number[] = [];
  for (let w = isoWeekStart(period.from); w < period.to; w += WEEK_MS) weeks.push(w);
  return weeks;
}

/** Every UTC month that overlaps the period, by its first day. */
export function monthsOf(period: Period): number[] {
  const months: number[] = [];
  for (let m = monthStart(period.from); m < period.to; m = nextMonth(m)) months.push(m);
  return months;
}

export const inPeriod = (ms: number, period: Period) => ms >= period.from && ms < period.to;

export type Granularity = 'week' | 'month';

/**
 * Trends are per week up to 13 weeks (a quarter) and per month beyond: a
 * median and a p90 over a handful of incidents a week jump about too much to
 * read as a trend over half a year.
 */
export function trendGranularity(period: Period): Granularity {
  return period.to - period.from <= 13 * WEEK_MS ? 'week' : 'month';
}

export const bucketsOf = (period: Period, granularity: Granularity) =>
  granularity === 'week' ? weeksOf(period) : monthsOf(period);

export const bucketOf = (ms: number, granularity: Granularity) =>
  granularity === 'week' ? isoWeekStart(ms) : monthStart(ms);
