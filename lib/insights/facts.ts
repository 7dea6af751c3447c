import { z } from 'zod';
import { idSchema, isoDateSchema, outcomeSchema, severitySchema, statusSchema } from '../model/incident-fields';
import type { Incident } from '../model/incident';
import { recognisePage } from '../recognise/recognise';

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
 */
export const incidentFactsSchema = z.object({
  id: idSchema,
  teamId: idSchema.nullable(),
  declaredAt: isoDateSchema,
  severity: severitySchema,
  status: statusSchema,
  outcome: outcomeSchema.nullable(),
  resolvedAt: isoDateSchema.nullable(),
  firstCustomerUpdateAt: isoDateSchema.nullable(),
  /** When each follow-up was added, and when each of those that are done was ticked off. */
  followUpsAddedAt: z.array(isoDateSchema),
  followUpsDoneAt: z.array(isoDateSchema),
  /** Someone who did not work the incident (not its lead, not a participant) marked it reviewed. */
  reviewedByOutsider: z.boolean(),
  /** The recognised tool the incident was declared from (lib/recognise), null for any other page or none. */
  source: z.string().nullable(),
  /**
   * The latest of the dates above. An incident counts in a period [from, to)
   * only if something of it happened there, so a reader takes `lastAt >= from`
   * off its index and drops what was declared at or after `to`: a follow-up
   * done this week on an incident declared last year is found without a scan.
   */
  lastAt: isoDateSchema,
});
export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

/** The tool a source link belongs to, judged from the URL's shape alone. */
export function sourceToolOf(sourceUrl: string | null): string | null {
  return sourceUrl ? recognisePage({ url: sourceUrl, title: '', meta: {} }).tool : null;
}

const utc = (iso: string) => new Date(iso).toISOString();
const utcOrNull = (iso: string | null) => (iso ? utc(iso) : null);

export function incidentFacts(incident: Incident): IncidentFacts {
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
    source: sourceToolOf(incident.sourceUrl),
    // Same-format UTC strings: the string maximum is the latest time.
    lastAt: all.reduce<string>((a, b) => (b && b > a ? b : a), declaredAt),
  };
}
