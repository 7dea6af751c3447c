import type { IncidentEvent } from '../model/event';
import type { OutboxRow } from './database';

/** The outbox row that queues `e` for its team's server (local-only events carry no team until shared). */
export function outboxRow(e: Pick<IncidentEvent, 'id' | 'incidentId' | 'teamId' | 'authorId'>, enqueuedAt: string): OutboxRow {
  return { eventId: e.id, incidentId: e.incidentId, ...(e.teamId ? { teamId: e.teamId } : {}), authorId: e.authorId, enqueuedAt, attempts: 0 };
}
