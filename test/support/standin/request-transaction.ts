import type pg from 'pg';
import type { StandinRequest } from './reply.ts';

/**
 * Runs `work` in one transaction whose settings are what PostgREST and Storage
 * set before touching data: the JWT's role (so grants and RLS apply) and the
 * claims that `auth.uid()` / `auth.jwt()` read.
 *
 * PostgREST: `set_config('role' | 'request.jwt.claims' | 'request.method' |
 * 'request.path' | 'request.headers' | 'search_path', …, true)` in one
 * statement at the start of the request's transaction
 * (https://docs.postgrest.org/en/stable/references/transactions.html#request-headers-cookies-and-jwt-claims).
 * Storage adds `request.jwt`, `request.jwt.claim.sub` / `.role` and
 * `storage.operation` (src/storage/database/knex.ts, `setScope`).
 */
export async function withRequestTransaction<T>(
  pool: pg.Pool,
  settings: Record<string, string>,
  work: (client: pg.PoolClient) => Promise<T>,
  options: { readOnly?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(options.readOnly ? 'begin read only' : 'begin');
    const names = Object.keys(settings);
    if (names.length > 0) {
      const calls = names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ');
      await client.query(`select ${calls}`, names.flatMap((name) => [name, settings[name]!]));
    }
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {
      broken = true; // a connection that cannot roll back must not go back to the pool
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** `request.headers` as PostgREST sets it: lower-case names, one string each. */
export function headersJson(request: StandinRequest): string {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return JSON.stringify(headers);
}
