-- Incident numbers (INC-n): per team, assigned by the server when an
-- incident's declared event is first accepted; gapless, never reused.
begin;
create extension if not exists pgtap with schema extensions;
select plan(12);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

create function pg_temp.declared(p_id uuid, p_team text, p_author text) returns jsonb language sql immutable as $$
  select tests.event(p_id, p_team, p_author, 'declared',
    jsonb_build_object('title', 'Incident ' || p_id, 'severity', 'minor',
                       'leadId', tests.user_id(p_author), 'leadName', p_author))
$$;

-- ---------------------------------------------------------------------------
-- Numbers count up per team
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000001', 'A', 'owner'))) #> '{results,0,incident_number}',
  '1'::jsonb,
  'the first incident of team A is INC-1'
);

select tests.sign_in('mate');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000002', 'A', 'mate'))) #> '{results,0,incident_number}',
  '2'::jsonb,
  'the next incident of team A, from another member, is INC-2'
);

select tests.sign_in('outsider');
select is(
  public.push_events(jsonb_build_array(pg_temp.declared('b0000000-0000-7000-8000-000000000001', 'B', 'outsider'))) #> '{results,0,incident_number}',
  '1'::jsonb,
  'team B counts on its own: its first incident is INC-1'
);

-- ---------------------------------------------------------------------------
-- Retries and rejections do not consume numbers
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
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
  tests.event('a0000000-0000-7000-8000-000000000061', 'A', 'owner', 'note', '{"text": "early"}',
                'a0000000-0000-7000-8000-000000000006')
));
select is(
  public.pull_events(tests.team_id('A'), 0, 100) #> '{events,-1,incident_number}',
  'null'::jsonb,
  'an event of an undeclared incident has no number yet'
);
select public.push_events(jsonb_build_array(pg_temp.declared('a0000000-0000-7000-8000-000000000006', 'A', 'owner')));
select is(
  jsonb_path_query_array(
    public.pull_events(tests.team_id('A'), 0, 100),
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
  $$ values (tests.team_id('A'), 6), (tests.team_id('B'), 2) $$,
  'each team''s counter has moved past its last number'
);
select throws_ok(
  $$ insert into public.incident_numbers (team_id, incident_id, number)
     values (tests.team_id('A'), gen_random_uuid(), 1) $$,
  '23505', null,
  'a number is never handed out twice within a team'
);
select lives_ok(
  $$ insert into public.incident_numbers (team_id, incident_id, number)
     values (tests.team_id('B'), gen_random_uuid(), 2) $$,
  'the same number may exist in another team'
);

select * from finish();
rollback;
