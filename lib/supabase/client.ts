import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Connection } from './connection';
import { chromeAuthStorage, type KeyValueArea } from './auth-storage';

/**
 * The one Supabase client, created in the background only (never bundled into
 * the popup or side panel). Sessions persist in chrome.storage and refresh
 * themselves. No URL detection: the OAuth redirect never loads a page here; the
 * web-auth window hands it to lib/supabase/oauth.ts, which exchanges the code.
 */
export function createTeamClient(connection: Connection, area: KeyValueArea, { timeoutMs = 30_000 } = {}): SupabaseClient {
  return createClient(connection.url, connection.anonKey, {
    // supabase-js sets no timeout: a request the network swallowed would hold
    // the sync loop forever. Abort it, and let the engine retry with backoff.
    global: { fetch: withTimeout(timeoutMs) },
    auth: {
      storage: chromeAuthStorage(area),
      storageKey: 'incident-capture',
      persistSession: true,
      autoRefreshToken: true,
      detectSessionInUrl: false,
      // PKCE for "Continue with GitHub/Google": signInWithOAuth stores a code
      // verifier in this storage and exchangeCodeForSession sends it
      // (https://supabase.com/docs/guides/auth/sessions/pkce-flow). Password and
      // one-time-code sign-in do not use it: auth-js's signInWithPassword and
      // verifyOtp post straight to /token and /verify whatever the flow type
      // (node_modules/@supabase/auth-js, GoTrueClient.js, 2.119.1).
      flowType: 'pkce',
    },
    realtime: { params: { eventsPerSecond: 5 } },
  });
}

export function withTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}
