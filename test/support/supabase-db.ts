import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgres } from './postgres';

const BOOTSTRAP = fileURLToPath(new URL('./supabase-bootstrap.sql', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../../supabase/migrations/', import.meta.url));

/** Connection strings for the roles Supabase's own services log in as (trust auth, no passwords). */
export interface SupabaseRoleUrls {
  /** The developer's role: NOT a superuser. Migrations and pgTAP run as this. */
  postgres: string;
  /** What PostgREST logs in as, then `set local role anon | authenticated | service_role`. */
  authenticator: string;
  /** What Storage logs in as; owns storage.buckets and storage.objects. */
  storageAdmin: string;
  /** What GoTrue logs in as; owns auth.users. */
  authAdmin: string;
}

export interface SupabaseDatabase {
  /** Superuser (`supabase_admin`) connection string, for assertions and set-up. */
  url: string;
  urls: SupabaseRoleUrls;
  /** Runs one statement (or several, without params) as the superuser. */
  query: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  /** Adds a row to auth.users, as signing up would (with a new id: the column has no default); returns the id. */
  createUser: (email: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * A throwaway PostgreSQL set up the way Supabase sets up a project
 * (test/support/supabase-bootstrap.sql, run as the superuser supabase_admin),
 * then every supabase/migrations/*.sql in name order applied as `postgres`,
 * which is not a superuser there either: a migration that only a superuser
 * could apply fails here as it would on `supabase db push`.
 */
export async function createSupabaseDatabase(): Promise<SupabaseDatabase> {
  const cluster = await startPostgres();
  const urls: SupabaseRoleUrls = {
    postgres: cluster.urlFor('postgres'),
    authenticator: cluster.urlFor('authenticator'),
    storageAdmin: cluster.urlFor('supabase_storage_admin'),
    authAdmin: cluster.urlFor('supabase_auth_admin'),
  };
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  try {
    await pool.query(await readFile(BOOTSTRAP, 'utf8'));
    await applyMigrations(urls.postgres);
  } catch (error) {
    await pool.end();
    await cluster.stop();
    throw error;
  }

  return {
    url: cluster.url,
    urls,
    query: (sql, params) => pool.query(sql, params),
    async createUser(email) {
      const { rows } = await pool.query<{ id: string }>(
        `insert into auth.users (id, email, aud, role, email_confirmed_at, created_at, updated_at)
         values ($1, $2, 'authenticated', 'authenticated', now(), now(), now()) returning id`,
        [randomUUID(), email],
      );
      return rows[0]!.id;
    },
    async stop() {
      await pool.end();
      await cluster.stop();
    },
  };
}

async function applyMigrations(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const files = (await readdir(MIGRATIONS)).filter((name) => name.endsWith('.sql')).sort();
    for (const file of files) {
      try {
        await client.query(await readFile(MIGRATIONS + file, 'utf8'));
      } catch (error) {
        throw new Error(`Migration ${file} failed as postgres: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    }
  } finally {
    await client.end();
  }
}

/** The JWT claims PostgREST would put in `request.jwt.claims` for a signed-in user. */
export function authenticatedClaims(userId: string): string {
  return JSON.stringify({ sub: userId, role: 'authenticated', aud: 'authenticated' });
}

/**
 * Runs `work` in one transaction as `userId`, the way PostgREST runs a request:
 * `set local role authenticated`, the role's own statement_timeout (PostgREST
 * applies the impersonated role's settings per transaction:
 * https://postgrest.org/en/stable/references/transactions.html#impersonated-role-settings),
 * and the JWT claims. Commits on success, rolls back on error.
 */
export async function asUser<T>(client: pg.ClientBase, userId: string, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    await client.query('set local role authenticated');
    await client.query(
      `select set_config('statement_timeout', coalesce((
         select split_part(s.setting, '=', 2)
         from pg_db_role_setting d, unnest(d.setconfig) as s (setting)
         where d.setrole = 'authenticated'::regrole and d.setdatabase = 0 and s.setting like 'statement_timeout=%'
       ), '0'), true)`,
    );
    await client.query("select set_config('request.jwt.claims', $1, true)", [authenticatedClaims(userId)]);
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * A team whose owner and members are new users, written straight into the
 * tables (as the superuser): the set-up concurrency tests share. Returns the
 * team id, the owner and the other members.
 */
export async function teamOfNewUsers(db: SupabaseDatabase, label: string, size: number) {
  const members = await Promise.all(Array.from({ length: size }, (_, i) => db.createUser(`${label}-${i}@example.test`)));
  const [owner, ...others] = members as [string, ...string[]];
  const { rows } = await db.query(`insert into public.teams (name, created_by) values ($1, $2) returning id`, [label, owner]);
  const teamId = rows[0]!.id as string;
  await db.query(
    `insert into public.team_members (team_id, user_id, display_name, role)
     select $1, m.id, 'Member ' || m.ord, case when m.ord = 1 then 'owner' else 'member' end
     from unnest($2::uuid[]) with ordinality as m (id, ord)`,
    [teamId, members],
  );
  return { teamId, owner, others };
}

/** `count` connections logged in as PostgREST logs in (`authenticator`); asUser switches role per transaction. */
export function authenticatorClients(db: SupabaseDatabase, count: number): Promise<pg.Client[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: db.urls.authenticator });
      await client.connect();
      return client;
    }),
  );
}
