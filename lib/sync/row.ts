import { z } from 'zod';
import { incidentEventSchema, type IncidentEvent } from '../model/event';
import type { EventRow } from './transport';

export function toRow(e: IncidentEvent): EventRow {
  if (!e.teamId) throw new Error('Only team events are pushed');
  return {
    id: e.id,
    team_id: e.teamId,
    incident_id: e.incidentId,
    author_id: e.authorId,
    kind: e.kind,
    body: e.body,
    hlc: e.hlc,
    created_at: e.createdAt,
  };
}

const pulledRowSchema = z.object({
  id: z.string(),
  team_id: z.string(),
  incident_id: z.string(),
  author_id: z.string(),
  kind: z.string(),
  body: z.unknown(),
  hlc: z.string(),
  created_at: z.string(),
  server_seq: z.coerce.number().int(),
  redacted_at: z.string().nullable().optional(),
  incident_number: z.number().int().nullable().optional(),
});

export type PulledRow =
  | { status: 'event'; event: IncidentEvent; serverSeq: number; incidentNumber: number | null }
  | { status: 'redacted'; eventId: string; serverSeq: number }
  | { status: 'malformed'; reason: string; serverSeq: number | null; row: unknown };

/**
 * Validates one row from `pull_events` and maps it to a local event. A row the
 * server has redacted (body cleared) is not malformed: the `redacted` event
 * that caused it hides it. Timestamps are normalised to `toISOString()` so
 * rows compare and sort like locally made events.
 */
export function fromRow(raw: unknown): PulledRow {
  const row = pulledRowSchema.safeParse(raw);
  if (!row.success) {
    const seq = (raw as { server_seq?: unknown } | null)?.server_seq;
    return { status: 'malformed', reason: row.error.issues[0]?.message ?? 'not a row', serverSeq: typeof seq === 'number' ? seq : null, row: raw };
  }
  const r = row.data;
  if (r.redacted_at) return { status: 'redacted', eventId: r.id, serverSeq: r.server_seq };
  const createdAt = new Date(r.created_at);
  const event = incidentEventSchema.safeParse({
    id: r.id,
    incidentId: r.incident_id,
    teamId: r.team_id,
    authorId: r.author_id,
    kind: r.kind,
    body: r.body,
    hlc: r.hlc,
    createdAt: Number.isNaN(createdAt.getTime()) ? r.created_at : createdAt.toISOString(),
  });
  if (!event.success) {
    const issue = event.error.issues[0];
    return {
      status: 'malformed',
      reason: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
      serverSeq: r.server_seq,
      row: raw,
    };
  }
  return { status: 'event', event: event.data, serverSeq: r.server_seq, incidentNumber: r.incident_number ?? null };
}
