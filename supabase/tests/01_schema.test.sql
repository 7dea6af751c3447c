-- The shape of the security model: RLS everywhere, policies only for
-- authenticated, no way for clients to rewrite the log, functions locked down.
begin;
create extension if not exists pgtap with schema extensions;
select plan(23);

-- ---------------------------------------------------------------------------
-- RLS is on for every table clients can reach
-- ---------------------------------------------------------------------------
select ok(
  (select relrowsecurity from pg_class where oid = format('public.%I', t)::regclass),
  format('RLS is enabled on public.%s', t)
)
from unnest(array['teams', 'team_members', 'team_invites', 'incident_events', 'incident_numbers']) as t;

select ok(
  (select relrowsecurity from pg_class where oid = 'storage.objects'::regclass),
  'RLS is enabled on storage.objects'
);

-- ---------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------
select is(
  array(
    select format('%s.%s', tablename, policyname)
    from pg_policies
    where (
        (schemaname = 'public' and tablename in ('teams', 'team_members', 'team_invites', 'incident_events', 'incident_numbers'))
        or (schemaname = 'storage' and tablename = 'objects'
            and coalesce(qual, '') || coalesce(with_check, '') like '%incident-screenshots%')
      )
      and roles <> '{authenticated}'::name[]
  ),
  '{}'::text[],
  'every policy on team data and the screenshot bucket is for authenticated only'
);

select policies_are(
  'public', 'incident_events',
  array[
    'Team members can read their team''s events',
    'Team members can add events to their team as themselves'
  ],
  'incident_events has a read policy and an insert backstop, and nothing else'
);

select is(
  (select count(*)::int from pg_policies
   where schemaname = 'public' and tablename = 'incident_events' and cmd in ('UPDATE', 'DELETE', 'ALL')),
  0,
  'no policy lets anyone update or delete an event'
);

select policies_are(
  'storage', 'objects',
  array[
    'Team members can view their team''s screenshots',
    'Team members can upload screenshots of their own events',
    'Uploaders still in the team can replace their screenshots',
    'Uploaders still in the team can delete their screenshots'
  ],
  'storage.objects has one policy per operation for the screenshot bucket'
);

-- ---------------------------------------------------------------------------
-- Table privileges: narrower than Supabase's defaults
-- ---------------------------------------------------------------------------
select is(
  array(
    select t from unnest(array['teams', 'team_members', 'team_invites', 'incident_events', 'incident_numbers']) as t
    where has_table_privilege('anon', format('public.%I', t), 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
  ),
  '{}'::text[],
  'anon holds no privilege on any team table'
);

select ok(
  not has_table_privilege('authenticated', 'public.incident_events', 'INSERT, UPDATE, DELETE, TRUNCATE'),
  'authenticated cannot insert, update, delete or truncate events directly'
);

select ok(
  has_table_privilege('authenticated', 'public.incident_events', 'SELECT'),
  'authenticated can select events (RLS decides which; Realtime needs it)'
);

select is(
  array(
    select t from unnest(array['teams', 'team_members', 'incident_numbers']) as t
    where has_table_privilege('authenticated', format('public.%I', t), 'INSERT, UPDATE, DELETE, TRUNCATE')
  ),
  '{}'::text[],
  'teams, members and numbers are written only through functions'
);

-- ---------------------------------------------------------------------------
-- Functions
-- ---------------------------------------------------------------------------
select is(
  array(
    select p.proname::text
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and p.prokind = 'f'
      and not coalesce(p.proconfig @> array['search_path=""'], false)
    order by 1
  ),
  '{}'::text[],
  'every public function pins search_path to empty'
);

select is(
  array(
    select p.proname::text
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and p.prokind = 'f'
      and has_function_privilege('anon', p.oid, 'EXECUTE')
    order by 1
  ),
  '{}'::text[],
  'anon can execute no public function'
);

select is_definer('public', 'push_events', array['jsonb'], 'push_events is security definer (clients cannot insert)');
select is_definer('public', 'redact_event', array['uuid'], 'redact_event is security definer (clients cannot update)');
select is_definer('public', 'is_team_member', array['uuid'], 'is_team_member is security definer (no policy recursion)');
select isnt_definer('public', 'pull_events', array['uuid', 'bigint', 'integer'], 'pull_events runs as the caller, under RLS');

select is(
  array(
    select p.proname::text
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and p.proname in ('incident_lead_id', 'member_display_name', 'incident_event_rejection', 'try_timestamptz',
                        -- 20261130000000_team_authority.sql
                        'incident_lead_as_of', 'redaction_rejection', 'team_display_name', 'lock_team_membership')
      and has_function_privilege('authenticated', p.oid, 'EXECUTE')
  ),
  '{}'::text[],
  'internal helpers are not callable by clients'
);

-- ---------------------------------------------------------------------------
-- Storage and Realtime
-- ---------------------------------------------------------------------------
select results_eq(
  $$ select public from storage.buckets where id = 'incident-screenshots' $$,
  $$ values (false) $$,
  'the incident-screenshots bucket exists and is private'
);

select ok(
  exists (
    select 1 from pg_publication_tables
    where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'incident_events'
  ),
  'incident_events is published to Realtime'
);

select * from finish();
rollback;
