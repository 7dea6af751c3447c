import type { SupabaseClient } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { createTeamClient } from '../../lib/supabase/client';
import { connectionItem } from '../../lib/supabase/connection';

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

/** Calls an RPC and turns an error into its sentence. */
export async function rpc<T>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await client.rpc(fn, args);
  if (error) throw new Error(error.message || `${fn} failed`);
  return data as T;
}
