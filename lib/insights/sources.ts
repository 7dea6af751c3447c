import type { ToolId } from '../recognise/recognise';
import type { IncidentFacts } from './facts';
import { inPeriod, type Period } from './period';

/**
 * One name per recognised tool (lib/recognise), in the order shown. A Record
 * over ToolId, so a tool added to lib/recognise fails tsc here until it is named.
 */
export const SOURCE_LABELS: Record<ToolId, string> = {
  sentry: 'Sentry',
  grafana: 'Grafana',
  datadog: 'Datadog',
  'github-issue': 'GitHub issue',
  'github-actions': 'GitHub Actions',
  vercel: 'Vercel',
  'supabase-logs': 'Supabase logs',
};
export const OTHER_SOURCE = 'Other or none';

export interface SourceCount {
  source: ToolId | 'other';
  label: string;
  count: number;
}

const isTool = (s: string | null): s is ToolId => s !== null && Object.hasOwn(SOURCE_LABELS, s);

/** Incidents declared in the period, by the tool they were declared from; every source listed, zeros included. */
export function incidentsBySource(facts: readonly IncidentFacts[], period: Period): SourceCount[] {
  const counts = new Map<ToolId | 'other', number>();
  for (const f of facts) {
    if (!inPeriod(Date.parse(f.declaredAt), period)) continue;
    const key = isTool(f.source) ? f.source : 'other';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const tools = (Object.keys(SOURCE_LABELS) as ToolId[]).map((t) => ({ source: t, label: SOURCE_LABELS[t], count: counts.get(t) ?? 0 }));
  return [...tools, { source: 'other', label: OTHER_SOURCE, count: counts.get('other') ?? 0 }];
}
