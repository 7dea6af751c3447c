-- pull_status(): how many of a team's events lie after a cursor; members only.
begin;
create extension if not exists pgtap with schema extensions;
select plan(9);

-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner owns team A, mate is a member of team A, outsider owns team B.
select tests.create_cast();

select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  tests.event('a0000000-0000-7000-8000-000000000001', 'A', 'mate', 'declared',
    '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'),
  tests.event('a0000000-0000-7000-8000-000000000002', 'A', 'mate', 'note', '{"text": "1"}', 'a0000000-0000-7000-8000-000000000001'),
  tests.event('a0000000-0000-7000-8000-000000000003', 'A', 'mate', 'note', '{"text": "2"}', 'a0000000-0000-7000-8000-000000000001')
));
-- Team B's event lands in the middle of team A's server_seq range and is not counted.
select tests.sign_in('outsider');
select public.push_events(jsonb_build_array(
  tests.event('b0000000-0000-7000-8000-000000000001', 'B', 'outsider', 'note', '{"text": "team B"}', 'b0000000-0000-7000-8000-000000000009')
));
select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  tests.event('a0000000-0000-7000-8000-000000000004', 'A', 'mate', 'note', '{"text": "3"}', 'a0000000-0000-7000-8000-000000000001')
));

select tests.sign_in('owner');
select is(
  public.pull_status(tests.team_id('A'), 0),
  jsonb_build_object('remaining', 4, 'latest',
    (select max(server_seq) from public.incident_events where team_id = tests.team_id('A'))),
  'from the start: every event of the team, and its latest server_seq'
);
select is(
  (public.pull_status(tests.team_id('A'),
    (select server_seq from public.incident_events where id = 'a0000000-0000-7000-8000-000000000002')) ->> 'remaining')::int,
  2,
  'after a cursor: only the events after it, team B''s in between not counted'
);
select is(
  (public.pull_status(tests.team_id('A'), (public.pull_events(tests.team_id('A'), 0, 2) ->> 'cursor')::bigint) ->> 'remaining')::int,
  jsonb_array_length(public.pull_events(tests.team_id('A'), (public.pull_events(tests.team_id('A'), 0, 2) ->> 'cursor')::bigint, 1000) -> 'events'),
  'the count after a pull_events cursor is what the following pages hold'
);
select is(
  public.pull_status(tests.team_id('A'), (select max(server_seq) from public.incident_events)),
  jsonb_build_object('remaining', 0, 'latest', (select max(server_seq) from public.incident_events)),
  'caught up: nothing remaining, the latest is the cursor itself'
);
select is(
  (public.pull_status(tests.team_id('A'), null) ->> 'remaining')::int,
  4,
  'a null cursor means from the start'
);
select is(
  (public.pull_status(tests.team_id('A')) ->> 'remaining')::int,
  4,
  'the cursor is optional'
);

select tests.sign_in('outsider');
select throws_ok(
  $$ select public.pull_status(tests.team_id('A'), 0) $$,
  '42501', 'Only members of a team can pull its events',
  'outsider: cannot count team A''s events'
);
select is(
  (public.pull_status(tests.team_id('B'), 0) ->> 'remaining')::int,
  1,
  'outsider: counts their own team''s events only'
);

select tests.sign_out();
select throws_ok(
  $$ select public.pull_status(tests.team_id('A'), 0) $$,
  '42501', null,
  'anon: cannot call pull_status'
);

select * from finish();
rollback;
