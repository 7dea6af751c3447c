// Insights' end-to-end data, for the Chromium and Firefox specs: three
// incidents a teammate's device would have logged, dated from now so the
// default period (the last 12 weeks) holds two of them and "Last 12 months" all three.
import { eventLog } from '../../bench/sidepanel-data';
import { PRIYA } from './seed';

const DAY = 86_400_000;

export function insightsLog(now = Date.now()) {
  const { events, push } = eventLog(() => 'priya');
  const lead = { leadId: PRIYA.id, leadName: PRIYA.name };
  const major = push(null, PRIYA, now - 2 * DAY, { kind: 'declared', body: { title: 'Checkout 502s', severity: 'major', ...lead } });
  push(major, PRIYA, now - 2 * DAY + 2 * 3_600_000, { kind: 'status_changed', body: { status: 'resolved', outcome: 'fixed' } });
  push(null, PRIYA, now - 9 * DAY, { kind: 'declared', body: { title: 'Slow search', severity: 'minor', ...lead } });
  const old = push(null, PRIYA, now - 200 * DAY, { kind: 'declared', body: { title: 'Old outage', severity: 'minor', ...lead } });
  push(old, PRIYA, now - 200 * DAY + 3_600_000, { kind: 'status_changed', body: { status: 'resolved', outcome: 'no_action' } });
  return events;
}

export const ME_PROFILE = { userId: '0190a000-0000-7000-8000-000000000001', displayName: 'Sophie' };

/** The sums of the "Incidents per week" table's Minor and Major columns, as shown. */
export function columnSums(rows: string[][]): { minor: number; major: number } {
  return rows.reduce((s, r) => ({ minor: s.minor + Number(r[1]), major: s.major + Number(r[2]) }), { minor: 0, major: 0 });
}
