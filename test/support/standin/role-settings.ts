import type pg from 'pg';

/** Per role, the settings `alter role … set` gave it, e.g. `{ authenticated: { statement_timeout: '8s' } }`. */
export type RoleSettings = Map<string, Record<string, string>>;

/**
 * The impersonated roles' settings, read the way PostgREST reads them
 * (PostgREST/postgrest src/library/PostgREST/Config/Database.hs, `queryRoleSettings`):
 * the `rolconfig` of every role the connection role is a member of, keeping only
 * parameters a plain user may set (`pg_settings.context = 'user'`) or that the
 * connection role was granted `set` on (PostgreSQL 15+). PostgREST then applies them
 * as transaction-scoped settings on every request made as that role, before
 * `set role` (src/library/PostgREST/Query/PreQuery.hs, `txVarQuery`; added in v11.0.0,
 * PostgREST#2561; docs: references/transactions.rst "Impersonated Role Settings").
 * Supabase relies on it for `anon` 3 s and `authenticated` 8 s statement timeouts.
 *
 * Read once at start, as PostgREST does (it re-reads on `NOTIFY pgrst, 'reload config'`).
 * While the stand-in still connects as a superuser, which is a member of no role, a
 * superuser connection stands for a member of every role.
 */
export async function loadRoleSettings(pool: pg.Pool): Promise<RoleSettings> {
  const { rows } = await pool.query<{ rolname: string; key: string; value: string }>(
    `with role_setting as (
       select r.rolname, unnest(r.rolconfig) as setting
         from pg_roles r
        where r.oid in (select m.roleid from pg_auth_members m where m.member = quote_ident(current_user)::regrole::oid)
           or (select rolsuper from pg_roles where rolname = current_user)
     ), kv as (
       select rolname, substr(setting, 1, strpos(setting, '=') - 1) as key, substr(setting, strpos(setting, '=') + 1) as value
         from role_setting
     )
     select kv.rolname, kv.key, kv.value
       from kv join pg_settings ps on ps.name = kv.key
        and (ps.context = 'user' or has_parameter_privilege(quote_ident(current_user)::regrole::oid, ps.name, 'set'))
      where kv.key <> 'default_transaction_isolation'`,
  );
  const settings: RoleSettings = new Map();
  for (const row of rows) settings.set(row.rolname, { ...settings.get(row.rolname), [row.key]: row.value });
  return settings;
}
