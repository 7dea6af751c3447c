// Zod-free on purpose, like ../model/order.ts: the fold (and so this) runs
// inside database upgrades, on the popup's path before zod loads.
import type { IncidentEvent } from '../model/event';
import { compareEvents } from '../model/order';

/**
 * # Authority over the record
 *
 * The same rules hold on the server (`push_events`, supabase/migrations/
 * 20261130000000_team_authority.sql) and on every client, so a teammate's
 * forged event changes nothing anywhere, whichever way it arrives (pull,
 * import, an old server that accepted it):
 *
 * - An incident has exactly one `declared` event: the one whose id is the
 *   incident id. Any other `declared` is ignored.
 * - A `redacted` event counts only when it names an entry of the same incident
 *   and its author wrote that entry or was the incident's lead as of the
 *   redaction, in the one order every device folds in: (hlc, id).
 * - An annotated copy (a screenshot with `annotatesEventId`) may also be
 *   removed by the author of the screenshot it annotates, when that is in the
 *   same incident: a teammate may annotate my screenshot, but whoever may
 *   remove the original may remove what was drawn from it
 *   (supabase/migrations/20261201000000_annotated_copies.sql).
 * - A follow-up's tracker link (`follow_up_linked`) may be set, replaced or
 *   cleared by anyone in the team, as anyone may tick a follow-up off: it
 *   points at work, it rewrites nobody's words. The latest by (hlc, id) wins
 *   (./fold.ts). The server checks only its shape (https, a plain host, no
 *   spaces: supabase/migrations/20261202000000_follow_up_links.sql), as the
 *   model does (lib/model/incident-fields.ts, trackerLinkSchema).
 */

type Envelope = Pick<IncidentEvent, 'id' | 'incidentId' | 'authorId' | 'hlc'>;

/** The id of the screenshot `e` annotates, if `e` is an annotated copy. */
export function annotatedId(e: Partial<Pick<IncidentEvent, 'kind' | 'body'>>): string | undefined {
  return e.kind === 'screenshot' ? (e.body as { annotatesEventId?: string }).annotatesEventId : undefined;
}

/** The incident's own declaration, as opposed to a second `declared` someone else made up. */
export function isDeclaration(e: Pick<IncidentEvent, 'id' | 'incidentId' | 'kind'>): boolean {
  return e.kind === 'declared' && e.id === e.incidentId;
}

/** The lead an event sets: the incident's own declaration or a lead change; null for anything else. */
export function leadSetBy(e: IncidentEvent): string | null {
  if (e.kind === 'declared') return isDeclaration(e) ? e.body.leadId : null;
  return e.kind === 'lead_changed' ? e.body.leadId : null;
}

/** Why a redaction does not count, or null when it does. `lead` is the lead as of the redaction. */
export function redactionRefusal(
  redaction: Envelope & { body: { eventId: string } },
  target: Envelope,
  lead: string | null,
  /** The event `target` annotates, when it is an annotated copy and this device holds it. */
  annotated?: Envelope & Pick<IncidentEvent, 'kind'>,
): string | null {
  if (target.incidentId !== redaction.incidentId) return 'Removes an entry that is not in this incident';
  if (target.authorId === redaction.authorId || lead === redaction.authorId) return null;
  // Only a screenshot of the same incident lends its author a say (the server's annotated_author()).
  if (annotated?.kind === 'screenshot' && annotated.incidentId === redaction.incidentId && annotated.authorId === redaction.authorId) {
    return null;
  }
  return "Removes someone else's entry without leading the incident";
}

export interface IncidentAuthority {
  /** Entries hidden by a redaction that counts. */
  hidden: Set<string>;
  /** Redactions and declarations that do not count: left out of every view. */
  ignored: Set<string>;
}

/**
 * Walks one incident's events in (hlc, id) order and says which redactions
 * count and which events are ignored. Pure: the fold, the timeline and every
 * export call this, so no view can disagree with another.
 */
export function incidentAuthority(events: readonly IncidentEvent[]): IncidentAuthority {
  const ordered = [...events].sort(compareEvents);
  const byId = new Map(ordered.map((e) => [e.id, e]));
  const hidden = new Set<string>();
  const ignored = new Set<string>();
  let lead: string | null = null;
  for (const e of ordered) {
    lead = leadSetBy(e) ?? lead;
    if (e.kind === 'declared' && !isDeclaration(e)) {
      ignored.add(e.id);
    } else if (e.kind === 'redacted') {
      // A target this device never held (the server had already emptied it)
      // was judged when the redaction came in (lib/sync/ingest.ts): it hides
      // nothing here, and the redaction stays on the record.
      const target = byId.get(e.body.eventId);
      if (!target) continue;
      const annotates = annotatedId(target);
      if (redactionRefusal(e, target, lead, annotates ? byId.get(annotates) : undefined)) ignored.add(e.id);
      else hidden.add(e.body.eventId);
    }
  }
  return { hidden, ignored };
}

/** Entries to leave out of a view: what counted redactions hide, and what does not count. */
export function hiddenEntries(events: readonly IncidentEvent[]): Set<string> {
  const { hidden, ignored } = incidentAuthority(events);
  return new Set([...hidden, ...ignored]);
}

/**
 * May `userId` remove `entry` now: its author, or the incident's current lead.
 * (The original's author removing an annotated copy is decided per family,
 * lib/incidents/screenshot-family.ts `removalScope`.)
 */
export function mayRemove(entry: Pick<IncidentEvent, 'authorId'>, currentLeadId: string, userId: string | undefined): boolean {
  return !!userId && (entry.authorId === userId || currentLeadId === userId);
}
