-- redact_event(): the author or the incident's current lead scrubs an event
-- and its screenshot; teammates who are neither, outsiders and anon cannot.
begin;
create extension if not exists pgtap with schema extensions;
select plan(20);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

-- Incident I (a1…000): declared by owner, who then hands the lead to mate
-- (…c2). A stale lead_changed back to owner (…c1) arrives last but is older
-- by hlc, so mate stays lead. Incident J (a2…000): declared and led by owner.
--   a1…a1  owner's screenshot in I      a1…b1, a1…b3  mate's notes in I
--   a1…b2  owner's note in I            a2…b1         mate's note in J
select tests.sign_in('owner');
select public.push_events(jsonb_build_array(
  tests.event('a1000000-0000-7000-8000-000000000000', 'A', 'owner', 'declared',
    '{"title": "I", "severity": "major", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    null, '001764147600000-00000-node1'),
  tests.event('a1000000-0000-7000-8000-0000000000c2', 'A', 'owner', 'lead_changed',
    '{"leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}',
    'a1000000-0000-7000-8000-000000000000', '001764147620000-00000-node1'),
  tests.event('a1000000-0000-7000-8000-0000000000a1', 'A', 'owner', 'screenshot',
    '{"blobId": "a1000000-0000-7000-8000-0000000000f1", "mimeType": "image/webp", "thumbnail": "data:image/webp;base64,AAAA"}',
    'a1000000-0000-7000-8000-000000000000', '001764147630000-00000-node1'),
  tests.event('a1000000-0000-7000-8000-0000000000b2', 'A', 'owner', 'note', '{"text": "owner''s note"}',
    'a1000000-0000-7000-8000-000000000000', '001764147640000-00000-node1'),
  tests.event('a2000000-0000-7000-8000-000000000000', 'A', 'owner', 'declared',
    '{"title": "J", "severity": "minor", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    null, '001764147600000-00000-node1')
));
select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  tests.event('a1000000-0000-7000-8000-0000000000b1', 'A', 'mate', 'note', '{"text": "mate''s note"}',
    'a1000000-0000-7000-8000-000000000000', '001764147650000-00000-node2'),
  tests.event('a1000000-0000-7000-8000-0000000000b3', 'A', 'mate', 'note', '{"text": "mate''s other note"}',
    'a1000000-0000-7000-8000-000000000000', '001764147660000-00000-node2'),
  tests.event('a2000000-0000-7000-8000-0000000000b1', 'A', 'mate', 'note', '{"text": "mate''s note in J"}',
    'a2000000-0000-7000-8000-000000000000', '001764147650000-00000-node2')
));
select tests.sign_in('owner');
select public.push_events(jsonb_build_array(
  tests.event('a1000000-0000-7000-8000-0000000000c1', 'A', 'owner', 'lead_changed',
    '{"leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    'a1000000-0000-7000-8000-000000000000', '001764147610000-00000-node1')
));

-- The screenshot's image as the Storage API stored it (in two formats, say a
-- re-encode), a neighbour that must survive, and team B's own image.
reset role;
insert into storage.objects (bucket_id, name, owner_id) values
  ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000a1.webp', tests.user_id('owner')::text),
  ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000a1.png', tests.user_id('owner')::text),
  ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000b2.webp', tests.user_id('owner')::text),
  ('incident-screenshots', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000a1.webp', tests.user_id('outsider')::text);

-- ---------------------------------------------------------------------------
-- The author
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b1') $$,
  'author: can redact their own note'
);
select results_eq(
  $$ select body, redacted_at is not null from public.incident_events where id = 'a1000000-0000-7000-8000-0000000000b1' $$,
  $$ values ('{}'::jsonb, true) $$,
  'author: the body is emptied and the event is marked redacted'
);
-- now() is fixed within this test's transaction, so backdate the first
-- redaction to tell it apart from a second one.
reset role;
update public.incident_events set redacted_at = '2026-11-26 09:30:00+00'
where id = 'a1000000-0000-7000-8000-0000000000b1';
select tests.sign_in('mate');
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b1') $$,
  'redacting again is harmless'
);
select is(
  (select redacted_at from public.incident_events where id = 'a1000000-0000-7000-8000-0000000000b1'),
  '2026-11-26 09:30:00+00'::timestamptz,
  'redacting again keeps the first redaction time'
);

