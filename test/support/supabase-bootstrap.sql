-- =============================================================================
-- Supabase-compatible bootstrap for a bare PostgreSQL 15 test cluster.
--
-- Reproduces only what the migrations and the sync stand-in rely on, with the
-- same names, shapes and grants as a Supabase project, so that migrations and
-- pgTAP tests behave here as they do against `supabase start` or a hosted
-- project. Sources: supabase/postgres (roles, default grants, auth helpers) and
-- supabase/storage (migrations/tenant/0002-storage-schema.sql and later ones).
-- Run once, as a superuser, on a fresh database; guarded so a re-run is harmless.
-- =============================================================================

-- -----------------------------------------------------------------------------
-- Roles: PostgREST logs in as `authenticator` and switches to the JWT's role
-- -----------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    -- The service key skips RLS entirely; it never ships in the extension.
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    -- noinherit: authenticator itself can do nothing until it `set role`s.
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- -----------------------------------------------------------------------------
-- Default grants in public, exactly as Supabase makes them: every role may
-- touch every new table and function, and RLS (plus explicit revokes in the
-- migrations) is what actually guards the data.
-- -----------------------------------------------------------------------------
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- -----------------------------------------------------------------------------
-- extensions schema: where Supabase installs pgcrypto, pgtap, …
-- -----------------------------------------------------------------------------
create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

-- Supabase sessions resolve unqualified names in extensions too (pgTAP's
-- plan(), ok(), … are called unqualified by `supabase test db` files).
do $$
begin
  execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end
$$;

-- -----------------------------------------------------------------------------
-- auth: the users table GoTrue owns, and the helpers RLS policies call
-- -----------------------------------------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- A subset of GoTrue's auth.users: only the columns tests and triggers use.
-- Every other GoTrue column is nullable or defaulted, so the same inserts
-- work against a real project.
create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  email text unique,
  encrypted_password text,
  raw_user_meta_data jsonb default '{}'::jsonb,
  created_at timestamptz default now()
);

-- These read the claims PostgREST puts in the transaction: `request.jwt.claims`
-- (the whole JWT payload as JSON, PostgREST ≥ 9) or the legacy per-claim
-- settings (`request.jwt.claim.sub`, …) of older PostgREST versions.
create or replace function auth.uid()
returns uuid
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email()
returns text
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt()
returns jsonb
language sql
stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to anon, authenticated, service_role;

-- -----------------------------------------------------------------------------
-- storage: the tables Supabase Storage keeps its metadata in. The bytes live
-- elsewhere (S3, or disk in the stand-in); access is decided by RLS on
-- storage.objects, evaluated as the caller's role.
-- -----------------------------------------------------------------------------
create schema if not exists storage;
grant usage on schema storage to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema storage grant all on sequences to postgres, anon, authenticated, service_role;

create table if not exists storage.buckets (
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
create unique index if not exists bname on storage.buckets using btree (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text references storage.buckets (id),
  name text,
  owner uuid, -- deprecated by Supabase in favour of owner_id; both are set on upload
  owner_id text,
  metadata jsonb,
  user_metadata jsonb,
  version text,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now()
);
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects using btree (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

-- Supabase's path helpers, verbatim in behaviour: foldername('a/b/c.png') is
-- {a,b}; filename is 'c.png'; extension is 'png'.
create or replace function storage.foldername(name text)
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

create or replace function storage.filename(name text)
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

create or replace function storage.extension(name text)
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

-- Hosted Supabase refuses plain SQL deletes on its storage tables, because a
-- deleted row orphans the stored bytes; the Storage API sets
-- `storage.allow_delete_query` for its own deletes (supabase/storage#817,
-- migrations/tenant/0050-prevent-direct-deletes.sql). Reproduced here so a
-- migration that deletes rows directly fails in tests as it would in production.
create or replace function storage.protect_delete()
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

drop trigger if exists protect_buckets_delete on storage.buckets;
create trigger protect_buckets_delete
  before delete on storage.buckets
  for each statement execute function storage.protect_delete();

drop trigger if exists protect_objects_delete on storage.objects;
create trigger protect_objects_delete
  before delete on storage.objects
  for each statement execute function storage.protect_delete();

-- -----------------------------------------------------------------------------
-- Realtime: Supabase creates this publication empty; projects add tables to it.
-- (wal_level stays 'replica' here: nothing consumes the publication in tests.)
-- -----------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;
