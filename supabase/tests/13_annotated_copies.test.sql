-- Annotated copies (20261201000000_annotated_copies.sql): the author of the
-- screenshot a copy annotates may remove the copy, through push_events and
-- redact_event alike; nobody else gains a say. Actors: the incident's lead,
-- the original's author, the annotator, a bystander in the team, outsider, anon.
begin;
create extension if not exists pgtap with schema extensions;
select plan(16);

-- ---------------------------------------------------------------------------
-- Cast (helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner  declares incident I and leads it      mate  took screenshot S in I
--   pat    annotated S (copy C)                    gone  a current member here, none of those
--   outsider  owns team B
-- ---------------------------------------------------------------------------
select tests.create_cast();
insert into auth.users (id, email) values
  (tests.user_id('pat'), 'pat@example.test'),
  (tests.user_id('gone'), 'gone@example.test');
insert into public.team_members (team_id, user_id, display_name, role) values
  (tests.team_id('A'), tests.user_id('pat'), 'Pat', 'member'),
  (tests.team_id('A'), tests.user_id('gone'), 'Gina', 'member');

-- Event ids: I = a1…00, S = a1…51, C = a1…c1, N = mate's note a1…b1,
-- K = pat's "copy" of the note a1…c2; J = a2…00 with mate's screenshot a2…51,
-- and F = pat's "copy" in I of that screenshot in J, a1…c3.
create function pg_temp.shot(p_id uuid, p_author text, p_incident uuid, p_annotates uuid, p_hlc text) returns jsonb language sql immutable as $$
  select tests.event(p_id, 'A', p_author, 'screenshot',
    jsonb_strip_nulls(jsonb_build_object('blobId', p_id, 'mimeType', 'image/webp', 'annotatesEventId', p_annotates)),
    p_incident, p_hlc)
$$;
create function pg_temp.redaction(p_id uuid, p_author text, p_target uuid, p_hlc text) returns jsonb language sql immutable as $$
  select tests.event(p_id, 'A', p_author, 'redacted', jsonb_build_object('eventId', p_target, 'reason', 'removed'),
    'a1000000-0000-7000-8000-000000000000', p_hlc)
$$;
-- The verdict on the first event of a push: 'accepted' or the reason.
create function pg_temp.verdict(p_events jsonb) returns text language sql as $$
  select coalesce(r ->> 'reason', r ->> 'status')
  from (select public.push_events(p_events) #> '{results,0}' as r) x
$$;

select tests.sign_in('owner');
select public.push_events(jsonb_build_array(
  tests.event('a1000000-0000-7000-8000-000000000000', 'A', 'owner', 'declared',
    '{"title": "I", "severity": "major", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    null, '001764147600000-00000-node1'),
  tests.event('a2000000-0000-7000-8000-000000000000', 'A', 'owner', 'declared',
    '{"title": "J", "severity": "minor", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    null, '001764147600000-00000-node1')
));
select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  pg_temp.shot('a1000000-0000-7000-8000-000000000051', 'mate', 'a1000000-0000-7000-8000-000000000000', null, '001764147610000-00000-node2'),
  tests.event('a1000000-0000-7000-8000-0000000000b1', 'A', 'mate', 'note', '{"text": "mate''s note"}',
    'a1000000-0000-7000-8000-000000000000', '001764147611000-00000-node2'),
  pg_temp.shot('a2000000-0000-7000-8000-000000000051', 'mate', 'a2000000-0000-7000-8000-000000000000', null, '001764147612000-00000-node2')
));
select tests.sign_in('pat');
select is(
  public.push_events(jsonb_build_array(
    pg_temp.shot('a1000000-0000-7000-8000-0000000000c1', 'pat', 'a1000000-0000-7000-8000-000000000000',
      'a1000000-0000-7000-8000-000000000051', '001764147620000-00000-node3'),
    pg_temp.shot('a1000000-0000-7000-8000-0000000000c2', 'pat', 'a1000000-0000-7000-8000-000000000000',
      'a1000000-0000-7000-8000-0000000000b1', '001764147621000-00000-node3'),
    pg_temp.shot('a1000000-0000-7000-8000-0000000000c3', 'pat', 'a1000000-0000-7000-8000-000000000000',
      'a2000000-0000-7000-8000-000000000051', '001764147622000-00000-node3')
  )) -> 'accepted',
  '3'::jsonb,
  'teammate: may annotate someone else''s screenshot (a new screenshot event of their own)'
);

-- Pat's images in Storage, as the upload left them.
reset role;
insert into storage.objects (bucket_id, name, owner_id) values
  ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000c1.webp', tests.user_id('pat')::text),
  ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000c3.webp', tests.user_id('pat')::text);

-- ---------------------------------------------------------------------------
-- push_events: who may push a redaction of an annotated copy
-- ---------------------------------------------------------------------------
select tests.sign_in('gone');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f1', 'gone',
    'a1000000-0000-7000-8000-0000000000c1', '001764147630000-00000-node4'))),
  'only the author of an entry or the incident''s lead can remove it',
  'bystander: neither author of the copy nor of the original nor lead, refused'
);
select tests.sign_in('mate');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f2', 'mate',
    'a1000000-0000-7000-8000-0000000000c2', '001764147631000-00000-node2'))),
  'only the author of an entry or the incident''s lead can remove it',
  'a "copy" that names a note lends the note''s author no say'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f3', 'mate',
    'a1000000-0000-7000-8000-0000000000c3', '001764147632000-00000-node2'))),
  'only the author of an entry or the incident''s lead can remove it',
  'a "copy" that names a screenshot of another incident lends its author no say'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f4', 'mate',
    'a1000000-0000-7000-8000-0000000000c1', '001764147633000-00000-node2'))),
  'accepted',
  'original''s author: may remove the annotated copy of their screenshot'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f5', 'mate',
    'a1000000-0000-7000-8000-000000000051', '001764147634000-00000-node2'))),
  'accepted',
  'original''s author: may remove the original, as before'
);
select tests.sign_in('pat');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f6', 'pat',
    'a1000000-0000-7000-8000-000000000051', '001764147635000-00000-node3'))),
  'only the author of an entry or the incident''s lead can remove it',
  'annotator: may not remove the original they annotated'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.redaction('a1000000-0000-7000-8000-0000000000f7', 'pat',
    'a1000000-0000-7000-8000-0000000000c1', '001764147636000-00000-node3'))),
  'accepted',
  'annotator: may remove their own copy, as before'
);

