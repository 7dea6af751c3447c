-- Abuse bounds (20261130000000_team_authority.sql): failed invite codes per
-- hour, and events and bytes pushed per minute. Over a bound the answer is
-- SQLSTATE PT429, which PostgREST sends as HTTP 429.
begin;
create extension if not exists pgtap with schema extensions;
select plan(22);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A; guesses codes
-- ---------------------------------------------------------------------------
-- p_count `note` events for team p_team, with bodies padded to
-- p_pad characters.
create function pg_temp.events(p_count integer, p_team text default 'A', p_pad integer default 0) returns jsonb language sql volatile as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', gen_random_uuid(), 'team_id', tests.team_id(p_team), 'incident_id', 'a1000000-0000-7000-8000-000000000001',
    'kind', 'note', 'body', jsonb_build_object('text', repeat('x', p_pad)),
    'hlc', '001764147600000-00000-node1', 'created_at', '2026-11-26T09:00:00Z')), '[]')
  from generate_series(1, p_count)
$$;

select tests.create_cast();
insert into public.team_invites (code, team_id, created_by) values
  ('REALCDE222', tests.team_id('A'), tests.user_id('owner'))
on conflict do nothing;

-- ---------------------------------------------------------------------------
-- join_team: 10 failed codes an hour
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select is(
  (select count(*)::int from generate_series(1, 10) g where public.join_team('GUESS' || lpad(g::text, 5, 'A')) is null),
  10,
  'outsider: ten wrong guesses each answer null'
);
reset role;
select is(
  (select count(*)::int from public.join_attempts where user_id = tests.user_id('outsider')),
  10,
  'each failed guess is recorded'
);
select tests.sign_in('outsider');
select throws_ok($$ select public.join_team('GUESSAAAAA') $$,
  'PT429', 'Too many invalid invite codes. Try again in an hour.', 'outsider: the 11th guess within the hour is refused with PT429');
select throws_ok($$ select public.join_team('REALCDE222') $$,
  'PT429', 'Too many invalid invite codes. Try again in an hour.', 'outsider: even a valid code is refused while over the limit (no oracle)');
reset role;
select ok(not exists (select 1 from public.team_members where user_id = tests.user_id('outsider') and team_id = tests.team_id('A')),
  'the outsider did not get in');

select tests.sign_in('mate');
select is(public.join_team('GUESSBBBBB'), null, 'the limit is per person: a teammate''s guess is still answered');

reset role;
update public.join_attempts set attempted_at = now() - interval '61 minutes' where user_id = tests.user_id('outsider');
select tests.sign_in('outsider');
select is(public.join_team('GUESSCCCCC'), null, 'an hour later the outsider may guess again');
reset role;
select is(
  (select count(*)::int from public.join_attempts where user_id = tests.user_id('outsider')),
  1,
  'attempts older than an hour are pruned'
);

select tests.sign_out();
select throws_ok($$ select public.join_team('GUESSDDDDD') $$, '42501', null, 'anon: cannot call join_team at all');

-- ---------------------------------------------------------------------------
-- push_events: 20,000 events and 20 MB a minute per person
-- ---------------------------------------------------------------------------
-- Rejected events count too (the limit is on what is sent): outsider's
-- events for team A are all refused, so 20 full calls cost no inserts.
select tests.sign_in('outsider');
select is(
  (select sum((public.push_events(pg_temp.events(1000)) ->> 'rejected')::int)::int from generate_series(1, 20)),
  20000,
  'outsider: 20 calls of 1,000 events within the minute are answered'
);
select throws_ok($$ select public.push_events(pg_temp.events(1)) $$,
  'PT429', 'Too many events: at most 20,000 events and 20 MB a minute', 'outsider: event 20,001 within the minute is refused with PT429');
select throws_ok($$ select public.push_events(pg_temp.events(1, 'B')) $$,
  'PT429', 'Too many events: at most 20,000 events and 20 MB a minute', 'outsider: the limit covers every team, including their own');

select tests.sign_in('mate');
select is((public.push_events(pg_temp.events(3)) ->> 'accepted')::int, 3, 'the limit is per person: a teammate still pushes');

reset role;
select results_eq(
  $$ select user_id, round(events_left)::int from public.push_allowance order by user_id $$,
  $$ values (tests.user_id('mate'), 19997), (tests.user_id('outsider'), 0) $$,
  'each person has their own allowance; refused calls did not drive it below zero'
);
-- Half a minute later, half the allowance is back.
update public.push_allowance set refilled_at = refilled_at - interval '30 seconds' where user_id = tests.user_id('outsider');
select tests.sign_in('outsider');
select is((public.push_events(pg_temp.events(1000, 'B')) ->> 'accepted')::int, 1000, 'outsider: 30 seconds later, 1,000 more are answered');
reset role;
select ok(
  (select events_left between 8999 and 9001 from public.push_allowance where user_id = tests.user_id('outsider')),
  'the allowance refills at 20,000 a minute (10,000 back after 30 s, 1,000 spent)'
);

-- Bytes: 20 MB a minute, counted on the events' JSON text.
update public.push_allowance set events_left = 20000, bytes_left = 20000000, refilled_at = now() where user_id = tests.user_id('outsider');
select tests.sign_in('outsider');
select is(
  (public.push_events(pg_temp.events(300, 'B', 60000)) ->> 'accepted')::int,
  300,
  'outsider: 300 events of 60 KB (18 MB) are answered'
);
select throws_ok($$ select public.push_events(pg_temp.events(40, 'B', 60000)) $$,
  'PT429', 'Too many events: at most 20,000 events and 20 MB a minute', 'outsider: 2.4 MB more within the minute is refused with PT429');
select lives_ok($$ select public.push_events(pg_temp.events(10, 'B', 100)) $$, 'outsider: a small push still fits');
reset role;
select ok(
  (select bytes_left < 2000000 and bytes_left > 0 from public.push_allowance where user_id = tests.user_id('outsider')),
  'bytes are counted per call'
);

-- Nobody can read or change the bookkeeping directly.
select tests.sign_in('outsider');
select throws_ok($$ update public.push_allowance set events_left = 1e9 $$, '42501', null, 'a client cannot refill their own allowance');
select throws_ok($$ delete from public.join_attempts $$, '42501', null, 'a client cannot erase their failed attempts');

select * from finish();
rollback;
