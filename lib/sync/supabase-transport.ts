import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { classifyError } from './classify';
import { TransientSyncError, type EventRow, type PullStatus, type PushOutcome, type SyncTransport } from './transport';

export const SCREENSHOT_BUCKET = 'incident-screenshots';

const pushReplySchema = z.object({
  results: z.array(
    z.object({ id: z.string(), status: z.enum(['accepted', 'rejected']), reason: z.string().nullish() }),
  ),
});
const statusReplySchema = z.object({ remaining: z.coerce.number().int().nonnegative(), latest: z.coerce.number().int() });
const pullReplySchema = z.object({ events: z.array(z.unknown()), cursor: z.coerce.number().int() });

/** The sync contract over supabase-js: RPCs for events, Storage for images. */
export function supabaseTransport(client: SupabaseClient): SyncTransport {
  return {
    async push(rows: EventRow[]): Promise<PushOutcome[]> {
      const { data, error, status } = await client.rpc('push_events', { events: rows });
      if (error) throw classifyError({ ...error, status }, 'Push');
      const reply = pushReplySchema.safeParse(data);
      if (!reply.success) throw new TransientSyncError('Push: the server answered in an unexpected shape');
      return reply.data.results.map((r) => ({ id: r.id, status: r.status, ...(r.reason ? { reason: r.reason } : {}) }));
    },
    async pull(teamId, after, limit) {
      const { data, error, status } = await client.rpc('pull_events', { p_team_id: teamId, p_after: after, p_limit: limit });
      if (error) throw classifyError({ ...error, status }, 'Pull');
      const reply = pullReplySchema.safeParse(data);
      if (!reply.success) throw new TransientSyncError('Pull: the server answered in an unexpected shape');
      return reply.data;
    },
    async status(teamId, after): Promise<PullStatus | null> {
      // Only a hint for the progress line: whatever goes wrong here (a server
      // from before 20261203000000_pull_status.sql answers PGRST202), the
      // pull itself decides whether the round fails.
      const { data, error } = await client.rpc('pull_status', { p_team_id: teamId, p_after: after });
      if (error) return null;
      const reply = statusReplySchema.safeParse(data);
      return reply.success ? reply.data : null;
    },
    async upload(path, bytes, contentType) {
      const { error } = await client.storage.from(SCREENSHOT_BUCKET).upload(path, bytes, { contentType, upsert: true });
      if (error) throw classifyError({ message: error.message, status: Number((error as { status?: unknown }).status ?? 0) }, 'Image upload');
    },
    async redact(eventId, path) {
      // The image first (Storage keeps the bytes if only the row goes; supabase/storage#817).
      if (path) await client.storage.from(SCREENSHOT_BUCKET).remove([path]);
      const { error, status } = await client.rpc('redact_event', { p_event_id: eventId });
      if (error) throw classifyError({ ...error, status }, 'Redaction');
    },
    async download(path) {
      const { data, error } = await client.storage.from(SCREENSHOT_BUCKET).download(path);
      if (error || !data) throw classifyError({ message: error?.message, status: Number((error as { status?: unknown } | null)?.status ?? 0) }, 'Image download');
      return data;
    },
  };
}
