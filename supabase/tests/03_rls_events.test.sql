-- incident_events and incident_numbers as the owner, a teammate, an outsider
-- and an anonymous visitor: members read, nobody writes directly.
begin;
create extension if not exists pgtap with schema extensions;
select plan(24);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

-- Events written the way push_events() would have stored them.
insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at) values
  ('a0000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'declared',
   '{"title": "Checkout down", "severity": "major", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
   '001764147600000-00000-node1', '2026-11-26T09:00:00Z'),
  ('a0000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
   tests.user_id('mate'), 'note', '{"text": "Rolled back", "format": "plain"}',
   '001764147660000-00000-node2', '2026-11-26T09:01:00Z'),
  ('b0000000-0000-7000-8000-000000000001', tests.team_id('B'), 'b0000000-0000-7000-8000-000000000001',
   tests.user_id('outsider'), 'declared',
   '{"title": "Team B incident", "severity": "minor", "leadId": "33333333-3333-4333-8333-333333333333", "leadName": "Oscar"}',
   '001764147600000-00000-node3', '2026-11-26T09:00:00Z');

insert into public.incident_numbers (team_id, incident_id, number) values
  (tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001', 1),
  (tests.team_id('B'), 'b0000000-0000-7000-8000-000000000001', 1);

-- ---------------------------------------------------------------------------
-- Owner and teammate read their team's log, and only that
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');

select results_eq(
  $$ select id from public.incident_events order by server_seq $$,
  $$ values ('a0000000-0000-7000-8000-000000000001'::uuid), ('a0000000-0000-7000-8000-000000000002'::uuid) $$,
  'owner: reads every event of their team and none of team B'
);
select throws_ok(
  $$ update public.incident_events set body = '{}' where id = 'a0000000-0000-7000-8000-000000000002' $$,
  '42501', null,
  'owner: cannot update an event, not even a teammate''s'
);

select tests.sign_in('mate');

select results_eq(
  $$ select id from public.incident_events order by server_seq $$,
  $$ values ('a0000000-0000-7000-8000-000000000001'::uuid), ('a0000000-0000-7000-8000-000000000002'::uuid) $$,
  'teammate: reads every event of their team'
);
select results_eq(
  $$ select number from public.incident_numbers $$,
  $$ values (1) $$,
  'teammate: reads their team''s incident numbers'
);
select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, kind, body, hlc, created_at)
     values ('a0000000-0000-7000-8000-000000000003', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
             'note', '{"text": "direct"}', '001764147700000-00000-node2', now()) $$,
  '42501', null,
  'teammate: cannot insert an event directly (push_events is the only way in)'
);
select throws_ok(
  $$ update public.incident_events set body = '{}' where id = 'a0000000-0000-7000-8000-000000000002' $$,
  '42501', null,
  'teammate: cannot update their own event'
);
select throws_ok(
  $$ delete from public.incident_events where id = 'a0000000-0000-7000-8000-000000000002' $$,
  '42501', null,
  'teammate: cannot delete their own event'
);
select throws_ok(
  $$ truncate public.incident_events $$,
  '42501', null,
  'teammate: cannot truncate the log'
);
select throws_ok(
  $$ insert into public.incident_numbers (team_id, incident_id, number)
     values (tests.team_id('A'), 'a0000000-0000-7000-8000-000000000002', 2) $$,
  '42501', null,
  'teammate: cannot hand out incident numbers'
);

-- ---------------------------------------------------------------------------
-- Outsider
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');

select is(
  (select count(*)::int from public.incident_events where team_id = tests.team_id('A')),
  0,
  'outsider: reads none of team A''s events'
);
select results_eq(
  $$ select id from public.incident_events $$,
  $$ values ('b0000000-0000-7000-8000-000000000001'::uuid) $$,
  'outsider: reads their own team''s events'
);
select is(
  (select count(*)::int from public.incident_numbers where team_id = tests.team_id('A')),
  0,
  'outsider: reads none of team A''s incident numbers'
);
select throws_ok(
  $$ delete from public.incident_events where team_id = tests.team_id('A') $$,
  '42501', null,
  'outsider: cannot delete team A''s events'
);

-- ---------------------------------------------------------------------------
-- Anonymous visitor
-- ---------------------------------------------------------------------------
select tests.sign_out();

select throws_ok($$ select * from public.incident_events $$, '42501', null, 'anon: cannot read events');
select throws_ok($$ select * from public.incident_numbers $$, '42501', null, 'anon: cannot read incident numbers');
select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
     values (gen_random_uuid(), tests.team_id('A'), gen_random_uuid(), tests.user_id('owner'),
             'note', '{}', '001764147700000-00000-anon', now()) $$,
  '42501', null,
  'anon: cannot insert events'
);

-- ---------------------------------------------------------------------------
-- The insert policy is a backstop: grant insert (as a careless future
-- migration might) and authors still cannot be forged nor teams crossed.
-- ---------------------------------------------------------------------------
reset role;
grant insert on public.incident_events to authenticated;
select tests.sign_in('mate');

select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
     values ('a0000000-0000-7000-8000-000000000010', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
             tests.user_id('owner'), 'note', '{"text": "forged"}', '001764147700000-00000-node2', now()) $$,
  '42501', 'new row violates row-level security policy for table "incident_events"',
  'backstop: a teammate cannot insert an event authored by someone else'
);
select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, kind, body, hlc, created_at)
     values ('b0000000-0000-7000-8000-000000000010', tests.team_id('B'), 'b0000000-0000-7000-8000-000000000001',
             'note', '{"text": "crossing"}', '001764147700000-00000-node2', now()) $$,
  '42501', 'new row violates row-level security policy for table "incident_events"',
  'backstop: a teammate cannot insert into another team'
);
select lives_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, kind, body, hlc, created_at)
     values ('a0000000-0000-7000-8000-000000000011', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
             'note', '{"text": "mine"}', '001764147700000-00000-node2', now()) $$,
  'backstop: a member inserting into their team as themselves passes the policy'
);
select is(
  (select author_id from public.incident_events where id = 'a0000000-0000-7000-8000-000000000011'),
  tests.user_id('mate'),
  'backstop: author_id defaults to the caller'
);
select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, kind, body, hlc, created_at)
     values ('a0000000-0000-7000-8000-000000000012', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
             'nonsense', '{}', '001764147700000-00000-node2', now()) $$,
  '23514', null,
  'backstop: the table itself refuses an unknown kind'
);
select throws_ok(
  $$ insert into public.incident_events (id, team_id, incident_id, kind, body, hlc, created_at)
     values ('a0000000-0000-7000-8000-000000000013', tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001',
             'note', '{}', 'yesterday', now()) $$,
  '23514', null,
  'backstop: the table itself refuses a malformed hlc'
);

reset role;
select is(
  (select count(*)::int from public.incident_events),
  4,
  'only the backstop''s legitimate insert was added'
);
select results_eq(
  $$ select body ->> 'text' from public.incident_events where id = 'a0000000-0000-7000-8000-000000000002' $$,
  $$ values ('Rolled back') $$,
  'no update reached the stored event'
);

select * from finish();
rollback;
