import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from './postgres';

const BOOTSTRAP = fileURLToPath(new URL('./supabase-bootstrap.sql', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));

export interface SupabaseDatabase {
  /** Superuser connection string; switch role per transaction to act as a user. */
  url: string;
  /** Runs one statement (or several, without params) as the superuser. */
  query: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  /** Adds a row to auth.users, as signing up would; returns the user id. */
  createUser: (email: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * A throwaway PostgreSQL with Supabase's roles, auth and storage schemas
 * (test/support/supabase-bootstrap.sql), every supabase/migrations/*.sql in name
 * order, and pgTAP for supabase/tests.
 */
export async function createSupabaseDatabase(): Promise<SupabaseDatabase> {
  const cluster = await startPostgres();
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  try {
    const client = await pool.connect();
    try {
      await client.query(await readFile(BOOTSTRAP, 'utf8'));
      const files = (await readdir(MIGRATIONS)).filter((name) => name.endsWith('.sql')).sort();
      for (const file of files) {
        try {
          await client.query(await readFile(MIGRATIONS + file, 'utf8'));
        } catch (error) {
          throw new Error(`Migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
        }
      }
      await client.query('create extension if not exists pgtap with schema extensions');
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    await cluster.stop();
    throw error;
  }

  return {
    url: cluster.url,
    query: (sql, params) => pool.query(sql, params),
    async createUser(email) {
      const { rows } = await pool.query<{ id: string }>('insert into auth.users (email) values ($1) returning id', [email]);
      return rows[0]!.id;
    },
    async stop() {
      await pool.end();
      await cluster.stop();
    },
  };
}

/** The JWT claims PostgREST would put in `request.jwt.claims` for a signed-in user. */
export function authenticatedClaims(userId: string): string {
  return JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
}

/**
 * Runs `work` in one transaction as `userId`, the way PostgREST runs a request:
 * `set local role authenticated` plus the JWT claims. Commits on success,
 * rolls back on error.
 */
export async function asUser<T>(client: pg.ClientBase, userId: string, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query('set local role authenticated');
    await client.query("select set_config('request.jwt.claims', $1, true)", [authenticatedClaims(userId)]);
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
