import { recogniseTool } from '../recognise/recognise';
import type { IncidentFacts, StoredFacts } from './facts';

/**
 * The tool a source link belongs to, judged from the URL's shape alone (the
 * recognisers match URL shapes first; a page's title only makes the incident
 * title). Memoised: a team declares from the same dashboards again and again,
 * and Insights names the source of every incident it reads.
 */
const tools = new Map<string, string | null>();
/** Above issue 13's 20,000 incidents, so a second period or scope reads none again; a few MB of strings at most. */
const MEMO_MAX = 50_000;
export function sourceToolOf(sourceUrl: string | null): string | null {
  if (!sourceUrl) return null;
  let tool = tools.get(sourceUrl);
  if (tool === undefined) {
    tool = recogniseTool(sourceUrl);
    if (tools.size >= MEMO_MAX) tools.clear();
    tools.set(sourceUrl, tool);
  }
  return tool;
}

/** A stored row as Insights counts it. */
export function withSource({ sourceUrl, ...row }: StoredFacts): IncidentFacts {
  return { ...row, source: sourceToolOf(sourceUrl) };
}
