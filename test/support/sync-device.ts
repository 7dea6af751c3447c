import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { IncidentDatabase } from '../../lib/db/database';
import type { DomainContext } from '../../lib/incidents/context';
import { withTimeout } from '../../lib/supabase/client';
import { syncWithSession } from '../../lib/sync/session-sync';
import type { SyncBackend } from './sync-backend';

let n = 0;

/** This device's network: switch it off to work offline (works against any backend). */
export interface Network {
  online: boolean;
}

/** A person with an account on the backend, signed in with the real supabase-js client. */
export async function signedInClient(
  backend: Pick<SyncBackend, 'url' | 'anonKey' | 'createUser'>,
  email: string,
  timeoutMs = 5_000,
): Promise<{ client: SupabaseClient; userId: string; network: Network }> {
  const userId = await backend.createUser(email, 'correct horse battery staple');
  const network: Network = { online: true };
  const timed = withTimeout(timeoutMs);
  const client = createClient(backend.url, backend.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: {
      fetch: (input, init) => (network.online ? timed(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    },
  });
  const { error } = await client.auth.signInWithPassword({ email, password: 'correct horse battery staple' });
  if (error) throw error;
  return { client, userId, network };
}

/**
 * One device: its own IndexedDB (fake-indexeddb), the domain context new
 * events are written with, and a sync round through the real client.
 */
export function device(client: SupabaseClient, userId: string, name: string, teamId: string, { skewMs = 0 } = {}) {
  const db = new IncidentDatabase(`device-${++n}-${name}`);
  const now = () => Date.now() + skewMs;
  const ctx: DomainContext = { db, actor: { userId, displayName: name }, now, teamId };
  return {
    ctx,
    client,
    sync: () => syncWithSession(client, db, teamId, { force: true, now }),
    /** Sync until nothing is pending (or give up after `rounds`). */
    async syncUntilDone(rounds = 100) {
      for (let i = 0; i < rounds; i++) {
        const state = await syncWithSession(client, db, teamId, { force: true, now });
        if (state.state === 'synced' && (await db.outbox.where('teamId').equals(teamId).count()) === 0) return state;
      }
      throw new Error(`${name} did not finish syncing in ${rounds} rounds`);
    },
    async projection() {
      return (await db.incidents.orderBy('id').toArray()).map((i) => ({ ...i, participantIds: [...i.participantIds].sort() }));
    },
  };
}

/** A team with an owner and members who joined by invite code (the real RPCs). */
export async function makeTeam(owner: SupabaseClient, members: SupabaseClient[], name = 'Incident team') {
  const { data: teamId, error } = await owner.rpc('create_team', { p_name: name, p_display_name: 'Owner' });
  if (error) throw error;
  const { data: code, error: inviteError } = await owner.rpc('create_invite', { p_team_id: teamId });
  if (inviteError) throw inviteError;
  for (const [i, member] of members.entries()) {
    const { error: joinError } = await member.rpc('join_team', { p_code: code, p_display_name: `Member ${i + 1}` });
    if (joinError) throw joinError;
  }
  return teamId as string;
}
