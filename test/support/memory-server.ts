import type { EventRow, PushOutcome, SyncTransport } from '../../lib/sync/transport';
import { TransientSyncError } from '../../lib/sync/transport';
import { TRACKER_LINK_MAX, TRACKER_LINK_PATTERN } from '../../lib/model/limits';

/**
 * An in-memory model of the server contract (push_events / pull_events /
 * Storage) for fast unit tests of the sync engine. The real protocol is
 * exercised against PostgreSQL through the Supabase stand-in (test/db/).
 */
const DAY_MS = 24 * 3_600_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** follow_up_link_rejection() (supabase/migrations/*_follow_up_links.sql): anyone in the team may link; the URL must be https. */
function linkRefusal(body: { followUpId?: unknown; url?: unknown }): string | null {
  if (typeof body.followUpId !== 'string' || !UUID.test(body.followUpId)) return 'followUpId is not a UUID';
  if (body.url === null || body.url === undefined) return null;
  if (typeof body.url !== 'string') return 'url is not a string';
  if (body.url.length > TRACKER_LINK_MAX) return 'url is longer than 2,048 characters';
  if (!TRACKER_LINK_PATTERN.test(body.url)) return 'url is not an https link to a tracker issue';
  return null;
}

export class MemoryServer {
  rows: (EventRow & { server_seq: number; redacted_at: string | null })[] = [];
  objects = new Map<string, Blob>();
  members = new Map<string, Set<string>>(); // team → users
  private seq = 0;
  /** The server's clock (push_events compares stamps with now()). */
  now = () => Date.now();
  /** False: a server from before pull_status (supabase/migrations/20261203000000_pull_status.sql). */
  hasPullStatus = true;
  /** Rows to hand out verbatim on the next pull (malformed-row tests). */
  injected: unknown[] = [];

  join(teamId: string, userId: string) {
    if (!this.members.has(teamId)) this.members.set(teamId, new Set());
    this.members.get(teamId)!.add(userId);
  }

  /**
   * push_events' per-event rules (supabase/migrations/*_team_sync.sql and
   * *_team_authority.sql), with the server's reasons: membership, authorship,
   * the clock, one declaration per incident, and who may remove an entry.
   */
  private refusal(r: EventRow, userId: string): string | null {
    if (!this.members.get(r.team_id)?.has(userId)) return 'not a member of this team';
    if (r.author_id !== userId) return 'author_id is not the signed-in user';
    if (Number(r.hlc.slice(0, 15)) > this.now() + DAY_MS) return 'clock more than a day ahead of the server';
    if (r.kind === 'declared' && r.id !== r.incident_id) return 'an incident has exactly one declared event, whose id is the incident id';
    if (r.kind === 'follow_up_linked') return linkRefusal(r.body as { followUpId?: unknown; url?: unknown });
    if (r.kind !== 'redacted') return null;
    const targetId = (r.body as { eventId?: string }).eventId;
    const target = this.rows.find((x) => x.id === targetId);
    if (!target || target.team_id !== r.team_id || target.incident_id !== r.incident_id) return 'redaction target is not an entry of this incident';
    const before = (x: EventRow) => (x.hlc !== r.hlc ? x.hlc < r.hlc : x.id < r.id);
    const leads = this.rows
      .filter((x) => x.incident_id === r.incident_id && x.redacted_at === null && before(x))
      .filter((x) => (x.kind === 'declared' && x.id === x.incident_id) || x.kind === 'lead_changed')
      .sort((a, b) => (a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.id < b.id ? -1 : 1));
    const lead = (leads.at(-1)?.body as { leadId?: string } | undefined)?.leadId;
    // An annotated copy: the author of the screenshot it annotates may remove it too (*_annotated_copies.sql).
    const annotates = target.kind === 'screenshot' ? (target.body as { annotatesEventId?: string }).annotatesEventId : undefined;
    const annotated = this.rows.find(
      (x) => x.id === annotates && x.kind === 'screenshot' && x.team_id === r.team_id && x.incident_id === r.incident_id,
    );
    if (target.author_id !== userId && lead !== userId && annotated?.author_id !== userId) {
      return "only the author of an entry or the incident's lead can remove it";
    }
    return null;
  }

  /** A transport acting as `userId`; `faults` decides per call whether to fail (and how). */
  transport(userId: string, faults: { fail?: (op: string) => 'before' | 'after' | null } = {}): SyncTransport {
    const fault = (op: string, when: 'before' | 'after') => {
      if (faults.fail?.(op) === when) throw new TransientSyncError(`injected ${when} ${op}`, true);
    };
    return {
      push: async (rows) => {
        fault('push', 'before');
        // Judged one by one in input order, as push_events does, so an earlier
        // event of the batch counts for a later one.
        const out: PushOutcome[] = rows.map((r) => {
          const reason = this.refusal(r, userId);
          if (reason) return { id: r.id, status: 'rejected', reason };
          if (!this.rows.some((x) => x.id === r.id)) this.rows.push({ ...r, server_seq: ++this.seq, redacted_at: null });
          return { id: r.id, status: 'accepted' };
        });
        fault('push', 'after');
        return out;
      },
      pull: async (teamId, after, limit) => {
        fault('pull', 'before');
        if (!this.members.get(teamId)?.has(userId)) throw new Error('not a member');
        const injected = this.injected.splice(0);
        const events = this.rows.filter((r) => r.team_id === teamId && r.server_seq > after).slice(0, limit);
        const cursor = events.at(-1)?.server_seq ?? after;
        return { events: [...injected, ...events.map((e) => structuredClone(e))], cursor };
      },
      status: async (teamId, after) => {
        if (!this.hasPullStatus) return null;
        if (!this.members.get(teamId)?.has(userId)) throw new Error('not a member');
        const after_ = this.rows.filter((r) => r.team_id === teamId && r.server_seq > after);
        return { remaining: after_.length, latest: after_.at(-1)?.server_seq ?? after };
      },
      upload: async (path, bytes) => {
        fault('upload', 'before');
        this.objects.set(path, bytes);
      },
      redact: async (eventId, path) => {
        fault('redact', 'before');
        const row = this.rows.find((r) => r.id === eventId);
        if (!row) throw new Error('Event not found');
        row.body = {};
        row.redacted_at = new Date().toISOString();
        if (path) this.objects.delete(path);
      },
      download: async (path) => {
        const blob = this.objects.get(path);
        if (!blob) throw new Error('Object not found');
        return blob;
      },
    };
  }
}
