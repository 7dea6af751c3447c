import type { SupabaseClient } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { createTeamClient } from '../../lib/supabase/client';
import { connectionItem } from '../../lib/supabase/connection';
import { teamItem } from '../../lib/supabase/team';
import { checkStanding, type Standing } from '../../lib/team/standing';
import { supabaseTeamServer } from '../../lib/team/supabase-team-server';
import type { TeamDeps } from '../../lib/team/team-deps';

let cached: { key: string; client: SupabaseClient } | null = null;

/** The Supabase client for the connected project, or null when local-only. */
export async function teamClient(): Promise<SupabaseClient | null> {
  const connection = await connectionItem.getValue();
  if (!connection) {
    cached = null;
    return null;
  }
  const key = `${connection.url} ${connection.anonKey}`;
  if (cached?.key !== key) cached = { key, client: createTeamClient(connection, browser.storage.local) };
  return cached.client;
}

export async function requireClient(): Promise<SupabaseClient> {
  const client = await teamClient();
  if (!client) throw new Error('Connect a Supabase project first (Options → Team).');
  return client;
}

/** lib/team's ports, wired to the real server and storage. */
export function teamDeps(client: SupabaseClient): TeamDeps {
  return { server: supabaseTeamServer(client), team: teamItem, now: () => Date.now() };
}

/**
 * After a sync round: a failed one may mean I was removed (pull_events refuses
 * former members). `departed` means stop: the team is gone from this device's
 * record, so the next round finds no team.
 */
export async function checkTeamAfterSync(round: { state: string }): Promise<Standing> {
  const client = await teamClient();
  return client ? checkStanding(teamDeps(client), round) : 'no-team';
}
