import type { IncidentDatabase } from '../db/database';
import { syncStateItem, type SyncState } from '../db/meta-items';

export { INITIAL_SYNC_STATE, type SyncState } from '../db/meta-items';

export function readSyncState(db: IncidentDatabase): Promise<SyncState> {
  return syncStateItem.get(db);
}

export function saveSyncState(db: IncidentDatabase, state: SyncState): Promise<unknown> {
  return syncStateItem.put(db, state);
}

export interface SyncStatus extends SyncState {
  teamId: string;
  pending: number;
  deadLetters: number;
  quarantined: number;
}

export async function readSyncStatus(db: IncidentDatabase, teamId: string): Promise<SyncStatus> {
  const [state, pending, deadLetters, quarantined] = await Promise.all([
    readSyncState(db),
    db.outbox.where('teamId').equals(teamId).count(),
    db.deadLetters.count(),
    db.quarantine.where('teamId').equals(teamId).count(),
  ]);
  return { ...state, teamId, pending, deadLetters, quarantined };
}

const count = new Intl.NumberFormat('en');

/**
 * How far a long pull is, "340,000 of 1,000,000", or null when the server
 * gave no total (it predates pull_status) or no catch-up is under way.
 */
export function describeProgress(s: Pick<SyncStatus, 'state' | 'progress'>): string | null {
  if (s.state !== 'syncing' || !s.progress || s.progress.total === null) return null;
  return `${count.format(s.progress.done)} of ${count.format(s.progress.total)}`;
}

/** One line for the header: "Synced", "3 pending", "Syncing 340,000 of 1,000,000", "Offline — 3 pending", "Sync error: …". */
export function describeSync(s: Pick<SyncStatus, 'state' | 'pending' | 'lastError'> & Partial<Pick<SyncStatus, 'progress'>>): string {
  const pending = s.pending ? `${s.pending} pending` : '';
  switch (s.state) {
    case 'synced':
      return pending || 'Synced';
    case 'syncing': {
      const progress = describeProgress({ state: s.state, progress: s.progress ?? null });
      const line = progress ? `Syncing ${progress}` : 'Syncing…';
      return pending ? `${line} — ${pending}` : line;
    }
    case 'offline':
      return pending ? `Offline — ${pending}` : 'Offline';
    case 'signed_out':
      return `Signed out — sign in again to sync${pending ? ` (${pending})` : ''}`;
    case 'paused':
      return `Sync paused: ${s.lastError ?? 'sending is not allowed'}${pending ? ` (${pending})` : ''}`;
    case 'error':
      return `Sync error: ${s.lastError ?? 'unknown'}${pending ? ` (${pending})` : ''}`;
  }
}
