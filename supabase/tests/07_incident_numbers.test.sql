-- Incident numbers (INC-n): per team, assigned by the server when an
-- incident's declared event is first accepted; gapless, never reused.
begin;
create extension if not exists pgtap with schema extensions;
select plan(12);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids; everything is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
create function pg_temp.user_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'owner'    then '11111111-1111-4111-8111-111111111111'
    when 'mate'     then '22222222-2222-4222-8222-222222222222'
    when 'outsider' then '33333333-3333-4333-8333-333333333333'
  end::uuid
$$;
create function pg_temp.team_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'A' then 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
    when 'B' then 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
  end::uuid
$$;
-- Act as a signed-in user, the way PostgREST sets up each request.
create function pg_temp.sign_in(p_name text) returns void language sql as $$
  select set_config('role', 'authenticated', true),
         set_config('request.jwt.claims',
                    json_build_object('sub', pg_temp.user_id(p_name), 'role', 'authenticated')::text, true);
$$;
-- Act as a visitor holding only the anon key.
create function pg_temp.sign_out() returns void language sql as $$
  select set_config('role', 'anon', true),
         set_config('request.jwt.claims', '{"role": "anon"}', true);
$$;
-- RLS hides rows silently: for updates and deletes, "0 rows" is the denial.
create function pg_temp.rows_affected(p_sql text) returns integer language plpgsql as $$
declare
  v_count integer;
begin
  execute p_sql;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- An event as the extension pushes it (lib/model/event.ts, in snake_case).
create function pg_temp.event(
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
    'team_id', pg_temp.team_id(p_team),
    'incident_id', coalesce(p_incident, p_id),
    'author_id', pg_temp.user_id(p_author),
    'kind', p_kind,
    'body', p_body,
    'hlc', p_hlc,
    'created_at', '2026-11-26T09:00:00.000Z'
  )
$$;

insert into auth.users (id, email)
select pg_temp.user_id(n), n || '@example.test' from unnest(array['owner', 'mate', 'outsider']) as n;

insert into public.teams (id, name, created_by) values
  (pg_temp.team_id('A'), 'Team A', pg_temp.user_id('owner')),
  (pg_temp.team_id('B'), 'Team B', pg_temp.user_id('outsider'));

insert into public.team_members (team_id, user_id, display_name, role) values
  (pg_temp.team_id('A'), pg_temp.user_id('owner'), 'Olivia', 'owner'),
  (pg_temp.team_id('A'), pg_temp.user_id('mate'), 'Mateo', 'member'),
  (pg_temp.team_id('B'), pg_temp.user_id('outsider'), 'Oscar', 'owner');

create function pg_temp.declared(p_id uuid, p_team text, p_author text) returns jsonb language sql immutable as $$
  select pg_temp.event(p_id, p_team, p_author, 'declared',
    jsonb_build_object('title', 'Incident ' || p_id, 'severity', 'minor',
                       'leadId', pg_temp.user_id(p_author), 'leadName', p_author))
$$;

-- ---------------------------------------------------------------------------
-- Numbers count up per team
-- ---------------------------------------------------------------------------
select pg_temp.sign_in('owner');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000001', 'A', 'owner'))) #> '{results,0,incident_number}',
  '1'::jsonb,
  'the first incident of team A is INC-1'
);

select pg_temp.sign_in('mate');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000002', 'A', 'mate'))) #> '{results,0,incident_number}',
  '2'::jsonb,
  'the next incident of team A, from another member, is INC-2'
);

select pg_temp.sign_in('outsider');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('b0000000-0000-7000-8000-000000000001', 'B', 'outsider'))) #> '{results,0,incident_number}',
  '1'::jsonb,
  'team B counts on its own: its first incident is INC-1'
);

-- ---------------------------------------------------------------------------
-- Retries and rejections do not consume numbers
-- ---------------------------------------------------------------------------
select pg_temp.sign_in('owner');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000001', 'A', 'owner'))) #> '{results,0}',
  '{"id": "a0000000-0000-7000-8000-000000000001", "status": "accepted", "incident_number": 1}'::jsonb,
  're-pushing a declared event answers with the number it already has'
);
select is(
  public.push_events(jsonb_build_array(
    pg_temp.declared('a0000000-0000-7000-8000-000000000003', 'A', 'owner') || '{"hlc": "later"}'
  )) #>> '{results,0,status}',
  'rejected',
  'a rejected declared event…'
);
select is(
  public.push_events(jsonb_build_array(
    pg_temp.declared('a0000000-0000-7000-8000-000000000004', 'A', 'owner'),
    pg_temp.declared('a0000000-0000-7000-8000-000000000005', 'A', 'owner')
  )) -> 'results',
  '[{"id": "a0000000-0000-7000-8000-000000000004", "status": "accepted", "incident_number": 3},
    {"id": "a0000000-0000-7000-8000-000000000005", "status": "accepted", "incident_number": 4}]'::jsonb,
  '…takes no number: the next two, in one batch, are INC-3 and INC-4 in input order'
);

-- ---------------------------------------------------------------------------
-- Events that arrive before their incident's declared event
-- ---------------------------------------------------------------------------
select public.push_events(jsonb_build_array(
  pg_temp.event('a0000000-0000-7000-8000-000000000061', 'A', 'owner', 'note', '{"text": "early"}',
                'a0000000-0000-7000-8000-000000000006')
));
select is(
  public.pull_events(pg_temp.team_id('A'), 0, 100) #> '{events,-1,incident_number}',
  'null'::jsonb,
  'an event of an undeclared incident has no number yet'
);
select public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000006', 'A', 'owner')));
select is(
  jsonb_path_query_array(
    public.pull_events(pg_temp.team_id('A'), 0, 100),
    '$.events[*] ? (@.incident_id == "a0000000-0000-7000-8000-000000000006").incident_number'),
  '[5, 5]'::jsonb,
  'once declared, the incident is INC-5 and its earlier note carries the number too'
);

-- ---------------------------------------------------------------------------
-- The table behind it
-- ---------------------------------------------------------------------------
select results_eq(
  $$ select number from public.incident_numbers order by number $$,
  $$ values (1), (2), (3), (4), (5) $$,
  'team A''s numbers are gapless'
);

reset role;
select results_eq(
  $$ select id, next_incident_number from public.teams order by id $$,
  $$ values (pg_temp.team_id('A'), 6), (pg_temp.team_id('B'), 2) $$,
  'each team''s counter has moved past its last number'
);
select throws_ok(
  $$ insert into public.incident_numbers (team_id, incident_id, number)
     values (pg_temp.team_id('A'), gen_random_uuid(), 1) $$,
  '23505', null,
  'a number is never handed out twice within a team'
);
select lives_ok(
  $$ insert into public.incident_numbers (team_id, incident_id, number)
     values (pg_temp.team_id('B'), gen_random_uuid(), 2) $$,
  'the same number may exist in another team'
);

select * from finish();
rollback;
