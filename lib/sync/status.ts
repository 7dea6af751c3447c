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

/** One line for the header: "Synced", "3 pending", "Offline — 3 pending", "Sync error: …". */
export function describeSync(s: Pick<SyncStatus, 'state' | 'pending' | 'lastError'>): string {
  const pending = s.pending ? `${s.pending} pending` : '';
  switch (s.state) {
    case 'synced':
      return pending || 'Synced';
    case 'syncing':
      return pending ? `Syncing… ${pending}` : 'Syncing…';
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
