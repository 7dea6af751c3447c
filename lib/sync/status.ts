import type { IncidentDatabase } from '../db/database';

export const SYNC_STATE_KEY = 'sync:state';

/** What the UI says about sync; persisted, so a restarted worker and every page agree. */
export interface SyncState {
  state: 'synced' | 'offline' | 'error' | 'signed_out' | 'syncing';
  lastError: string | null;
  lastSyncedAt: string | null;
  attempt: number;
  nextAttemptAt: number;
}

export const INITIAL_SYNC_STATE: SyncState = {
  state: 'synced',
  lastError: null,
  lastSyncedAt: null,
  attempt: 0,
  nextAttemptAt: 0,
};

export async function readSyncState(db: IncidentDatabase): Promise<SyncState> {
  const row = await db.meta.get(SYNC_STATE_KEY);
  return { ...INITIAL_SYNC_STATE, ...(row?.value as Partial<SyncState> | undefined) };
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
    case 'error':
      return `Sync error: ${s.lastError ?? 'unknown'}${pending ? ` (${pending})` : ''}`;
  }
}
