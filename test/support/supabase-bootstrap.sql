-- =============================================================================
-- A Supabase project's database, rebuilt on a bare PostgreSQL 15 test cluster.
--
-- Run once, by the cluster's superuser `supabase_admin`, on a fresh cluster
-- (test/support/postgres.ts runs initdb with that name). Afterwards the
-- migrations and pgTAP run as `postgres`, which here, as on every Supabase
-- project, is NOT a superuser: a migration that needs more than `postgres`
-- holds fails in CI instead of on `supabase db push`.
--
-- Facts reproduced, each with its source (supabase/postgres unless noted; paths
-- are under migrations/db/ there):
--   * The superuser is supabase_admin; `postgres` is NOSUPERUSER with LOGIN,
--     CREATEROLE, CREATEDB, REPLICATION, BYPASSRLS
--     (migrations/10000000000000_demote-postgres.sql) and owns the database
--     (migrate.sh: `alter database postgres owner to postgres`).
--   * postgres is a member of anon, authenticated, service_role
--     (migrations/20230201083204_grant_auth_roles_to_postgres.sql) and of
--     pg_read_all_data, pg_signal_backend
--     (migrations/20240606060239_grant_predefined_roles_to_postgres.sql), and
--     NOT of supabase_auth_admin / supabase_storage_admin
--     (migrations/20250421084701_revoke_admin_roles_from_postgres.sql).
--   * auth.* belongs to supabase_auth_admin; postgres holds ALL on its tables
--     but cannot create in the schema (init-scripts/00000000000001-auth-schema.sql,
--     migrations/20211115181400_update-auth-permissions.sql, 20250421084701).
--   * storage.buckets / storage.objects belong to supabase_storage_admin;
--     postgres holds ALL on them WITH GRANT OPTION (supabase/storage
--     migrations/tenant/0049-buckets-objects-grants-postgres.sql;
--     supabase/postgres migrations/20250623125453_tmp_grant_storage_tables_to_postgres_with_grant_option.sql)
--     and USAGE on the schema with grant option (20250709135250), not CREATE.
--   * postgres may still create, alter and drop policies on those tables:
--     supautils' `policy_grants` (ansible/files/postgresql_config/conf.d/supautils.conf).
--     Emulated below without the C extension.
--   * auth.users.id has no default; confirmed_at is generated
--     (supabase/auth migrations/00_init_auth_schema.up.sql,
--     20210722035447_adds_confirmed_at.up.sql).
--   * anon and authenticated run with statement_timeout 3s and 8s
--     (init-scripts/00000000000000-initial-schema.sql); authenticator with
--     statement_timeout and lock_timeout 8s (20221028101028, 20231130133139).
--   * Direct deletes from storage tables are refused unless
--     storage.allow_delete_query is set (supabase/storage
--     migrations/tenant/0055-prevent-direct-deletes.sql).
--
-- Left out, because nothing here touches it: dashboard_user, pgbouncer, realtime's
-- schema, vault, pg_graphql, the other auth and storage tables, and the
-- safeupdate library Supabase preloads for authenticator (20260403172611).
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Roles
-- -----------------------------------------------------------------------------
do $$
begin
  if current_user <> 'supabase_admin' or not (select rolsuper from pg_roles where rolname = current_user) then
    raise exception 'Run the Supabase bootstrap as the superuser supabase_admin (it is running as %)', current_user;
  end if;
end
$$;

-- The developer's role. Created by migrate.sh as a superuser, then demoted.
create role postgres login nosuperuser createdb createrole replication bypassrls;
alter database postgres owner to postgres;

-- Roles PostgREST switches to (init-scripts/00000000000000-initial-schema.sql),
-- made INHERIT by migrations/20230529180330_alter_api_roles_for_inherit.sql.
create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;
-- PostgREST logs in as authenticator and `set role`s per request.
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;

