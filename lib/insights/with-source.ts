import { recognisePage } from '../recognise/recognise';
import type { IncidentFacts, StoredFacts } from './facts';

/**
 * The tool a source link belongs to, judged from the URL's shape alone (the
 * recognisers match URL shapes first; a page's title only makes the incident
 * title). Memoised: a team declares from the same dashboards again and again,
 * and Insights names the source of every incident it reads.
 */
const tools = new Map<string, string | null>();
export function sourceToolOf(sourceUrl: string | null): string | null {
  if (!sourceUrl) return null;
  let tool = tools.get(sourceUrl);
  if (tool === undefined) {
    tool = recognisePage({ url: sourceUrl, title: '', meta: {} }).tool;
    if (tools.size > 10_000) tools.clear();
    tools.set(sourceUrl, tool);
  }
  return tool;
}

/** A stored row as Insights counts it. */
export function withSource({ sourceUrl, ...row }: StoredFacts): IncidentFacts {
  return { ...row, source: sourceToolOf(sourceUrl) };
}
