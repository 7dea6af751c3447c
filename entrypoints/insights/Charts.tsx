import type { Insights } from '../../lib/insights/compute-insights';
import { DAY_MS } from '../../lib/insights/period';
import { dateLabel, plural } from '../../lib/insights/labels';
import { FirstUpdateChart, OutcomesChart, ReviewChart, SourcesChart } from './CountCharts';
import { FollowUpsChart, PerWeekChart, TimeToResolveChart } from './WeeklyCharts';

/** Every chart for one period and scope, in the order a team reads them: how often, how fast, what came of it. */
export function Charts({ insights }: { insights: Insights }) {
  const { period } = insights;
  return (
    <div className="stack">
      <p className="muted insights-range">
        {dateLabel(period.from)} – {dateLabel(period.to - DAY_MS)} (UTC weeks, Monday first) ·{' '}
        {plural(insights.incidentCount, 'incident')} with activity
      </p>
      <PerWeekChart insights={insights} />
      <TimeToResolveChart insights={insights} />
      <OutcomesChart insights={insights} />
      <FollowUpsChart insights={insights} />
      <FirstUpdateChart insights={insights} />
      <ReviewChart insights={insights} />
      <SourcesChart insights={insights} />
    </div>
  );
}