-- ---------------------------------------------------------------------------
-- The incident's lead (mate: the latest lead_changed by hlc, not by arrival)
-- ---------------------------------------------------------------------------
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000a1') $$,
  'lead: can redact a teammate''s screenshot in the incident they lead'
);
select is(
  (select body from public.incident_events where id = 'a1000000-0000-7000-8000-0000000000a1'),
  '{}'::jsonb,
  'lead: the screenshot event''s body, thumbnail included, is gone'
);
reset role;
select results_eq(
  $$ select name from storage.objects where bucket_id = 'incident-screenshots' order by name $$,
  $$ values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000b2.webp'),
            ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000a1.webp') $$,
  'lead: every stored format of that screenshot is deleted, and nothing else'
);
select is(
  coalesce(nullif(current_setting('storage.allow_delete_query', true), ''), 'unset'),
  'unset',
  'the Storage delete flag does not outlive redact_event'
);

-- ---------------------------------------------------------------------------
-- Members who are neither author nor lead
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b3') $$,
  '42501', 'Only the author of an event or the lead of its incident can redact it',
  'owner of the team, but no longer lead of I: cannot redact a teammate''s note there'
);
select tests.sign_in('mate');
select throws_ok(
  $$ select public.redact_event('a2000000-0000-7000-8000-000000000000') $$,
  '42501', 'Only the author of an event or the lead of its incident can redact it',
  'lead of I is not lead of J: cannot redact J''s declared event'
);
select tests.sign_in('owner');
select lives_ok(
  $$ select public.redact_event('a2000000-0000-7000-8000-0000000000b1') $$,
  'lead of J: can redact a teammate''s note in J'
);

-- Redacted lead changes no longer count: once owner scrubs the handover to
-- mate, the stale lead_changed back to owner is the latest live one.
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000c2') $$,
  'author: can redact their own lead_changed event'
);
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b3') $$,
  'owner is lead of I again and can now redact the teammate''s note'
);

-- ---------------------------------------------------------------------------
-- Outsider and anon
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b2') $$,
  'P0002', 'Event not found',
  'outsider: cannot redact team A''s event, nor learn that it exists'
);
select throws_ok(
  $$ select public.redact_event('ffffffff-0000-7000-8000-000000000000') $$,
  'P0002', 'Event not found',
  'an unknown event answers the same'
);

select tests.sign_out();
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000b2') $$,
  '42501', null,
  'anon: cannot call redact_event'
);

-- ---------------------------------------------------------------------------
-- What teammates pull afterwards
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  jsonb_path_query_array(public.pull_events(tests.team_id('A'), 0, 100),
    '$.events[*] ? (@.redacted_at != null).id'),
  '["a1000000-0000-7000-8000-0000000000c2", "a1000000-0000-7000-8000-0000000000a1",
    "a1000000-0000-7000-8000-0000000000b1", "a1000000-0000-7000-8000-0000000000b3",
    "a2000000-0000-7000-8000-0000000000b1"]'::jsonb,
  'pulls show exactly the redacted events as redacted'
);
select is(
  jsonb_path_query_array(public.pull_events(tests.team_id('A'), 0, 100),
    '$.events[*] ? (@.redacted_at != null).body'),
  '[{}, {}, {}, {}, {}]'::jsonb,
  'and every redacted event comes with an empty body'
);
select results_eq(
  $$ select body ->> 'text' from public.incident_events where id = 'a1000000-0000-7000-8000-0000000000b2' $$,
  $$ values ('owner''s note') $$,
  'events nobody redacted are untouched'
);

reset role;
select is(
  (select count(*)::int from public.incident_events where redacted_at is not null),
  5,
  'five redactions in all, none from the refused calls'
);

select * from finish();
rollback;
