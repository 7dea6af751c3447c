-- The platform these migrations are written for: a Supabase project, where
-- migrations and these tests run as `postgres`, which is not a superuser.
-- Every assertion holds on a hosted project and under `supabase test db`;
-- in this repo's CI it proves test/support/supabase-bootstrap.sql
-- reproduces them (sources cited there, from supabase/postgres,
-- supabase/storage and supabase/auth).
begin;
create extension if not exists pgtap with schema extensions;
select plan(22);

-- ---------------------------------------------------------------------------
-- Who runs migrations
-- ---------------------------------------------------------------------------
select is(current_user::text, 'postgres', 'tests run as postgres');
select results_eq(
  $$ select rolsuper, rolcanlogin, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
     from pg_roles where rolname = 'postgres' $$,
  $$ values (false, true, true, true, true, true) $$,
  'postgres is NOSUPERUSER with LOGIN, CREATEROLE, CREATEDB, REPLICATION, BYPASSRLS'
);
select ok((select rolsuper from pg_roles where rolname = 'supabase_admin'), 'the superuser is supabase_admin');
select ok(
  pg_has_role('postgres', 'anon', 'MEMBER') and pg_has_role('postgres', 'authenticated', 'MEMBER')
    and pg_has_role('postgres', 'service_role', 'MEMBER'),
  'postgres may act as anon, authenticated and service_role'
);
select ok(
  not pg_has_role('postgres', 'supabase_storage_admin', 'MEMBER') and not pg_has_role('postgres', 'supabase_auth_admin', 'MEMBER'),
  'postgres is not a member of the Storage or Auth admin roles'
);

-- ---------------------------------------------------------------------------
-- Whose tables auth and storage are
-- ---------------------------------------------------------------------------
select is(
  array(select c.relname || ':' || pg_get_userbyid(c.relowner)
        from pg_class c where c.oid in ('auth.users'::regclass, 'storage.buckets'::regclass, 'storage.objects'::regclass)
        order by 1),
  array['buckets:supabase_storage_admin', 'objects:supabase_storage_admin', 'users:supabase_auth_admin'],
  'auth.users belongs to supabase_auth_admin; storage.buckets and storage.objects to supabase_storage_admin'
);
select ok(
  has_table_privilege('postgres', 'auth.users', 'SELECT, INSERT, UPDATE, DELETE'),
  'postgres reads and writes auth.users (the dashboard deletes accounts with it)'
);
select ok(
  has_table_privilege('postgres', 'storage.objects', 'SELECT, INSERT, UPDATE, DELETE'),
  'postgres reads and writes storage.objects rows'
);
select ok(not has_schema_privilege('postgres', 'storage', 'CREATE'), 'postgres cannot create objects in the storage schema');
select ok(not has_schema_privilege('postgres', 'auth', 'CREATE'), 'postgres cannot create objects in the auth schema');

-- supautils policy_grants: policies yes, everything else an owner does, no.
select lives_ok(
  $$ create policy "Platform test policy" on storage.objects for select to authenticated using (false) $$,
  'postgres may create a policy on storage.objects (supautils policy_grants)'
);
select lives_ok(
  $$ alter policy "Platform test policy" on storage.objects using (bucket_id = 'none') $$,
  'postgres may alter a policy on storage.objects'
);
select lives_ok(
  $$ drop policy "Platform test policy" on storage.objects $$,
  'postgres may drop a policy on storage.objects'
);
select throws_ok(
  $$ alter table storage.objects disable row level security $$,
  '42501', 'must be owner of table objects',
  'postgres cannot switch off RLS on storage.objects'
);
select throws_ok(
  $$ alter table storage.objects owner to postgres $$,
  '42501', 'must be owner of table objects',
  'postgres cannot take storage.objects over'
);
select throws_ok(
  $$ create index platform_test_idx on storage.objects (owner_id) $$,
  '42501', 'must be owner of table objects',
  'postgres cannot index storage.objects'
);
select ok(
  not pg_has_role('postgres', 'supabase_storage_admin', 'MEMBER'),
  'after all that, postgres is still not a member of supabase_storage_admin'
);

-- ---------------------------------------------------------------------------
-- auth.users as GoTrue shapes it
-- ---------------------------------------------------------------------------
select is(
  (select column_default from information_schema.columns where table_schema = 'auth' and table_name = 'users' and column_name = 'id'),
  null,
  'auth.users.id has no default: every insert names the id'
);
select is(
  (select attgenerated::text from pg_attribute where attrelid = 'auth.users'::regclass and attname = 'confirmed_at'),
  's',
  'auth.users.confirmed_at is a generated column'
);
select throws_ok(
  $$ insert into auth.users (email) values ('no-id@example.test') $$,
  '23502', null,
  'an insert without an id fails'
);

-- ---------------------------------------------------------------------------
-- API roles' timeouts (PostgREST applies them per request)
-- ---------------------------------------------------------------------------
select is(
  array(select r.rolname || ':' || s.setting
        from pg_db_role_setting d
        join pg_roles r on r.oid = d.setrole
        cross join unnest(d.setconfig) as s (setting)
        where r.rolname in ('anon', 'authenticated') and d.setdatabase = 0 and s.setting like 'statement_timeout=%'
        order by 1),
  array['anon:statement_timeout=3s', 'authenticated:statement_timeout=8s'],
  'anon and authenticated have statement_timeout 3s and 8s'
);
select is(
  (select extnamespace::regnamespace::text from pg_extension where extname = 'pgtap'),
  'extensions',
  'pgTAP lives in the extensions schema'
);

select * from finish();
rollback;