-- ---------------------------------------------------------------------------
-- redact_event (and the Storage delete it does): the same people
-- ---------------------------------------------------------------------------
select tests.sign_in('gone');
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000c1') $$,
  '42501', 'Only the author of an event or the lead of its incident can redact it',
  'bystander: cannot scrub the annotated copy'
);
select tests.sign_in('mate');
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000c3') $$,
  '42501', 'Only the author of an event or the lead of its incident can redact it',
  'the author of a screenshot in another incident cannot scrub a "copy" that names it'
);
select ok(not public.can_redact_event('a1000000-0000-7000-8000-0000000000c2'), 'nor can a note''s author scrub a "copy" of the note');
select lives_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000c1') $$,
  'original''s author: scrubs the annotated copy'
);
select is(
  (select body from public.incident_events where id = 'a1000000-0000-7000-8000-0000000000c1'),
  '{}'::jsonb,
  'the copy''s body is emptied'
);
reset role;
select results_eq(
  $$ select name from storage.objects where bucket_id = 'incident-screenshots' order by name $$,
  $$ values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000000/a1000000-0000-7000-8000-0000000000c3.webp') $$,
  'the copy''s image (uploaded by the annotator) is deleted; the other stays'
);

-- ---------------------------------------------------------------------------
-- Outsider and anon
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select throws_ok(
  $$ select public.redact_event('a1000000-0000-7000-8000-0000000000c3') $$,
  'P0002', 'Event not found',
  'outsider: cannot scrub team A''s copy, nor learn it exists'
);
select tests.sign_out();
select throws_ok(
  $$ select public.annotated_author('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'a1000000-0000-7000-8000-000000000000', 'a1000000-0000-7000-8000-0000000000c3') $$,
  '42501', null,
  'anon: annotated_author() is internal'
);

select * from finish();
rollback;
