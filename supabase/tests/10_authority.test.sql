-- Authority over the record (20261130000000_team_authority.sql): who may
-- remove an entry, one `declared` per incident, no clocks from the future,
-- no text-direction tricks, and screenshots nobody else can replace or
-- delete. Actors: owner, teammate, removed member, outsider, anon.
begin;
create extension if not exists pgtap with schema extensions;
select plan(52);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A, declared incidents I and J (so leads both at first)
--   mate      member of team A
--   gone      was in team A; an owner removed them
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
-- An HLC at T0 + p_seconds (T0 = 2025-11-26 09:00 UTC), or at the server's
-- now + p_seconds when p_from_now.
create function pg_temp.hlc(p_seconds bigint, p_from_now boolean default false) returns text language sql stable as $$
  select lpad(((case when p_from_now then (extract(epoch from now()) * 1000)::bigint else 1764147600000 end)
               + p_seconds * 1000)::text, 15, '0') || '-00000-node1'
$$;
create function pg_temp.event(p_id uuid, p_incident uuid, p_kind text, p_body jsonb, p_hlc text, p_team text default 'A')
returns jsonb language sql immutable as $$
  select jsonb_build_object('id', p_id, 'team_id', tests.team_id(p_team), 'incident_id', p_incident,
    'kind', p_kind, 'body', p_body, 'hlc', p_hlc, 'created_at', '2026-11-26T09:00:00.000Z')
$$;
-- The verdict on the first event of a push: 'accepted' or the reason.
create function pg_temp.verdict(p_events jsonb) returns text language sql as $$
  select coalesce(r ->> 'reason', r ->> 'status')
  from (select public.push_events(p_events) #> '{results,0}' as r) x
$$;
create function pg_temp.redaction(p_id uuid, p_incident uuid, p_target text, p_hlc text) returns jsonb language sql immutable as $$
  select pg_temp.event(p_id, p_incident, 'redacted',
    jsonb_strip_nulls(jsonb_build_object('eventId', p_target, 'reason', 'removed')), p_hlc)
$$;

insert into auth.users (id, email)
select tests.user_id(n), n || '@example.test' from unnest(array['owner', 'mate', 'outsider', 'gone']) as n;

insert into public.teams (id, name, created_by) values
  (tests.team_id('A'), 'Team A', tests.user_id('owner')),
  (tests.team_id('B'), 'Team B', tests.user_id('outsider'));

insert into public.team_members (team_id, user_id, display_name, role, removed_at, removal) values
  (tests.team_id('A'), tests.user_id('owner'), 'Olivia', 'owner', null, null),
  (tests.team_id('A'), tests.user_id('mate'), 'Mateo', 'member', null, null),
  (tests.team_id('A'), tests.user_id('gone'), 'Gina', 'member', now(), 'removed'),
  (tests.team_id('B'), tests.user_id('outsider'), 'Oscar', 'owner', null, null);

-- Incident I (a1…01) and J (a2…01), both declared by owner with owner as lead.
insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at) values
  ('a1000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('owner'),
   'declared', '{"title": "I", "severity": "major", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}', pg_temp.hlc(0), now()),
  ('a1000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('mate'),
   'note', '{"text": "mate note"}', pg_temp.hlc(10), now()),
  ('a1000000-0000-7000-8000-000000000003', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('owner'),
   'screenshot', '{"blobId": "s1"}', pg_temp.hlc(20), now()),
  ('a1000000-0000-7000-8000-000000000004', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('gone'),
   'note', '{"text": "written before the removal"}', pg_temp.hlc(22), now()),
  ('a1000000-0000-7000-8000-000000000005', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('owner'),
   'note', '{"text": "owner note"}', pg_temp.hlc(25), now()),
  ('a1000000-0000-7000-8000-000000000006', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('mate'),
   'screenshot', '{"blobId": "m1"}', pg_temp.hlc(26), now()),
  ('a2000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a2000000-0000-7000-8000-000000000001', tests.user_id('owner'),
   'declared', '{"title": "J", "severity": "minor", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}', pg_temp.hlc(0), now()),
  ('a2000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a2000000-0000-7000-8000-000000000001', tests.user_id('mate'),
   'note', '{"text": "mate note in J"}', pg_temp.hlc(10), now()),
  ('b1000000-0000-7000-8000-000000000001', tests.team_id('B'), 'b1000000-0000-7000-8000-000000000001', tests.user_id('outsider'),
   'declared', '{"title": "K", "severity": "minor", "leadId": "33333333-3333-4333-8333-333333333333", "leadName": "Oscar"}', pg_temp.hlc(0), now()),
  ('b1000000-0000-7000-8000-000000000002', tests.team_id('B'), 'b1000000-0000-7000-8000-000000000001', tests.user_id('outsider'),
   'note', '{"text": "team B note"}', pg_temp.hlc(10), now());
