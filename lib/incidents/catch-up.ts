// Zod-free, like ./timeline-entries.ts: types only from the model.
import type { EventOf, IncidentEvent } from '../model/event';
import type { FollowUp, Incident } from '../model/incident';
import type { Outcome, Severity, Status } from '../model/incident-fields';

/** How many of the newest notes, and of the open follow-ups, the card lists. */
export const CATCH_UP_NOTES = 3;
export const CATCH_UP_FOLLOW_UPS = 3;

export interface CatchUpNote {
  id: string;
  authorId: string;
  at: string;
  text: string;
  format: 'plain' | 'log';
}

export interface CatchUp {
  severity: Severity;
  leadId: string;
  leadName: string;
  status: Status;
  outcome: Outcome | null;
  declaredAt: string;
  /** Active: how long since it was declared. Resolved: how long it ran, declared to (last) resolved. */
  durationMs: number;
  /** The newest customer update on the log, or null: "No customer update yet". */
  lastCustomerUpdate: { authorId: string; at: string; channel: EventOf<'customer_update'>['body']['channel']; text: string } | null;
  /** Open follow-ups, oldest first: how many, and the first few. */
  openFollowUps: { count: number; first: FollowUp[] };
  /** The newest notes, newest first. */
  lastNotes: CatchUpNote[];
}

/**
 * What someone opening an incident needs first, read off the record and the
 * log and nothing else: no guessing at what matters. Facts come from the
 * projection (lib/incidents/fold.ts keeps severity, lead, times and
 * follow-ups); the texts from the log, read backwards from its end so a
 * 5,000-event timeline costs only its tail. `events` is the whole log in
 * (hlc, id) order, as readTimeline gives it.
 */
export function buildCatchUp(incident: Incident, events: readonly IncidentEvent[], nowMs: number): CatchUp {
  const lastNotes: CatchUpNote[] = [];
  let lastCustomerUpdate: CatchUp['lastCustomerUpdate'] = null;
  for (let i = events.length - 1; i >= 0 && (lastNotes.length < CATCH_UP_NOTES || !lastCustomerUpdate); i--) {
    const e = events[i]!;
    if (e.kind === 'note' && lastNotes.length < CATCH_UP_NOTES) {
      lastNotes.push({ id: e.id, authorId: e.authorId, at: e.createdAt, text: e.body.text, format: e.body.format });
    } else if (e.kind === 'customer_update' && !lastCustomerUpdate) {
      lastCustomerUpdate = { authorId: e.authorId, at: e.createdAt, channel: e.body.channel, text: e.body.text };
    }
  }
  const open = incident.followUps.filter((f) => !f.done);
  const end = incident.status === 'resolved' && incident.resolvedAt ? Date.parse(incident.resolvedAt) : nowMs;
  return {
    severity: incident.severity,
    leadId: incident.leadId,
    leadName: incident.leadName,
    status: incident.status,
    outcome: incident.outcome,
    declaredAt: incident.declaredAt,
    durationMs: Math.max(0, end - Date.parse(incident.declaredAt)),
    lastCustomerUpdate,
    openFollowUps: { count: open.length, first: open.slice(0, CATCH_UP_FOLLOW_UPS) },
    lastNotes,
  };
}
