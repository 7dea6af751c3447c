/** The server as sync sees it; the Supabase implementation is in supabase-transport.ts. */
export interface EventRow {
  id: string;
  team_id: string;
  incident_id: string;
  author_id: string;
  kind: string;
  body: unknown;
  hlc: string;
  created_at: string;
}

/** pull_status's answer: events after the cursor, and the latest server_seq among them. */
export interface PullStatus {
  remaining: number;
  latest: number;
}

export interface PushOutcome {
  id: string;
  status: 'accepted' | 'rejected';
  reason?: string;
}

export interface SyncTransport {
  push(rows: EventRow[]): Promise<PushOutcome[]>;
  pull(teamId: string, after: number, limit: number): Promise<{ events: unknown[]; cursor: number }>;
  /**
   * How many of the team's events lie after `after` (pull_status), for the
   * progress line. Null when the server cannot say (an older server without
   * the function): the pull goes on without a total.
   */
  status?(teamId: string, after: number): Promise<PullStatus | null>;
  upload(path: string, bytes: Blob, contentType: string): Promise<void>;
  download(path: string): Promise<Blob>;
  /** Clears a pushed event's body on the server and deletes its image (author or lead only). */
  redact(eventId: string, imagePath: string | null): Promise<void>;
}

/** Network down, timeouts, 5xx, rate limits: try again later, nothing is wrong with the data. */
export class TransientSyncError extends Error {
  override name = 'TransientSyncError';
  constructor(
    message: string,
    readonly offline = false,
  ) {
    super(message);
  }
}

/** No valid session: wait for the person to sign in again; keep everything queued. */
export class AuthSyncError extends Error {
  override name = 'AuthSyncError';
}

/** The server refused this item for good (permission, validation): dead-letter it. */
export class FinalSyncError extends Error {
  override name = 'FinalSyncError';
}

export function imagePath(teamId: string, incidentId: string, eventId: string, mimeType: string): string {
  const ext = mimeType === 'image/jpeg' ? 'jpg' : mimeType === 'image/png' ? 'png' : 'webp';
  return `${teamId}/${incidentId}/${eventId}.${ext}`;
}
