-- The incident-screenshots bucket as the owner, a teammate, an outsider and an
-- anonymous visitor. Objects live at {team_id}/{incident_id}/{event_id}.{ext}.
begin;
create extension if not exists pgtap with schema extensions;
select plan(23);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

-- Team A has two incidents: I is led by mate (a lead_changed after the
-- declare), J by owner. owner posted one screenshot in each.
insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at) values
  ('a1000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'declared',
   '{"title": "I", "severity": "major", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
   '001764147600000-00000-node1', now()),
  ('a1000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'lead_changed',
   '{"leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}',
   '001764147610000-00000-node1', now()),
  ('a1000000-0000-7000-8000-000000000003', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'screenshot', '{"blobId": "x"}', '001764147620000-00000-node1', now()),
  ('a2000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a2000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'declared',
   '{"title": "J", "severity": "minor", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
   '001764147600000-00000-node1', now()),
  ('a2000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a2000000-0000-7000-8000-000000000001',
   tests.user_id('owner'), 'screenshot', '{"blobId": "y"}', '001764147620000-00000-node1', now());

-- Rows as the Storage API writes them on upload (owner_id = the JWT's sub).
insert into storage.objects (bucket_id, name, owner, owner_id) values
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000003.webp',
   tests.user_id('owner'), tests.user_id('owner')::text),
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a2000000-0000-7000-8000-000000000001/a2000000-0000-7000-8000-000000000002.webp',
   tests.user_id('owner'), tests.user_id('owner')::text),
  ('incident-screenshots',
   'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/b1000000-0000-7000-8000-000000000001/b1000000-0000-7000-8000-000000000002.png',
   tests.user_id('outsider'), tests.user_id('outsider')::text),
  -- Not in a team folder at all: policies must deny it, not fail on the uuid cast.
  ('incident-screenshots', 'notes/readme.png', null, null);

-- ---------------------------------------------------------------------------
-- Reading
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select is(
  (select count(*)::int from storage.objects where bucket_id = 'incident-screenshots'),
  2,
  'owner: sees both of team A''s screenshots and nothing else'
);

select tests.sign_in('mate');
select is(
  (select count(*)::int from storage.objects where bucket_id = 'incident-screenshots'),
  2,
  'teammate: sees team A''s screenshots, including ones they did not upload'
);

select tests.sign_in('outsider');
select results_eq(
  $$ select split_part(name, '/', 1) from storage.objects where bucket_id = 'incident-screenshots' $$,
  $$ values ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb') $$,
  'outsider: sees only their own team''s folder'
);

select tests.sign_out();
select is(
  (select count(*)::int from storage.objects),
  0,
  'anon: sees no object at all'
);