insert into public.incident_numbers (team_id, incident_id, number) values
  (tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', 1),
  (tests.team_id('A'), 'a2000000-0000-7000-8000-000000000001', 2);

-- ---------------------------------------------------------------------------
-- Redactions: the target's author or the incident's lead, same incident
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f1',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000003', pg_temp.hlc(30)))),
  'only the author of an entry or the incident''s lead can remove it',
  'teammate: a forged redaction of the owner''s screenshot is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f2',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000002', pg_temp.hlc(31)))),
  'accepted',
  'teammate: may remove their own entry'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f3',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-0000000000ee', pg_temp.hlc(32)))),
  'redaction target is not an entry of this incident',
  'a redaction of an event that does not exist is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f4',
    'a1000000-0000-7000-8000-000000000001', 'a2000000-0000-7000-8000-000000000002', pg_temp.hlc(33)))),
  'redaction target is not an entry of this incident',
  'a redaction naming an entry of another incident (even one''s own) is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f5',
    'a1000000-0000-7000-8000-000000000001', 'b1000000-0000-7000-8000-000000000002', pg_temp.hlc(34)))),
  'redaction target is not an entry of this incident',
  'a redaction naming another team''s event is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f6',
    'a1000000-0000-7000-8000-000000000001', null, pg_temp.hlc(35)))),
  'redaction target is not an entry of this incident',
  'a redaction without a target is refused'
);

select tests.sign_in('owner');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a2000000-0000-7000-8000-0000000000f1',
    'a2000000-0000-7000-8000-000000000001', 'a2000000-0000-7000-8000-000000000002', pg_temp.hlc(20)))),
  'accepted',
  'lead: may remove a teammate''s entry in the incident they lead'
);

-- The lead as of the redaction, in clock order; earlier events of the same
-- batch count.
select tests.sign_in('mate');
select is(
  public.push_events(jsonb_build_array(
    pg_temp.event('a1000000-0000-7000-8000-0000000000c1', 'a1000000-0000-7000-8000-000000000001', 'lead_changed',
      '{"leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}', pg_temp.hlc(40)),
    pg_temp.redaction('a1000000-0000-7000-8000-0000000000f7',
      'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000003', pg_temp.hlc(50))
  )) -> 'accepted',
  '2'::jsonb,
  'teammate: a handover to them and a redaction after it, in one batch, are both accepted'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f8',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000005', pg_temp.hlc(35)))),
  'only the author of an entry or the incident''s lead can remove it',
  'new lead: a redaction stamped before the handover is refused'
);
select tests.sign_in('owner');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f9',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000004', pg_temp.hlc(60)))),
  'only the author of an entry or the incident''s lead can remove it',
  'former lead: after the handover they may no longer remove others'' entries'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000fa',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000004', pg_temp.hlc(39)))),
  'accepted',
  'a redaction is judged by who led as of its own clock, as every client folds it'
);

select tests.sign_in('mate');
select is(
  public.push_events(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f7',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000003', pg_temp.hlc(50)))) -> 'accepted',
  '1'::jsonb,
  'a retried redaction is accepted again'
);
reset role;
select is(
  (select count(*)::int from public.incident_events where kind = 'redacted'),
  4,
  'stored: exactly the four accepted redactions, each once'
);

-- ---------------------------------------------------------------------------
-- One declared per incident; no clocks from the future
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000d1', 'a1000000-0000-7000-8000-000000000001',
    'declared', '{"title": "Mine now", "severity": "critical", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}',
    '000000000000001-00000-node9'))),
  'an incident has exactly one declared event, whose id is the incident id',
  'teammate: a second declared stamped in 1970 is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000001',
    'declared', '{"title": "Mine now", "severity": "critical", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}',
    '000000000000001-00000-node9'))),
  'id is already used by another event',
  'teammate: re-declaring with the incident''s own id is refused too'
);
reset role;
select results_eq(
  $$ select body ->> 'title', public.incident_lead_id(team_id, incident_id) from public.incident_events
     where id = 'a1000000-0000-7000-8000-000000000001' $$,
  $$ values ('I', tests.user_id('mate')) $$,
  'the incident keeps its title, and its lead is the accepted handover''s'
);

