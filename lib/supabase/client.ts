import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Connection } from './connection';
import { chromeAuthStorage, type KeyValueArea } from './auth-storage';

/**
 * The one Supabase client, created in the background only (never bundled into
 * the popup or side panel). Sessions persist in chrome.storage and refresh
 * themselves; no URL detection (there is no OAuth redirect in an extension).
 */
export function createTeamClient(connection: Connection, area: KeyValueArea): SupabaseClient {
  return createClient(connection.url, connection.anonKey, {
    auth: {
      storage: chromeAuthStorage(area),
      storageKey: 'incident-capture',
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
    },
    realtime: { params: { eventsPerSecond: 5 } },
  });
}
