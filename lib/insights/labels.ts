import type { Granularity } from './period';

// Weeks and months are UTC (lib/insights/period.ts), so their names are too.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2 Nov": a week by its Monday. */
export const weekLabel = (ms: number) => day.format(ms);
/** "Nov 2026". */
export const monthLabel = (ms: number) => month.format(ms);
export const bucketLabel = (ms: number, granularity: Granularity) => (granularity === 'week' ? weekLabel(ms) : monthLabel(ms));
/** "2 Nov 2026". */
export const dateLabel = (ms: number) => dayYear.format(ms);

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
export const percent = (share: number) => `${Math.round(share * 100)}%`;
