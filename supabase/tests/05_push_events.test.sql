-- push_events(): per-event verdicts, in input order; one bad event never
-- blocks the others; retries are idempotent; authors cannot be forged.
begin;
create extension if not exists pgtap with schema extensions;
select plan(28);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

-- The verdicts of one push, kept for the assertions below.
create temporary table verdicts (position int, id text, status text, reason text);
grant all on verdicts to public;
create function pg_temp.push(p_events jsonb) returns jsonb language plpgsql as $$
declare
  v_response jsonb := public.push_events(p_events);
begin
  delete from verdicts;
  insert into verdicts
  select r.ordinality, r.value ->> 'id', r.value ->> 'status', r.value ->> 'reason'
  from jsonb_array_elements(v_response -> 'results') with ordinality as r;
  return v_response;
end
$$;

-- ---------------------------------------------------------------------------
-- One batch from the teammate, good and bad events mixed
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');

select is(
  pg_temp.push(jsonb_build_array(
    /*  1 */ tests.event('a0000000-0000-7000-8000-000000000001', 'A', 'mate', 'declared',
               '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'),
    /*  2 */ tests.event('a0000000-0000-7000-8000-000000000002', 'B', 'mate'),
    /*  3 */ tests.event('a0000000-0000-7000-8000-000000000003', 'A', 'owner'),
    /*  4 */ tests.event('a0000000-0000-7000-8000-000000000004', 'A', 'mate') || '{"hlc": "2026-11-26T09:00:00Z"}',
    /*  5 */ tests.event('a0000000-0000-7000-8000-000000000005', 'A', 'mate', 'deleted_everything'),
    /*  6 */ tests.event('a0000000-0000-7000-8000-000000000006', 'A', 'mate') || '{"body": "just text"}',
    /*  7 */ tests.event('a0000000-0000-7000-8000-000000000007', 'A', 'mate') || jsonb_build_object('body', jsonb_build_object('text', repeat('x', 70000))),
    /*  8 */ tests.event('a0000000-0000-7000-8000-000000000008', 'A', 'mate') || '{"id": "not-a-uuid"}',
    /*  9 */ tests.event('a0000000-0000-7000-8000-000000000009', 'A', 'mate') || '{"created_at": "2026-02-30T09:00:00Z"}',
    /* 10 */ tests.event('a0000000-0000-7000-8000-000000000001', 'A', 'mate', 'declared',
               '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'),
    /* 11 */ tests.event('a0000000-0000-7000-8000-000000000011', 'A', 'mate', 'note', '{"text": "Rolled back", "format": "plain"}',
               'a0000000-0000-7000-8000-000000000001', '001764147660000-00000-node2') - 'author_id',
    /* 12 */ '"not an object"'::jsonb,
    /* 13 */ tests.event('a0000000-0000-7000-8000-000000000013', 'A', 'mate') || '{"team_id": "cccccccc-cccc-4ccc-8ccc-cccccccccccc"}'
  )) -> 'accepted',
  '3'::jsonb,
  'a mixed batch is answered, not refused: three accepted'
);

select results_eq(
  $$ select position, status from verdicts order by position $$,
  $$ values (1, 'accepted'), (2, 'rejected'), (3, 'rejected'), (4, 'rejected'), (5, 'rejected'),
            (6, 'rejected'), (7, 'rejected'), (8, 'rejected'), (9, 'rejected'), (10, 'accepted'),
            (11, 'accepted'), (12, 'rejected'), (13, 'rejected') $$,
  'one verdict per event, in input order'
);
select is((select id from verdicts where position = 8), 'not-a-uuid', 'a verdict echoes the id it was given');

select is((select reason from verdicts where position = 2), 'not a member of this team', 'wrong team: rejected');
select is((select reason from verdicts where position = 3), 'author_id is not the signed-in user', 'forged author: rejected');
select is((select reason from verdicts where position = 4), 'hlc is not a hybrid logical clock timestamp', 'bad hlc: rejected');
select is((select reason from verdicts where position = 5), 'unknown kind', 'unknown kind: rejected');
select is((select reason from verdicts where position = 6), 'body is not a JSON object', 'body that is not an object: rejected');
select is((select reason from verdicts where position = 7), 'body is larger than 64 KB', 'body over 64 KB: rejected');
select is((select reason from verdicts where position = 8), 'id is not a UUID', 'malformed id: rejected');
select is((select reason from verdicts where position = 9), 'created_at is not an ISO 8601 timestamp with an offset', 'impossible date: rejected, not an error');
select is((select reason from verdicts where position = 12), 'event is not a JSON object', 'an event that is not an object: rejected');
select is((select reason from verdicts where position = 13), 'not a member of this team', 'an unknown team looks like any other team you are not in');
select ok((select reason is null from verdicts where position = 10), 'the same event twice in one batch: both accepted');