-- The services' own roles (init-scripts/00000000000001-auth-schema.sql and
-- 00000000000002-storage-schema.sql). supabase_auth_admin lost CREATEROLE in
-- migrations/20260821154147_revoke_createrole_from_auth_admin.sql.
create role supabase_auth_admin login noinherit nocreaterole noreplication;
create role supabase_storage_admin login noinherit createrole noreplication;
-- Storage logs in as supabase_storage_admin and switches to the caller's role
-- through authenticator (migrations/20231013070755_grant_authenticator_to_supabase_storage_admin.sql).
grant authenticator to supabase_storage_admin;

grant anon, authenticated, service_role to postgres;
grant pg_read_all_data, pg_signal_backend to postgres;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';

-- Unqualified names resolve in extensions too (init-scripts/00000000000003-post-setup.sql):
-- `supabase test db` files call pgTAP's plan(), ok(), … unqualified.
alter role postgres set search_path = "$user", public, extensions;
alter role supabase_admin set search_path = "$user", public, auth, extensions;
alter role supabase_auth_admin set search_path = auth;
alter role supabase_storage_admin set search_path = storage;

-- -----------------------------------------------------------------------------
-- public: every new object is granted to the API roles; RLS and the
-- migrations' own revokes do the guarding. The init scripts run as postgres,
-- so their unqualified `alter default privileges` are postgres's
-- (migrate.sh runs init-scripts with -U postgres).
-- -----------------------------------------------------------------------------
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- -----------------------------------------------------------------------------
-- extensions: where Supabase installs pgcrypto, pgtap, …; postgres owns it
-- (created by the init scripts, which run as postgres).
-- -----------------------------------------------------------------------------
create schema extensions authorization postgres;
grant usage on schema extensions to anon, authenticated, service_role;
create extension pgcrypto with schema extensions;
-- Installed by the superuser, as supautils' privileged_extensions_superuser
-- does on a project; the test files' `create extension if not exists pgtap`
-- then finds it and does nothing.
create extension pgtap with schema extensions;
-- migrations/20230224042246_grant_extensions_perms_for_postgres.sql
grant all privileges on all routines in schema extensions to postgres with grant option;

-- -----------------------------------------------------------------------------
-- auth: GoTrue's schema, owned by supabase_auth_admin
-- -----------------------------------------------------------------------------
create schema auth authorization supabase_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;
grant all on schema auth to supabase_auth_admin;
alter default privileges for role supabase_auth_admin in schema auth grant all on tables to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on sequences to postgres;
alter default privileges for role supabase_auth_admin in schema auth grant all on routines to postgres;

set role supabase_auth_admin;

-- A subset of GoTrue's auth.users, with its real types, and no default on id:
-- GoTrue generates ids itself, so an insert that leaves id out fails here as
-- it does on a project.
create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  banned_until timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);

-- These read the claims PostgREST puts in the transaction: `request.jwt.claims`
-- (the whole payload, PostgREST ≥ 9) or the legacy per-claim settings.
create function auth.uid()
returns uuid
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create function auth.role()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create function auth.email()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create function auth.jwt()
returns jsonb
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

reset role;

-- update-auth-permissions.sql grants postgres ALL on auth tables (not
-- ownership); 20250421084701 takes CREATE on the schema away again.
grant all on all tables in schema auth to postgres;
grant execute on all functions in schema auth to anon, authenticated, service_role;

-- -----------------------------------------------------------------------------
-- storage: Storage's metadata, owned by supabase_storage_admin. The bytes live
-- elsewhere (S3, or disk in the stand-in); access is RLS on storage.objects,
-- evaluated as the caller's role.
-- -----------------------------------------------------------------------------
create schema storage authorization supabase_admin;
grant usage on schema storage to postgres with grant option;
grant usage on schema storage to anon, authenticated, service_role;
grant all on schema storage to supabase_storage_admin;

set role supabase_storage_admin;