select tests.sign_in('mate');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000d2', 'a1000000-0000-7000-8000-000000000001',
    'lead_changed', '{"leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}', pg_temp.hlc(2 * 86400, true)))),
  'clock more than a day ahead of the server',
  'a lead change stamped two days ahead is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000d3', 'a1000000-0000-7000-8000-000000000001',
    'note', '{"text": "fast clock"}', pg_temp.hlc(86400 + 60, true)))),
  'clock more than a day ahead of the server',
  'a note stamped a day and a minute ahead is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000d4', 'a1000000-0000-7000-8000-000000000001',
    'note', '{"text": "slightly fast clock"}', pg_temp.hlc(23 * 3600, true)))),
  'accepted',
  'a note stamped 23 hours ahead is accepted (clients quarantine past a day too)'
);

-- ---------------------------------------------------------------------------
-- Text-direction controls in titles, lead names and follow-ups
-- ---------------------------------------------------------------------------
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a3000000-0000-7000-8000-000000000001', 'a3000000-0000-7000-8000-000000000001',
    'declared', jsonb_build_object('title', 'Refund ' || chr(8238) || 'gnp.exe', 'severity', 'minor',
      'leadId', tests.user_id('mate'), 'leadName', 'Mateo'), pg_temp.hlc(100)))),
  'text-direction control characters are not allowed',
  'a declared title with U+202E is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000e1', 'a1000000-0000-7000-8000-000000000001',
    'title_changed', jsonb_build_object('title', 'Fine ' || chr(8294) || 'x' || chr(8297)), pg_temp.hlc(101)))),
  'text-direction control characters are not allowed',
  'a title change with U+2066…U+2069 is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000e2', 'a1000000-0000-7000-8000-000000000001',
    'lead_changed', jsonb_build_object('leadId', tests.user_id('mate'), 'leadName', 'Mat' || chr(8234) || 'eo'), pg_temp.hlc(102)))),
  'text-direction control characters are not allowed',
  'a lead name with U+202A is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000e3', 'a1000000-0000-7000-8000-000000000001',
    'follow_up_added', jsonb_build_object('followUpId', gen_random_uuid(), 'text', 'Rotate ' || chr(8237) || 'keys'), pg_temp.hlc(103)))),
  'text-direction control characters are not allowed',
  'a follow-up with U+202D is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000e4', 'a1000000-0000-7000-8000-000000000001',
    'note', jsonb_build_object('text', 'quoting ' || chr(8238) || ' from a log'), pg_temp.hlc(104)))),
  'accepted',
  'a note may quote one (notes render as plain text, not as names or titles)'
);

-- ---------------------------------------------------------------------------
-- Former members, outsiders and anon cannot push at all
-- ---------------------------------------------------------------------------
select tests.sign_in('gone');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.event('a1000000-0000-7000-8000-0000000000e5', 'a1000000-0000-7000-8000-000000000001',
    'note', '{"text": "still here?"}', pg_temp.hlc(105)))),
  'not a member of this team',
  'removed member: a push is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000e6',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000004', pg_temp.hlc(106)))),
  'not a member of this team',
  'removed member: cannot even remove their own old entry'
);
select tests.sign_in('outsider');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000e7',
    'a1000000-0000-7000-8000-000000000001', 'a1000000-0000-7000-8000-000000000002', pg_temp.hlc(107)))),
  'not a member of this team',
  'outsider: a redaction into team A is refused'
);
select tests.sign_out();
select throws_ok(
  $$ select public.push_events('[]') $$,
  '42501', null,
  'anon: cannot call push_events'
);

-- ---------------------------------------------------------------------------
-- Storage: names, someone else's event, overwrites and deletes
-- ---------------------------------------------------------------------------
reset role;
insert into storage.objects (bucket_id, name, owner, owner_id) values
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000005.webp',
   tests.user_id('owner'), tests.user_id('owner')::text),
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000006.webp',
   tests.user_id('mate'), tests.user_id('mate')::text),
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000004.png',
   tests.user_id('gone'), tests.user_id('gone')::text),
  -- Uploaded before its event is pushed: nothing but owner_id protects it.
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000bb.webp',
   tests.user_id('owner'), tests.user_id('owner')::text);

