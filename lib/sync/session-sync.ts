import type { SupabaseClient } from '@supabase/supabase-js';
import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import { syncOnce } from './engine';
import { readSyncState, saveSyncState, type SyncState } from './status';
import { supabaseTransport } from './supabase-transport';

/**
 * One sync round with the signed-in session. A token the server calls expired
 * (the worker slept through its refresh) gets one refresh and one more round;
 * only if that fails is the person asked to sign in again. Queued work is kept
 * either way.
 */
export async function syncWithSession(
  client: SupabaseClient,
  db: IncidentDatabase,
  teamId: string,
  { force = false, now, onPulled }: { force?: boolean; now?: () => number; onPulled?: (events: IncidentEvent[]) => void } = {},
): Promise<SyncState> {
  const { data } = await client.auth.getSession();
  if (!data.session) {
    const state: SyncState = { ...(await readSyncState(db)), state: 'signed_out', lastError: 'Not signed in' };
    await saveSyncState(db, state);
    return state;
  }
  const deps = {
    db,
    transport: supabaseTransport(client),
    teamId,
    authorId: data.session.user.id,
    ...(now ? { now } : {}),
    ...(onPulled ? { onPulled } : {}),
  };
  const state = await syncOnce(deps, { force });
  if (state.state !== 'signed_out') return state;
  const { error } = await client.auth.refreshSession();
  return error ? state : syncOnce(deps, { force: true });
}