-- supabase/storage migrations/tenant/0002-storage-schema.sql (run by Storage as
-- supabase_storage_admin): new storage objects are granted to the API roles.
alter default privileges in schema storage grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on sequences to postgres, anon, authenticated, service_role;

create table storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  owner_id text,
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);
create unique index bname on storage.buckets using btree (name);

create table storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid, -- deprecated by Storage in favour of owner_id; both are set on upload
  owner_id text,
  metadata jsonb,
  user_metadata jsonb,
  version text,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now()
);
create unique index bucketid_objname on storage.objects using btree (bucket_id, name);
create index name_prefix_search on storage.objects using btree (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Storage's path helpers: foldername('a/b/c.png') is {a,b}; filename is
-- 'c.png'; extension is 'png'.
create function storage.foldername(name text)
returns text[]
language plpgsql
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create function storage.filename(name text)
returns text
language plpgsql
as $$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create function storage.extension(name text)
returns text
language plpgsql
as $$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

-- Plain SQL deletes orphan the stored bytes, so Storage refuses them unless
-- its own flag is set (migrations/tenant/0055-prevent-direct-deletes.sql).
create function storage.protect_delete()
returns trigger
language plpgsql
as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.',
            errcode = '42501';
  end if;
  return null;
end
$$;

create trigger protect_buckets_delete
  before delete on storage.buckets
  for each statement execute function storage.protect_delete();

create trigger protect_objects_delete
  before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- migrations/tenant/0046-buckets-objects-grants.sql and 0049 (postgres with grant option).
grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;

reset role;

-- -----------------------------------------------------------------------------
-- supautils `policy_grants`, emulated
--
-- On a project, supautils lets `postgres` run CREATE / ALTER / DROP POLICY on
-- the tables listed for it in supautils.policy_grants
-- (ansible/files/postgresql_config/conf.d/supautils.conf), although it owns
-- none of them; every other owner-only command on them still fails.
--
-- Here: a ddl_command_start trigger makes postgres a member of the listed
-- tables' owners for the one POLICY statement it runs; ddl_command_end (and
-- sql_drop, for DROP POLICY) then checks that the policy was on a listed table,
-- refusing it as PostgreSQL would ("must be owner of table …") otherwise, and
-- revokes the membership. Grant, check and revoke happen inside the
-- statement's own (sub)transaction, so a failure anywhere rolls the
-- membership back with it, and no other session ever sees it.
-- Only POLICY commands get this; ALTER TABLE, DISABLE ROW LEVEL SECURITY,
-- triggers, TRUNCATE and the rest of the owner's rights stay out of reach.
-- -----------------------------------------------------------------------------
create schema supautils_emulation authorization supabase_admin;

-- The listed tables this bootstrap creates (realtime's and GoTrue's other
-- tables do not exist here).
create function supautils_emulation.policy_grant_tables()
returns regclass[]
language sql
stable
set search_path = ''
as $$
  select coalesce(array_agg(to_regclass(t)) filter (where to_regclass(t) is not null), '{}')
  from unnest(array[
    'auth.audit_log_entries', 'auth.flow_state', 'auth.identities', 'auth.instances',
    'auth.mfa_amr_claims', 'auth.mfa_challenges', 'auth.mfa_factors', 'auth.oauth_clients',
    'auth.one_time_tokens', 'auth.refresh_tokens', 'auth.saml_providers', 'auth.saml_relay_states',
    'auth.sessions', 'auth.sso_domains', 'auth.sso_providers', 'auth.users',
    'realtime.messages', 'realtime.subscription',
    'storage.buckets', 'storage.buckets_analytics', 'storage.objects', 'storage.prefixes',
    'storage.s3_multipart_uploads', 'storage.s3_multipart_uploads_parts'
  ]) as t
$$;

