import type { EventRow, PushOutcome, SyncTransport } from '../../lib/sync/transport';
import { TransientSyncError } from '../../lib/sync/transport';

/**
 * An in-memory model of the server contract (push_events / pull_events /
 * Storage) for fast unit tests of the sync engine. The real protocol is
 * exercised against PostgreSQL through the Supabase stand-in (test/db/).
 */
export class MemoryServer {
  rows: (EventRow & { server_seq: number; redacted_at: string | null })[] = [];
  objects = new Map<string, Blob>();
  members = new Map<string, Set<string>>(); // team → users
  private seq = 0;
  /** Rows to hand out verbatim on the next pull (malformed-row tests). */
  injected: unknown[] = [];

  join(teamId: string, userId: string) {
    if (!this.members.has(teamId)) this.members.set(teamId, new Set());
    this.members.get(teamId)!.add(userId);
  }

  /** A transport acting as `userId`; `faults` decides per call whether to fail (and how). */
  transport(userId: string, faults: { fail?: (op: string) => 'before' | 'after' | null } = {}): SyncTransport {
    const fault = (op: string, when: 'before' | 'after') => {
      if (faults.fail?.(op) === when) throw new TransientSyncError(`injected ${when} ${op}`, true);
    };
    return {
      push: async (rows) => {
        fault('push', 'before');
        const out: PushOutcome[] = rows.map((r) => {
          if (!this.members.get(r.team_id)?.has(userId)) return { id: r.id, status: 'rejected', reason: 'not a member of that team' };
          if (r.author_id !== userId) return { id: r.id, status: 'rejected', reason: 'author must be the caller' };
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