-- What was stored
select results_eq(
  $$ select id, author_id from public.incident_events order by server_seq $$,
  $$ values ('a0000000-0000-7000-8000-000000000001'::uuid, tests.user_id('mate')),
            ('a0000000-0000-7000-8000-000000000011'::uuid, tests.user_id('mate')) $$,
  'only the two distinct good events were stored, authored by the caller'
);
select is(
  (select created_at from public.incident_events where id = 'a0000000-0000-7000-8000-000000000001'),
  '2026-11-26 09:00:00+00'::timestamptz,
  'the client''s created_at is kept; received_at is the server''s'
);

-- ---------------------------------------------------------------------------
-- Retries
-- ---------------------------------------------------------------------------
select is(
  pg_temp.push(jsonb_build_array(
    tests.event('a0000000-0000-7000-8000-000000000001', 'A', 'mate', 'declared',
      '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'),
    tests.event('a0000000-0000-7000-8000-000000000011', 'A', 'mate', 'note', '{"text": "Rolled back", "format": "plain"}',
      'a0000000-0000-7000-8000-000000000001', '001764147660000-00000-node2')
  )) -> 'accepted',
  '2'::jsonb,
  'retrying an acknowledged batch is accepted again'
);
select is(
  (select count(*)::int from public.incident_events),
  2,
  'a retry stores nothing twice'
);

select tests.sign_in('owner');
select is(
  pg_temp.push(jsonb_build_array(
    tests.event('a0000000-0000-7000-8000-000000000011', 'A', 'owner', 'note', '{"text": "Not really"}',
      'a0000000-0000-7000-8000-000000000001')
  )) #>> '{results,0,reason}',
  'id is already used by another event',
  'reusing someone else''s event id is rejected, not silently "accepted"'
);
select results_eq(
  $$ select body ->> 'text' from public.incident_events where id = 'a0000000-0000-7000-8000-000000000011' $$,
  $$ values ('Rolled back') $$,
  'the original event is untouched'
);

-- Since 20261130000000_team_authority.sql a `redacted` event counts only
-- from the target's author or the incident's lead (10_authority covers it):
-- owner is neither for mate's note in mate's incident.
select is(
  pg_temp.push(jsonb_build_array(
    tests.event('a0000000-0000-7000-8000-000000000020', 'A', 'owner', 'redacted',
      '{"eventId": "a0000000-0000-7000-8000-000000000011", "reason": "removed"}',
      'a0000000-0000-7000-8000-000000000001', '001764147670000-00000-node1')
  )) #>> '{results,0,reason}',
  'only the author of an entry or the incident''s lead can remove it',
  'a member may not push a redacted event for someone else''s entry'
);

-- ---------------------------------------------------------------------------
-- Outsider and anon
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select is(
  pg_temp.push(jsonb_build_array(
    tests.event('b0000000-0000-7000-8000-000000000001', 'A', 'outsider', 'note', '{"text": "hello"}',
      'a0000000-0000-7000-8000-000000000001'),
    tests.event('b0000000-0000-7000-8000-000000000002', 'B', 'outsider', 'declared',
      '{"title": "Ours", "severity": "minor", "leadId": "33333333-3333-4333-8333-333333333333", "leadName": "Oscar"}')
  )),
  '{"results": [
      {"id": "b0000000-0000-7000-8000-000000000001", "status": "rejected", "reason": "not a member of this team"},
      {"id": "b0000000-0000-7000-8000-000000000002", "status": "accepted", "incident_number": 1}
    ], "accepted": 1, "rejected": 1}'::jsonb,
  'outsider: cannot push into team A, and that does not block their own team''s event'
);

select tests.sign_out();
select throws_ok(
  $$ select public.push_events(jsonb_build_array(tests.event(gen_random_uuid(), 'A', 'owner'))) $$,
  '42501', null,
  'anon: cannot call push_events'
);

-- A signed-in role without a subject (a malformed token) is not a user.
select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok(
  $$ select public.push_events('[]') $$,
  '42501', 'Sign in to push events',
  'a token without a subject cannot push'
);

-- ---------------------------------------------------------------------------
-- Malformed calls are errors (nothing to answer per event)
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select throws_ok(
  $$ select public.push_events('{"id": "a0000000-0000-7000-8000-000000000099"}') $$,
  '22023', 'push_events expects a JSON array of events',
  'an object instead of an array is refused'
);
select throws_ok(
  $$ select public.push_events((select jsonb_agg(tests.event(gen_random_uuid(), 'A', 'mate')) from generate_series(1, 1001))) $$,
  '22023', 'push_events accepts at most 1000 events per call',
  'more than 1000 events per call is refused'
);
select is(
  public.push_events('[]'),
  '{"results": [], "accepted": 0, "rejected": 0}'::jsonb,
  'an empty batch is answered with no results'
);

reset role;
select is(
  (select count(*)::int from public.incident_events),
  3,
  'in the end: two events from mate and one from outsider (owner''s redaction was refused)'
);

select * from finish();
rollback;
