import { formatDuration } from '../../lib/format/time';
import type { Insights } from '../../lib/insights/compute-insights';
import { describeFollowUps, describePerWeek, describeTimeToResolve } from '../../lib/insights/describe';
import { bucketLabel, weekLabel } from '../../lib/insights/labels';
import type { Spread } from '../../lib/insights/stats';
import { Bars, Legend } from './Bars';
import { ChartCard } from './ChartCard';
import { Trend } from './Trend';

const SEVERITIES = [
  { key: 'minor', name: 'Minor', className: 'sev-minor' },
  { key: 'major', name: 'Major', className: 'sev-major' },
];

export function PerWeekChart({ insights }: { insights: Insights }) {
  const rows = insights.perWeek.map((w) => ({ key: w.weekStart, minor: w.minor, major: w.major }));
  return (
    <ChartCard
      title="Incidents per week"
      description={describePerWeek(insights)}
      table={{ columns: ['Week of', 'Minor', 'Major', 'Total'], rows: insights.perWeek.map((w) => [weekLabel(w.weekStart), w.minor, w.major, w.minor + w.major]) }}
    >
      {(ids) => (
        <>
          <Bars rows={rows} series={SEVERITIES} mode="stacked" label={weekLabel} {...ids} />
          <Legend series={SEVERITIES} />
        </>
      )}
    </ChartCard>
  );
}

const duration = (s: Spread | null, pick: 'median' | 'p90') => (s ? formatDuration(s[pick]) : '–');

export function TimeToResolveChart({ insights }: { insights: Insights }) {
  const t = insights.timeToResolve;
  const label = (k: number) => bucketLabel(k, t.granularity);
  const series = [
    { name: 'Major, median', className: 'sev-major', values: t.buckets.map((b) => b.major?.median ?? null) },
    { name: 'Major, p90', className: 'sev-major', dashed: true, values: t.buckets.map((b) => b.major?.p90 ?? null) },
    { name: 'Minor, median', className: 'sev-minor', values: t.buckets.map((b) => b.minor?.median ?? null) },
    { name: 'Minor, p90', className: 'sev-minor', dashed: true, values: t.buckets.map((b) => b.minor?.p90 ?? null) },
  ];
  return (
    <ChartCard
      title="Time to resolve"
      description={describeTimeToResolve(insights)}
      table={{
        columns: [t.granularity === 'week' ? 'Week of' : 'Month', 'Minor resolved', 'Minor median', 'Minor p90', 'Major resolved', 'Major median', 'Major p90'],
        rows: t.buckets.map((b) => [
          label(b.start),
          b.minor?.count ?? 0,
          duration(b.minor, 'median'),
          duration(b.minor, 'p90'),
          b.major?.count ?? 0,
          duration(b.major, 'median'),
          duration(b.major, 'p90'),
        ]),
      }}
    >
      {(ids) => (
        <>
          <Trend keys={t.buckets.map((b) => b.start)} series={series} label={label} {...ids} />
          <Legend series={series} />
        </>
      )}
    </ChartCard>
  );
}

const FOLLOW_UPS = [
  { key: 'opened', name: 'Opened', className: 'fu-opened' },
  { key: 'done', name: 'Done', className: 'fu-done' },
];

export function FollowUpsChart({ insights }: { insights: Insights }) {
  const rows = insights.followUps.map((w) => ({ key: w.weekStart, opened: w.opened, done: w.done }));
  return (
    <ChartCard
      title="Follow-ups opened and done"
      description={describeFollowUps(insights)}
      table={{ columns: ['Week of', 'Opened', 'Done'], rows: insights.followUps.map((w) => [weekLabel(w.weekStart), w.opened, w.done]) }}
    >
      {(ids) => (
        <>
          <Bars rows={rows} series={FOLLOW_UPS} mode="grouped" label={weekLabel} {...ids} />
          <Legend series={FOLLOW_UPS} />
        </>
      )}
    </ChartCard>
  );
}