create function pg_temp.upload(p_name text, p_owner text default 'mate') returns void language sql as $$
  insert into storage.objects (bucket_id, name, owner, owner_id)
  values ('incident-screenshots', p_name, tests.user_id(p_owner), tests.user_id(p_owner)::text)
$$;

select tests.sign_in('mate');
-- The note's author scrubs it (redacted_at set); its id may not get an image.
select public.redact_event('a1000000-0000-7000-8000-000000000002');
select lives_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000aa.jpg') $$,
  'teammate: uploads {team}/{incident}/{event}.jpg for an event not pushed yet'
);
select lives_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000006.png') $$,
  'teammate: uploads another format for their own stored screenshot event'
);
select throws_ok(
  format($$ select pg_temp.upload(%L) $$, n), '42501', null, 'teammate: a bad object name is refused: ' || n
)
from unnest(array[
  'AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ab.webp',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ab.gif',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ab.WEBP',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/x/a1000000-0000-7000-8000-0000000000ab.webp',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-0000000000ab.webp',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/evil.webp',
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ab.webp.png.webp'
]) as n;
select throws_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000003.png') $$,
  '42501', null,
  'teammate: cannot upload an image for someone else''s event'
);
select throws_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000002.png') $$,
  '42501', null,
  'teammate: cannot upload an image for an entry that was removed'
);
select throws_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ac.webp', 'owner') $$,
  '42501', null,
  'teammate: cannot upload in the owner''s name'
);
select throws_ok(
  $$ insert into storage.objects (bucket_id, name, owner, owner_id)
     values ('incident-screenshots',
             'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000bb.webp',
             tests.user_id('mate'), tests.user_id('mate')::text)
     on conflict (bucket_id, name) do update set owner_id = excluded.owner_id, metadata = '{"size": 666}' $$,
  '42501', null,
  'teammate: an upsert over the owner''s image is refused (as Storage''s x-upsert does it)'
);
select is(
  tests.rows_affected($$ update storage.objects set metadata = '{"size": 666}'
    where name like '%/a1000000-0000-7000-8000-000000000005.webp' $$),
  0,
  'teammate: cannot overwrite the owner''s image'
);
select throws_ok(
  $$ update storage.objects set name = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000006.gif'
     where name like '%/a1000000-0000-7000-8000-000000000006.webp' $$,
  '42501', null,
  'teammate: cannot rename their own upload to a bad name'
);

select set_config('storage.allow_delete_query', 'true', true);
select is(
  tests.rows_affected($$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-000000000005.webp' $$),
  0,
  'teammate: cannot delete the owner''s image'
);
select is(
  tests.rows_affected($$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-0000000000aa.jpg' $$),
  1,
  'teammate: deletes their own upload'
);
select tests.sign_in('owner');
select is(
  tests.rows_affected($$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-000000000006.webp' $$),
  0,
  'owner: cannot delete a teammate''s image through Storage'
);

select tests.sign_in('gone');
select is(
  (select count(*)::int from storage.objects where bucket_id = 'incident-screenshots'),
  0,
  'removed member: sees no image, not even their own'
);
select throws_ok(
  $$ select pg_temp.upload('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ad.webp', 'gone') $$,
  '42501', null,
  'removed member: cannot upload'
);
select is(
  tests.rows_affected($$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-000000000004.png' $$),
  0,
  'removed member: cannot delete their own old upload'
);
select tests.sign_in('outsider');
select is(
  (select count(*)::int from storage.objects where name like 'aaaaaaaa-%'),
  0,
  'outsider: sees none of team A''s images'
);
select tests.sign_out();
select is(
  (select count(*)::int from storage.objects),
  0,
  'anon: sees no image'
);

reset role;
select results_eq(
  $$ select split_part(name, '/', 3), owner_id, metadata from storage.objects order by 1 $$,
  $$ values ('a1000000-0000-7000-8000-000000000004.png', tests.user_id('gone')::text, null::jsonb),
            ('a1000000-0000-7000-8000-000000000005.webp', tests.user_id('owner')::text, null::jsonb),
            ('a1000000-0000-7000-8000-000000000006.png', tests.user_id('mate')::text, null::jsonb),
            ('a1000000-0000-7000-8000-000000000006.webp', tests.user_id('mate')::text, null::jsonb),
            ('a1000000-0000-7000-8000-0000000000bb.webp', tests.user_id('owner')::text, null::jsonb) $$,
  'in the end: every image is its uploader''s, untouched'
);

select * from finish();
rollback;
