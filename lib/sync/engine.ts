import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import { backoffDelay } from './backoff';
import { pullTeam } from './pull';
import { pushOutbox } from './push';
import { readSyncState, saveSyncState, type SyncState } from './status';
import { AuthSyncError, TransientSyncError, type SyncTransport } from './transport';

export interface SyncDeps {
  db: IncidentDatabase;
  transport: SyncTransport;
  teamId: string;
  /** The signed-in account: only its queued events are pushed. */
  authorId: string;
  now?: () => number;
  random?: () => number;
  pushBatch?: number;
  pullLimit?: number;
  /** Told about each page of teammates' events as it lands (notifications). */
  onPulled?: (events: IncidentEvent[]) => void;
}

/** Events a pull page asks for: pull_events' most (it clamps to 1..1000). Fewer, larger pages: a first sync of 1,000,000 events is 1,000 requests, not 2,000. */
export const PULL_PAGE = 1000;

async function save(db: IncidentDatabase, state: SyncState) {
  await saveSyncState(db, state);
}

/**
 * One sync round: push the outbox, then pull until caught up. On a transient
 * failure the next attempt is scheduled with backoff (`force` ignores the
 * schedule: the person pressed "Sync now", or the network just came back).
 * Everything it decides is persisted; it can be killed at any await.
 */
export async function syncOnce(deps: SyncDeps, { force = false } = {}): Promise<SyncState> {
  const { db, transport, teamId } = deps;
  const now = deps.now ?? Date.now;
  const previous = await readSyncState(db);
  if (!force && now() < previous.nextAttemptAt) return previous;
  try {
    await pushOutbox(db, transport, teamId, deps.authorId, {
      batchSize: deps.pushBatch ?? 200,
      now: () => new Date(now()).toISOString(),
    });
    await pullTeam(db, transport, teamId, {
      limit: deps.pullLimit ?? PULL_PAGE,
      now,
      ...(deps.onPulled ? { onApplied: deps.onPulled } : {}),
      // A pull longer than a page says how far it is ("Syncing 340,000 of
      // 1,000,000"), persisted so the side panel and Options read it live.
      onProgress: (progress) => save(db, { ...previous, state: 'syncing', progress }),
    });
    const state: SyncState = {
      state: 'synced',
      lastError: null,
      lastSyncedAt: new Date(now()).toISOString(),
      attempt: 0,
      nextAttemptAt: 0,
      progress: null,
    };
    await save(db, state);
    return state;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof AuthSyncError) {
      const state: SyncState = { ...previous, state: 'signed_out', lastError: message, attempt: 0, nextAttemptAt: 0, progress: null };
      await save(db, state);
      return state;
    }
    const attempt = previous.attempt + 1;
    const state: SyncState = {
      ...previous,
      state: error instanceof TransientSyncError && error.offline ? 'offline' : 'error',
      lastError: message,
      attempt,
      nextAttemptAt: now() + backoffDelay(attempt - 1, deps.random),
      progress: null,
    };
    await save(db, state);
    if (!(error instanceof TransientSyncError)) throw error; // a bug, not the network: let it be seen
    return state;
  }
}
