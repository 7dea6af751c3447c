import { formatDuration } from '../../lib/format/time';
import type { Insights } from '../../lib/insights/compute-insights';
import { describeFirstUpdate, describeOutcomes, describeReview, describeSources } from '../../lib/insights/describe';
import { percent } from '../../lib/insights/labels';
import { OUTCOME_LABELS } from '../../lib/insights/outcomes';
import { ChartCard } from './ChartCard';
import { HBars } from './HBars';

export function OutcomesChart({ insights }: { insights: Insights }) {
  const rows = (['fixed', 'deferred', 'no_action'] as const).map((o) => ({ label: OUTCOME_LABELS[o], value: insights.outcomes[o] }));
  return (
    <ChartCard title="Outcomes" description={describeOutcomes(insights)} table={{ columns: ['Outcome', 'Incidents resolved'], rows: rows.map((r) => [r.label, r.value]) }}>
      {(ids) => <HBars rows={rows.map((r) => ({ ...r, text: String(r.value) }))} {...ids} />}
    </ChartCard>
  );
}

export function FirstUpdateChart({ insights }: { insights: Insights }) {
  const u = insights.firstUpdate;
  const rows = u.spread
    ? [
        { label: 'Median wait', value: u.spread.median, text: formatDuration(u.spread.median), className: 'sev-major' },
        { label: '90th percentile wait', value: u.spread.p90, text: formatDuration(u.spread.p90), className: 'sev-major' },
      ]
    : [];
  return (
    <ChartCard
      title="Major incidents: first customer update"
      description={describeFirstUpdate(insights)}
      table={{
        columns: ['Measure', 'Value'],
        rows: [
          ['Major incidents declared', u.majors],
          ['With a customer update', u.majors - u.none],
          ['Without one', u.none],
          ['Median wait', u.spread ? formatDuration(u.spread.median) : '–'],
          ['90th percentile wait', u.spread ? formatDuration(u.spread.p90) : '–'],
        ],
      }}
    >
      {(ids) =>
        rows.length ? (
          <HBars rows={rows} {...ids} />
        ) : (
          <p className="muted chart-none">{u.majors ? 'No major incident had a customer update.' : 'No major incidents.'}</p>
        )
      }
    </ChartCard>
  );
}

export function ReviewChart({ insights }: { insights: Insights }) {
  const r = insights.review;
  return (
    <ChartCard
      title="Review coverage"
      description={describeReview(insights)}
      table={{
        columns: ['Measure', 'Value'],
        rows: [
          ['Resolved in the period', r.resolved],
          ['Reviewed by someone not involved', r.reviewed],
          ['Share', r.share === null ? '–' : percent(r.share)],
        ],
      }}
    >
      {(ids) => (
        <HBars
          rows={[{ label: 'Reviewed by someone not involved', value: (r.share ?? 0) * 100, text: r.share === null ? '–' : `${percent(r.share)} (${r.reviewed} of ${r.resolved})`, className: 'ok' }]}
          domainMax={100}
          {...ids}
        />
      )}
    </ChartCard>
  );
}

export function SourcesChart({ insights }: { insights: Insights }) {
  return (
    <ChartCard
      title="Incidents by source"
      description={describeSources(insights)}
      table={{ columns: ['Declared from', 'Incidents'], rows: insights.sources.map((s) => [s.label, s.count]) }}
    >
      {(ids) => <HBars rows={insights.sources.map((s) => ({ label: s.label, value: s.count, text: String(s.count) }))} {...ids} />}
    </ChartCard>
  );
}
