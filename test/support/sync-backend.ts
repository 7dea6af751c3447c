import pg from 'pg';
import { startStandin, type FaultInjector, type Standin } from './standin';
import { createSupabaseDatabase, type SupabaseDatabase } from './supabase-db';

/**
 * Where the sync suite runs: by default the Supabase stand-in in front of a
 * throwaway PostgreSQL; with SUPABASE_TEST_URL (and the keys and database URL
 * below) a real Supabase stack, e.g. `supabase start` with this repo's
 * migrations applied (`supabase db reset`). See supabase/README.md.
 */
export interface SyncBackend {
  kind: 'standin' | 'supabase';
  url: string;
  anonKey: string;
  createUser(email: string, password: string): Promise<string>;
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** Server-side fault injection: the stand-in only. */
  faults: FaultInjector | null;
  /** Make every issued access token expired: the stand-in only. */
  expireAccessTokens: (() => void) | null;
  stop(): Promise<void>;
}

async function standinBackend(): Promise<SyncBackend> {
  const database: SupabaseDatabase = await createSupabaseDatabase();
  const standin: Standin = await startStandin({ databaseUrl: database.url, roleUrls: database.urls });
  return {
    kind: 'standin',
    url: standin.url,
    anonKey: standin.anonKey,
    createUser: (email, password) => standin.createUser(email, password),
    query: (sql, params) => database.query(sql, params),
    faults: standin.faults,
    expireAccessTokens: () => standin.expireAccessTokens(),
    async stop() {
      await standin.stop();
      await database.stop();
    },
  };
}

async function realBackend(env: NodeJS.ProcessEnv): Promise<SyncBackend> {
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is required when SUPABASE_TEST_URL is set (see supabase/README.md).`);
    return value;
  };
  const url = need('SUPABASE_TEST_URL').replace(/\/$/, '');
  const anonKey = need('SUPABASE_TEST_ANON_KEY');
  const serviceRoleKey = need('SUPABASE_TEST_SERVICE_ROLE_KEY');
  const pool = new pg.Pool({ connectionString: need('SUPABASE_TEST_DB_URL'), max: 4 });
  return {
    kind: 'supabase',
    url,
    anonKey,
    async createUser(email, password) {
      // GoTrue's admin API: a confirmed user, as the stand-in makes them.
      const res = await fetch(`${url}/auth/v1/admin/users`, {
        method: 'POST',
        headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email, password, email_confirm: true }),
      });
      if (!res.ok) throw new Error(`createUser ${email}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    query: (sql, params) => pool.query(sql, params),
    faults: null,
    expireAccessTokens: null,
    stop: () => pool.end(),
  };
}

export function startSyncBackend(env = process.env): Promise<SyncBackend> {
  return env.SUPABASE_TEST_URL ? realBackend(env) : standinBackend();
}
