import type { Announcement } from './announcement';

/**
 * Our own payload for `json` destinations, version 1, documented in
 * docs/webhooks.md (keep the two in step: format-json.test.ts checks the
 * example there parses as this shape). Additive changes keep version 1; a
 * change that breaks a receiver raises it.
 */
export const JSON_PAYLOAD_VERSION = 1;

export interface JsonPayload {
  version: typeof JSON_PAYLOAD_VERSION;
  /** "incident.declared", "incident.raised_to_major", "incident.resolved", "incident.lead_changed", "incident.customer_update", or "test". */
  type: string;
  /** The event's id: the same message retried keeps it, so a receiver can drop duplicates. */
  id: string;
  occurredAt: string;
  topics: string[];
  headline: string;
  incident: Announcement['incident'];
  customerUpdate: Announcement['customerUpdate'];
}

export function jsonPayload(a: Announcement): JsonPayload {
  return {
    version: JSON_PAYLOAD_VERSION,
    type: a.what === 'test' ? 'test' : `incident.${a.what}`,
    id: a.eventId,
    occurredAt: a.at,
    topics: a.topics,
    headline: a.headline,
    incident: a.incident,
    customerUpdate: a.customerUpdate,
  };
}