-- ---------------------------------------------------------------------------
-- Uploading
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select lives_ok(
  $$ insert into storage.objects (bucket_id, name, owner, owner_id)
     values ('incident-screenshots',
             'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-0000000000ff.webp',
             tests.user_id('mate'), tests.user_id('mate')::text) $$,
  'teammate: can upload into their team''s folder'
);
select throws_ok(
  $$ insert into storage.objects (bucket_id, name, owner_id)
     values ('incident-screenshots', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/x/y.webp', tests.user_id('mate')::text) $$,
  '42501', null,
  'teammate: cannot upload into another team''s folder'
);
select throws_ok(
  $$ insert into storage.objects (bucket_id, name, owner_id)
     values ('incident-screenshots', 'notes/evil.png', tests.user_id('mate')::text) $$,
  '42501', null,
  'teammate: a folder that is not a team id is denied (not a cast error)'
);

select tests.sign_in('outsider');
select throws_ok(
  $$ insert into storage.objects (bucket_id, name, owner_id)
     values ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/x/evil.webp', tests.user_id('outsider')::text) $$,
  '42501', null,
  'outsider: cannot upload into team A''s folder'
);

select tests.sign_out();
select throws_ok(
  $$ insert into storage.objects (bucket_id, name)
     values ('incident-screenshots', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/x/anon.webp') $$,
  '42501', null,
  'anon: cannot upload'
);

-- ---------------------------------------------------------------------------
-- Replacing (upsert): only the uploader, and never out of the team's folder
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  tests.rows_affected($$
    update storage.objects set metadata = '{"size": 1}'
    where name like 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a2000000-%' $$),
  0,
  'teammate: cannot overwrite a screenshot someone else uploaded'
);
select throws_ok(
  $$ update storage.objects
     set name = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/moved.webp'
     where name like '%/a1000000-0000-7000-8000-0000000000ff.webp' $$,
  '42501', null,
  'teammate: cannot move their upload into another team''s folder'
);

select tests.sign_in('owner');
select is(
  tests.rows_affected($$
    update storage.objects set metadata = '{"size": 1}'
    where name like 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a2000000-%' $$),
  1,
  'owner: can overwrite their own upload'
);

select tests.sign_in('outsider');
select is(
  tests.rows_affected($$ update storage.objects set metadata = '{}' where name like 'aaaaaaaa-%' $$),
  0,
  'outsider: cannot overwrite team A''s screenshots'
);

-- ---------------------------------------------------------------------------
-- Deleting. Like hosted Supabase, plain SQL deletes are refused unless the
-- Storage API's flag is set; with it set, the delete policy decides.
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select throws_ok(
  $$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-0000000000ff.webp' $$,
  '42501', 'Direct deletion from storage tables is not allowed. Use the Storage API instead.',
  'a plain SQL delete is refused, as on hosted Supabase'
);

select set_config('storage.allow_delete_query', 'true', true);

select tests.sign_in('outsider');
select is(
  tests.rows_affected($$ delete from storage.objects where name like 'aaaaaaaa-%' $$),
  0,
  'outsider: cannot delete team A''s screenshots'
);

select tests.sign_out();
select is(
  tests.rows_affected($$ delete from storage.objects $$),
  0,
  'anon: cannot delete anything'
);

select tests.sign_in('mate');
select is(
  tests.rows_affected($$
    delete from storage.objects where name like 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a2000000-%' $$),
  0,
  'teammate: cannot delete a screenshot they neither took nor lead the incident of'
);
-- Since 20261130000000_team_authority.sql only the uploader deletes through
-- Storage; a lead removes someone else's image through redact_event().
select is(
  tests.rows_affected($$
    delete from storage.objects
    where name = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000003.webp' $$),
  0,
  'incident lead: cannot delete a teammate''s screenshot through Storage (redact_event does it)'
);
select is(
  tests.rows_affected($$ delete from storage.objects where name like '%/a1000000-0000-7000-8000-0000000000ff.webp' $$),
  1,
  'uploader: can delete their own upload even without an event'
);
select is(
  tests.rows_affected($$ delete from storage.objects where name = 'notes/readme.png' $$),
  0,
  'teammate: cannot delete a stray object outside any team folder'
);

select tests.sign_in('owner');
select is(
  tests.rows_affected($$
    delete from storage.objects where name like 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a2000000-%' $$),
  1,
  'author: can delete the screenshot of their own event'
);

-- ---------------------------------------------------------------------------
-- What is left
-- ---------------------------------------------------------------------------
reset role;
select results_eq(
  $$ select name from storage.objects where bucket_id = 'incident-screenshots' order by name $$,
  $$ values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000003.webp'),
            ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb/b1000000-0000-7000-8000-000000000001/b1000000-0000-7000-8000-000000000002.png'),
            ('notes/readme.png') $$,
  'only the permitted deletes happened'
);
select results_eq(
  $$ select metadata from storage.objects where name like 'bbbbbbbb-%' $$,
  $$ values (null::jsonb) $$,
  'team B''s object was never modified'
);

select * from finish();
rollback;
