-- The cast and helpers every other file here uses, defined once (issue 9).
--
-- Runs first and is NOT rolled back, on purpose: every other file runs in a
-- connection and a transaction of its own that ends in rollback, so a helper
-- only they define would have to be repeated in each. `supabase test db` runs
-- `pg_prove --ext .pg --ext .sql -r supabase/tests` (supabase/cli
-- internal/db/test/test.go), one psql connection per file, in the order
-- App::Prove::State::_get_raw_tests gives: `sort`ed file names (Perl's string
-- order, so `000_` before `00_`). test/db/database.test.ts sorts the same way
-- and runs each file as `postgres`, which is not a superuser.
--
-- What stays in the database: the `tests` schema and its functions (created
-- or replaced on every run, so running twice is fine). The rows of the cast
-- are written by tests.create_cast() inside each file's own transaction.
-- One transaction that commits: sent as one simple-protocol query (as
-- database.test.ts does) the whole file is one transaction, so it must not
-- end in rollback.
begin;
create extension if not exists pgtap with schema extensions;
create schema if not exists tests;
comment on schema tests is 'pgTAP helpers from supabase/tests/000_setup.test.sql; not exposed through the API';
-- The tests call these after switching to anon or authenticated.
grant usage on schema tests to anon, authenticated;

-- ---------------------------------------------------------------------------
-- Cast (fixed ids; each file's rows are rolled back with it)
--   owner     owns team A          mate, pat   members of team A
--   outsider  owns team B, never in team A
--   gone      was in team A; an owner removed them (10_authority)
-- ---------------------------------------------------------------------------
create or replace function tests.user_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'owner'    then '11111111-1111-4111-8111-111111111111'
    when 'mate'     then '22222222-2222-4222-8222-222222222222'
    when 'outsider' then '33333333-3333-4333-8333-333333333333'
    when 'gone'     then '44444444-4444-4444-8444-444444444444'
    when 'pat'      then '55555555-5555-4555-8555-555555555555'
  end::uuid
$$;
create or replace function tests.team_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'A' then 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
    when 'B' then 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
  end::uuid
$$;

-- Act as a signed-in user, the way PostgREST sets up each request.
create or replace function tests.sign_in(p_name text) returns void language sql as $$
  select set_config('role', 'authenticated', true),
         set_config('request.jwt.claims',
                    json_build_object('sub', tests.user_id(p_name), 'role', 'authenticated')::text, true);
$$;
-- Act as a visitor holding only the anon key.
create or replace function tests.sign_out() returns void language sql as $$
  select set_config('role', 'anon', true),
         set_config('request.jwt.claims', '{"role": "anon"}', true);
$$;
-- RLS hides rows silently: for updates and deletes, "0 rows" is the denial.
create or replace function tests.rows_affected(p_sql text) returns integer language plpgsql as $$
declare
  v_count integer;
begin
  execute p_sql;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- An event as the extension pushes it (lib/model/event.ts, in snake_case).
create or replace function tests.event(
  p_id uuid,
  p_team text,
  p_author text,
  p_kind text default 'note',
  p_body jsonb default '{"text": "Checked the dashboards", "format": "plain"}',
  p_incident uuid default null, -- defaults to p_id: a declared event opens its incident
  p_hlc text default '001764147600000-00000-node1'
) returns jsonb language sql immutable as $$
  select jsonb_build_object(
    'id', p_id,
    'team_id', tests.team_id(p_team),
    'incident_id', coalesce(p_incident, p_id),
    'author_id', tests.user_id(p_author),
    'kind', p_kind,
    'body', p_body,
    'hlc', p_hlc,
    'created_at', '2026-11-26T09:00:00.000Z'
  )
$$;

-- The usual cast: owner, mate and outsider signed up; team A (Olivia the
-- owner, Mateo) and team B (Oscar). Called inside each file's transaction.
create or replace function tests.create_cast() returns void language sql as $$
  insert into auth.users (id, email)
  select tests.user_id(n), n || '@example.test' from unnest(array['owner', 'mate', 'outsider']) as n;

  insert into public.teams (id, name, created_by) values
    (tests.team_id('A'), 'Team A', tests.user_id('owner')),
    (tests.team_id('B'), 'Team B', tests.user_id('outsider'));

  insert into public.team_members (team_id, user_id, display_name, role) values
    (tests.team_id('A'), tests.user_id('owner'), 'Olivia', 'owner'),
    (tests.team_id('A'), tests.user_id('mate'), 'Mateo', 'member'),
    (tests.team_id('B'), tests.user_id('outsider'), 'Oscar', 'owner');
$$;

-- pg_prove needs a plan from every file: check what the others rely on.
select plan(3);
select has_function('tests', 'create_cast', array[]::name[], 'tests.create_cast() is defined for the other files');
select has_function('tests', 'event', 'tests.event() is defined for the other files');
select ok(tests.user_id('pat') is not null and tests.team_id('B') is not null, 'every cast name has an id');
select * from finish();
commit;