-- The role the DDL statement runs as. Event trigger functions that are
-- security definer see the definer as current_user, so read what the session
-- set: the `role` setting (SET ROLE / set_config('role', …)), else the login role.
create function supautils_emulation.statement_role()
returns name
language sql
stable
set search_path = ''
as $$
  select coalesce(nullif(current_setting('role'), 'none'), session_user)::name
$$;

create function supautils_emulation.policy_grants_start()
returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_owner name;
begin
  if supautils_emulation.statement_role() <> 'postgres' then
    return;
  end if;
  for v_owner in
    select distinct r.rolname
    from unnest(supautils_emulation.policy_grant_tables()) as t (rel)
    join pg_catalog.pg_class c on c.oid = t.rel
    join pg_catalog.pg_roles r on r.oid = c.relowner
    where not pg_catalog.pg_has_role('postgres', r.oid, 'MEMBER')
  loop
    execute format('grant %I to postgres', v_owner);
    perform pg_catalog.set_config('supautils_emulation.granted',
      concat_ws(',', nullif(pg_catalog.current_setting('supautils_emulation.granted', true), ''), v_owner), true);
  end loop;
end
$$;

-- Refuses a policy on a table postgres does not own and that is not listed.
create function supautils_emulation.check_policy_table(p_table oid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_table = any (supautils_emulation.policy_grant_tables()::oid[]) then
    return;
  end if;
  if exists (
    select 1 from pg_catalog.pg_class c
    join pg_catalog.pg_roles r on r.oid = c.relowner
    where c.oid = p_table
      and r.rolname = any (string_to_array(pg_catalog.current_setting('supautils_emulation.granted', true), ','))
  ) then
    raise exception 'must be owner of table %', (select relname from pg_catalog.pg_class where oid = p_table)
      using errcode = '42501';
  end if;
end
$$;

create function supautils_emulation.policy_grants_end()
returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_granted text := nullif(pg_catalog.current_setting('supautils_emulation.granted', true), '');
  v_owner text;
begin
  if v_granted is null then
    return;
  end if;
  -- CREATE / ALTER POLICY: the policy row names its table.
  perform supautils_emulation.check_policy_table(p.polrelid)
  from pg_catalog.pg_event_trigger_ddl_commands() as d
  join pg_catalog.pg_policy p on p.oid = d.objid
  where d.classid = 'pg_catalog.pg_policy'::regclass;

  foreach v_owner in array string_to_array(v_granted, ',') loop
    execute format('revoke %I from postgres', v_owner);
  end loop;
  perform pg_catalog.set_config('supautils_emulation.granted', '', true);
end
$$;

-- DROP POLICY: the dropped policy's address names its table.
create function supautils_emulation.policy_grants_drop()
returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if nullif(pg_catalog.current_setting('supautils_emulation.granted', true), '') is null then
    return;
  end if;
  perform supautils_emulation.check_policy_table(
    to_regclass(format('%I.%I', d.address_names[1], d.address_names[2]))
  )
  from pg_catalog.pg_event_trigger_dropped_objects() as d
  where d.object_type = 'policy';
end
$$;

create event trigger supautils_policy_grants_start
  on ddl_command_start
  when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
  execute function supautils_emulation.policy_grants_start();

create event trigger supautils_policy_grants_end
  on ddl_command_end
  when tag in ('CREATE POLICY', 'ALTER POLICY', 'DROP POLICY')
  execute function supautils_emulation.policy_grants_end();

create event trigger supautils_policy_grants_drop
  on sql_drop
  when tag in ('DROP POLICY')
  execute function supautils_emulation.policy_grants_drop();

revoke all on schema supautils_emulation from public;
revoke all on all functions in schema supautils_emulation from public;

-- -----------------------------------------------------------------------------
-- Realtime: an empty publication that projects add tables to. The init
-- scripts create it as postgres, so postgres owns it.
-- (wal_level stays 'replica' here: nothing consumes it in tests.)
-- -----------------------------------------------------------------------------
create publication supabase_realtime;
alter publication supabase_realtime owner to postgres;
