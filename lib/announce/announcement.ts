import { formatDuration } from '../format/time';
import { CHANNEL_IN_SENTENCE, OUTCOME_REPORT_LABEL, SEVERITY_LABEL } from '../model/labels';
import type { IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import type { AnnouncementTopic } from './destination';

/**
 * One message, whatever the destination: what happened, to which incident,
 * and which topics it belongs to. Each formatter (format-*.ts) renders this
 * in its service's own payload; none of them reads events or incidents.
 */
export interface Announcement {
  /** The event announced: with the destination's id, what makes a message unique (sent once). */
  eventId: string;
  what: 'declared' | 'raised_to_major' | 'resolved' | 'lead_changed' | 'customer_update' | 'test';
  topics: AnnouncementTopic[];
  /** One plain-text line saying what happened, e.g. "Major incident declared". */
  headline: string;
  /** When it happened (the event's ISO time). */
  at: string;
  incident: {
    id: string;
    /** The team's number (INC-12) when sync has assigned one. */
    number: number | null;
    title: string;
    severity: Incident['severity'];
    status: Incident['status'];
    leadName: string;
    summary: string;
    /** Resolved only: the outcome, in the report's words. */
    outcome: string | null;
    /** Resolved only: how long it ran ("1 h 5 min"). */
    duration: string | null;
    /** The page it was declared from (http(s) only), if any. */
    link: string | null;
  };
  /** customer_update only: the channel in a sentence and the text sent to customers. */
  customerUpdate: { channel: string; text: string } | null;
}

/**
 * The announcement an event makes, or null when it makes none. The incident is
 * its folded state now (the fold is the one source of current title, lead…);
 * a destination receives it when one of `topics` is among its own.
 * - declared: `declared`, and `major` when declared Major;
 * - raised to Major while active: `major`;
 * - resolved: `major` when Major;
 * - lead changed: `lead_changed`; customer update logged: `customer_update`.
 */
export function announcementFor(
  event: IncidentEvent,
  incident: Incident | undefined,
  options: { number?: number | null; includeLink?: boolean } = {},
): Announcement | null {
  if (!incident) return null;
  const major = incident.severity === 'major';
  const base = {
    eventId: event.id,
    at: event.createdAt,
    customerUpdate: null,
    incident: {
      id: incident.id,
      number: options.number ?? null,
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      leadName: incident.leadName,
      summary: incident.summary,
      outcome: incident.outcome ? OUTCOME_REPORT_LABEL[incident.outcome] : null,
      duration: null,
      link: options.includeLink !== false && incident.sourceUrl && /^https?:\/\//i.test(incident.sourceUrl) ? incident.sourceUrl : null,
    },
  };
  switch (event.kind) {
    case 'declared':
      return {
        ...base,
        what: 'declared',
        topics: major ? ['declared', 'major'] : ['declared'],
        headline: `${SEVERITY_LABEL[event.body.severity]} incident declared`,
      };
    case 'severity_changed':
      if (event.body.severity !== 'major' || !major || incident.status !== 'active') return null;
      return { ...base, what: 'raised_to_major', topics: ['major'], headline: 'Raised to a Major incident' };
    case 'status_changed': {
      if (event.body.status !== 'resolved' || !major) return null;
      const duration = formatDuration(Date.parse(event.createdAt) - Date.parse(incident.declaredAt));
      return {
        ...base,
        incident: { ...base.incident, outcome: OUTCOME_REPORT_LABEL[event.body.outcome], duration },
        what: 'resolved',
        topics: ['major'],
        headline: `Major incident resolved after ${duration}`,
      };
    }
    case 'lead_changed':
      return { ...base, what: 'lead_changed', topics: ['lead_changed'], headline: `${event.body.leadName} is now leading` };
    case 'customer_update':
      return {
        ...base,
        what: 'customer_update',
        topics: ['customer_update'],
        headline: `Customer update sent (${CHANNEL_IN_SENTENCE[event.body.channel]})`,
        customerUpdate: { channel: CHANNEL_IN_SENTENCE[event.body.channel], text: event.body.text },
      };
    default:
      return null;
  }
}

/** Whether a destination choosing `topics` receives the announcement. */
export function wants(topics: readonly AnnouncementTopic[], announcement: Announcement): boolean {
  return announcement.topics.some((t) => topics.includes(t));
}

/** "INC-12 · Payments down", or the title alone before sync numbers it. */
export function incidentName(a: Announcement): string {
  return a.incident.number === null ? a.incident.title : `INC-${a.incident.number} · ${a.incident.title}`;
}

/** The test message "Send a test message" sends, so every kind can be tried before a real incident. */
export function testAnnouncement(now: Date): Announcement {
  return {
    eventId: `test-${now.getTime()}`,
    what: 'test',
    topics: [],
    headline: 'Test message from Incident Capture',
    at: now.toISOString(),
    customerUpdate: null,
    incident: {
      id: 'test',
      number: null,
      title: 'This channel will receive incident announcements',
      severity: 'minor',
      status: 'active',
      leadName: 'Incident Capture',
      summary: 'Nothing is wrong: this is a test.',
      outcome: null,
      duration: null,
      link: null,
    },
  };
}
