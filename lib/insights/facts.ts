import type { Incident } from '../model/incident';
import type { Outcome, Severity, Status } from '../model/incident-fields';

/**
 * One small row per incident: what Insights counts, and nothing else. Written
 * with the incident's projection row (lib/incidents/projection.ts) so Insights
 * reads a few hundred bytes per incident instead of whole rows with their
 * search text: at 20,000 incidents (issue 13) the whole rows take seconds to
 * read. A cache like the projection: refolding rebuilds it.
 *
 * Every date is stored in UTC `toISOString()` form (the log allows any offset),
 * so the string order of the `declaredAt`, `resolvedAt` and `lastAt` indexes is
 * time order.
 *
 * This file imports nothing but types: the local database (lib/db/schema.ts)
 * folds facts in its v6 upgrade and the popup opens that database, so what
 * this file imports lands in the popup's bundle (130 KB budget,
 * test/e2e/bundle.spec.ts). zod and every recogniser did: 147 KB. Hence the
 * row keeps the source page's URL, and Insights names its tool when it reads
 * (./with-source.ts); the zod schema of a row is in ./facts-schema.ts.
 */
export interface StoredFacts {
  id: string;
  teamId: string | null;
  declaredAt: string;
  severity: Severity;
  status: Status;
  outcome: Outcome | null;
  resolvedAt: string | null;
  firstCustomerUpdateAt: string | null;
  /** When each follow-up was added, and when each of those that are done was ticked off. */
  followUpsAddedAt: string[];
  followUpsDoneAt: string[];
  /** Someone who did not work the incident (not its lead, not a participant) marked it reviewed. */
  reviewedByOutsider: boolean;
  /** The page the incident was declared from, null when none. */
  sourceUrl: string | null;
  /**
   * The latest of the dates above. An incident counts in a period [from, to)
   * only if something of it happened there, so a reader takes `lastAt >= from`
   * off its index and drops what was declared at or after `to`: a follow-up
   * done this week on an incident declared last year is found without a scan.
   */
  lastAt: string;
}

/** A facts row as Insights counts it: the source page named by its recognised tool (lib/recognise), null for any other page or none. */
export interface IncidentFacts extends Omit<StoredFacts, 'sourceUrl'> {
  source: string | null;
}

const utc = (iso: string) => new Date(iso).toISOString();
const utcOrNull = (iso: string | null) => (iso ? utc(iso) : null);

export function incidentFacts(incident: Incident): StoredFacts {
  const involved = new Set([incident.leadId, ...incident.participantIds]);
  const declaredAt = utc(incident.declaredAt);
  const resolvedAt = utcOrNull(incident.resolvedAt);
  const firstCustomerUpdateAt = utcOrNull(incident.firstCustomerUpdateAt);
  const followUpsAddedAt = incident.followUps.map((f) => utc(f.addedAt));
  const followUpsDoneAt = incident.followUps.flatMap((f) => (f.done && f.doneAt ? [utc(f.doneAt)] : []));
  const all = [declaredAt, resolvedAt, firstCustomerUpdateAt, ...followUpsAddedAt, ...followUpsDoneAt];
  return {
    id: incident.id,
    teamId: incident.teamId,
    declaredAt,
    severity: incident.severity,
    status: incident.status,
    outcome: incident.outcome,
    resolvedAt,
    firstCustomerUpdateAt,
    followUpsAddedAt,
    followUpsDoneAt,
    reviewedByOutsider: incident.reviewerIds.some((id) => !involved.has(id)),
    sourceUrl: incident.sourceUrl,
    // Same-format UTC strings: the string maximum is the latest time.
    lastAt: all.reduce<string>((a, b) => (b && b > a ? b : a), declaredAt),
  };
}
