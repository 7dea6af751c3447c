-- Team lifecycle (20261130000000_team_authority.sql): removing, leaving,
-- rejoining, handing over ownership, deleting an account, display names and
-- invite codes. Actors: owner, teammate, second teammate, outsider, anon; the
-- teammate becomes the removed member.
begin;
create extension if not exists pgtap with schema extensions;
select plan(64);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A              mate, pat   members of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
-- What a member row says now, read past RLS.
create function pg_temp.membership(p_name text) returns text language sql stable as $$
  select coalesce(m.role || '/' || coalesce(m.removal, 'current'), 'none')
  from (select 1) one
  left join public.team_members m on m.team_id = tests.team_id('A') and m.user_id = tests.user_id(p_name)
$$;

insert into auth.users (id, email)
select tests.user_id(n), n || '@example.test' from unnest(array['owner', 'mate', 'outsider', 'pat']) as n;

insert into public.teams (id, name, created_by) values
  (tests.team_id('A'), 'Team A', tests.user_id('owner')),
  (tests.team_id('B'), 'Team B', tests.user_id('outsider'));

insert into public.team_members (team_id, user_id, display_name, role, joined_at) values
  (tests.team_id('A'), tests.user_id('owner'), 'Olivia', 'owner', now() - interval '3 days'),
  (tests.team_id('A'), tests.user_id('mate'), 'Mateo', 'member', now() - interval '2 days'),
  (tests.team_id('A'), tests.user_id('pat'), 'Pat', 'member', now() - interval '1 day'),
  (tests.team_id('B'), tests.user_id('outsider'), 'Oscar', 'owner', now());

-- An invite code from before anyone is removed; mate's past work.
insert into public.team_invites (code, team_id, created_by, created_at) values
  ('ELDERCD222', tests.team_id('A'), tests.user_id('owner'), now() - interval '1 hour');
insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at) values
  ('a1000000-0000-7000-8000-000000000001', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('mate'),
   'declared', '{"title": "Mateo''s incident", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}',
   '001764147600000-00000-node1', now()),
  ('a1000000-0000-7000-8000-000000000002', tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', tests.user_id('mate'),
   'note', '{"text": "Rolled back"}', '001764147610000-00000-node1', now());
insert into public.incident_numbers (team_id, incident_id, number) values
  (tests.team_id('A'), 'a1000000-0000-7000-8000-000000000001', 1);
insert into storage.objects (bucket_id, name, owner, owner_id) values
  ('incident-screenshots',
   'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/a1000000-0000-7000-8000-000000000001/a1000000-0000-7000-8000-000000000003.webp',
   tests.user_id('mate'), tests.user_id('mate')::text);

-- ---------------------------------------------------------------------------
-- remove_member: owners only, never themselves
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('pat')) $$,
  '42501', 'Only owners of a team can remove members', 'teammate: cannot remove a member');
select tests.sign_in('outsider');
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('mate')) $$,
  '42501', 'Only owners of a team can remove members', 'outsider: cannot remove a member');
select tests.sign_out();
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('mate')) $$,
  '42501', null, 'anon: cannot call remove_member');

select tests.sign_in('owner');
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('owner')) $$,
  '22023', 'You cannot remove yourself; use leave_team to leave the team', 'owner: cannot remove themselves');
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('outsider')) $$,
  'P0002', 'This person is not a member of the team', 'owner: removing someone who never joined says so');
select lives_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('mate')) $$,
  'owner: removes the teammate');
select lives_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('mate')) $$,
  'owner: removing them again changes nothing');
reset role;
select results_eq(
  $$ select role, removal, removed_at is not null from public.team_members
     where team_id = tests.team_id('A') and user_id = tests.user_id('mate') $$,
  $$ values ('member', 'removed', true) $$,
  'the removed member''s row stays, marked removed'
);

-- ---------------------------------------------------------------------------
-- The removed member's access ends at once, on every table and the bucket
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  array[
    (select count(*)::int from public.teams),
    (select count(*)::int from public.team_members),
    (select count(*)::int from public.team_invites),
    (select count(*)::int from public.incident_events),
    (select count(*)::int from public.incident_numbers),
    (select count(*)::int from storage.objects)
  ],
  array[0, 0, 0, 0, 0, 0],
  'removed member: RLS shows no team, member, code, event, number or image'
);
select throws_ok($$ select public.pull_events(tests.team_id('A'), 0) $$,
  '42501', 'Only members of a team can pull its events', 'removed member: pull_events refuses them');
select is(
  public.push_events(jsonb_build_array(jsonb_build_object(
    'id', 'a1000000-0000-7000-8000-000000000009', 'team_id', tests.team_id('A'),
    'incident_id', 'a1000000-0000-7000-8000-000000000001', 'kind', 'note', 'body', '{"text": "hi"}'::jsonb,
    'hlc', '001764147620000-00000-node1', 'created_at', '2026-11-26T09:00:00Z'))) #>> '{results,0,reason}',
  'not a member of this team',
  'removed member: push_events rejects their events'
);
select throws_ok($$ select public.redact_event('a1000000-0000-7000-8000-000000000002') $$,
  'P0002', 'Event not found', 'removed member: cannot scrub even their own old event');
select is((select count(*)::int from public.my_teams()), 0, 'removed member: my_teams no longer lists the team');
select is((select count(*)::int from public.list_team_members(tests.team_id('A'))), 0,
  'removed member: list_team_members answers nothing');
select throws_ok($$ select public.team_invite_code(tests.team_id('A')) $$,
  '42501', null, 'removed member: gets no invite code');
select throws_ok($$ select public.leave_team(tests.team_id('B')) $$,
  '42501', 'Only members of a team can leave it', 'someone never in a team: cannot leave it');

-- What they wrote stays under their name.
select tests.sign_in('owner');
select results_eq(
  $$ select author_id, body ->> 'text' from public.incident_events where id = 'a1000000-0000-7000-8000-000000000002' $$,
  $$ values (tests.user_id('mate'), 'Rolled back') $$,
  'owner: the removed member''s events stay, with their author'
);
select results_eq(
  $$ select display_name, former from public.list_team_members(tests.team_id('A')) $$,
  $$ values ('Olivia', false), ('Pat', false), ('Mateo', true) $$,
  'owner: list_team_members shows current members first, then the removed one as former'
);
select is((select count(*)::int from storage.objects), 1, 'owner: the removed member''s image is still there');

-- ---------------------------------------------------------------------------
-- Rejoining: removed needs a newer code; someone who left may use any
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(public.join_team('ELDERCD222'), null, 'removed member: a code from before the removal does not let them back');
reset role;
select is(pg_temp.membership('mate'), 'member/removed', 'removed member: still removed');
select tests.sign_in('owner');
select set_config('test.new_code', public.create_invite(tests.team_id('A')), true);
reset role;
-- One transaction has one now(): move the new code a second past the removal.
update public.team_invites set created_at = now() + interval '1 second' where code = current_setting('test.new_code');
select tests.sign_in('mate');
select is(public.join_team(current_setting('test.new_code')), tests.team_id('A'),
  'removed member: a code created after the removal lets them back');
reset role;
select results_eq(
  $$ select role, removal, display_name from public.team_members where team_id = tests.team_id('A') and user_id = tests.user_id('mate') $$,
  $$ values ('member', null::text, 'Mateo') $$,
  'the same row is current again, under their old name'
);

select tests.sign_in('pat');
select lives_ok($$ select public.leave_team(tests.team_id('A')) $$, 'teammate: leaves the team');
select lives_ok($$ select public.leave_team(tests.team_id('A')) $$, 'teammate: leaving again changes nothing');
reset role;
select is(pg_temp.membership('pat'), 'member/left', 'the row says they left');
select tests.sign_in('pat');
select is((select count(*)::int from public.incident_events), 0, 'someone who left: sees no events');
select is(public.join_team('elde-rcd-222', 'Pat'), tests.team_id('A'), 'someone who left: rejoins with any live code');
reset role;
select is(pg_temp.membership('pat'), 'member/current', 'their row is current again');

-- ---------------------------------------------------------------------------
-- leave_team and transfer_ownership
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select throws_ok($$ select public.leave_team(tests.team_id('A')) $$,
  'P0001', 'Transfer ownership to another member before you leave', 'sole owner: cannot leave');
select throws_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('outsider')) $$,
  '22023', 'The new owner must be a current member of the team', 'owner: cannot hand the team to an outsider');
select tests.sign_in('mate');
select throws_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('mate')) $$,
  '42501', 'Only owners of a team can transfer ownership', 'teammate: cannot take ownership');
select tests.sign_in('outsider');
select throws_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('outsider')) $$,
  '42501', 'Only owners of a team can transfer ownership', 'outsider: cannot take ownership');
select tests.sign_out();
select throws_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('mate')) $$,
  '42501', null, 'anon: cannot call transfer_ownership');
select throws_ok($$ select public.leave_team(tests.team_id('A')) $$,
  '42501', null, 'anon: cannot call leave_team');

select tests.sign_in('owner');
select lives_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('mate')) $$,
  'owner: hands ownership to the teammate');
reset role;
select is(array[pg_temp.membership('owner'), pg_temp.membership('mate')], array['member/current', 'owner/current'],
  'the teammate is the owner now, the former owner a member');
select tests.sign_in('owner');
select throws_ok($$ select public.remove_member(tests.team_id('A'), tests.user_id('pat')) $$,
  '42501', 'Only owners of a team can remove members', 'former owner: can no longer remove members');
select lives_ok($$ select public.leave_team(tests.team_id('A')) $$, 'former owner: may now leave');
select tests.sign_in('mate');
select throws_ok($$ select public.leave_team(tests.team_id('A')) $$,
  'P0001', 'Transfer ownership to another member before you leave', 'new sole owner: cannot leave either');
select throws_ok($$ select public.transfer_ownership(tests.team_id('A'), tests.user_id('owner')) $$,
  '22023', 'The new owner must be a current member of the team', 'owner: cannot hand the team to someone who left');

-- ---------------------------------------------------------------------------
-- Display names: unique among current members; no direction controls
-- ---------------------------------------------------------------------------
reset role;
delete from public.join_attempts;
select tests.sign_in('outsider');
select throws_ok($$ select public.join_team('ELDERCD222', '  pat ') $$,
  '23505', 'Someone in this team already goes by "pat"', 'a name a current member uses (any case, any spaces) is refused');
select throws_ok($$ select public.join_team('ELDERCD222', 'Os' || chr(8238) || 'car') $$,
  '22023', 'A display name cannot contain text-direction control characters', 'a display name with U+202E is refused');
select is(public.join_team('ELDERCD222', 'Olivia'), tests.team_id('A'),
  'the name of someone who left is free again');
select throws_ok($$ select public.create_team('Pay' || chr(8294) || 'ments') $$,
  '22023', 'A team name cannot contain text-direction control characters', 'a team name with U+2066 is refused');
reset role;
select throws_ok(
  $$ insert into public.team_members (team_id, user_id, display_name) values (tests.team_id('A'), gen_random_uuid(), 'PAT') $$,
  '23505', null, 'the unique index backs the check up even for direct writes'
);

-- ---------------------------------------------------------------------------
-- Invite codes: owners list, revoke and mint (10 live at most); members read
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select results_eq(
  $$ select code from public.list_team_invites(tests.team_id('A')) $$,
  $$ values (current_setting('test.new_code')), ('ELDERCD222') $$,
  'owner: list_team_invites gives the live codes, newest first'
);
select tests.sign_in('pat');
select throws_ok($$ select * from public.list_team_invites(tests.team_id('A')) $$,
  '42501', 'Only owners of a team can list its invite codes', 'teammate: cannot list invite codes');
select is(public.team_invite_code(tests.team_id('A')), current_setting('test.new_code'),
  'teammate: team_invite_code gives the newest live code');
select throws_ok($$ select public.revoke_invite('ELDERCD222') $$,
  '42501', 'Only owners of a team can revoke its invite codes', 'teammate: cannot revoke a code');
select throws_ok($$ select public.create_invite(tests.team_id('A')) $$,
  '42501', 'Only owners of a team can create invite codes', 'teammate: cannot mint a code');
select tests.sign_in('owner');
select lives_ok($$ select public.revoke_invite('ELDERCD222') $$, 'someone who left (the old owner): revoking a code of that team does nothing…');
reset role;
select ok(exists (select 1 from public.team_invites where code = 'ELDERCD222'), '…and the code still exists');
select tests.sign_out();
select throws_ok($$ select public.revoke_invite('ELDERCD222') $$, '42501', null, 'anon: cannot call revoke_invite');

select tests.sign_in('mate');
select lives_ok($$ select public.revoke_invite(' elde-rcd 222 ') $$, 'owner: revokes a code typed loosely');
select lives_ok($$ select public.revoke_invite('ELDERCD222') $$, 'owner: revoking it again does nothing');
reset role;
select ok(not exists (select 1 from public.team_invites where code = 'ELDERCD222'), 'the revoked code is gone');

select tests.sign_in('mate');
select is(
  (select count(distinct public.create_invite(tests.team_id('A')))::int from generate_series(1, 9)),
  9,
  'owner: mints up to 10 live codes'
);
select throws_ok($$ select public.create_invite(tests.team_id('A')) $$,
  'P0001', 'A team can have at most 10 live invite codes. Revoke one first.', 'owner: an 11th live code is refused');
select is(public.team_invite_code(tests.team_id('A')) is not null, true,
  'owner: team_invite_code still answers at the limit');

-- ---------------------------------------------------------------------------
-- Deleting an account keeps their events, and shows them as former
-- ---------------------------------------------------------------------------
reset role;
-- As the dashboard's "Delete user" does through GoTrue; postgres holds the
-- same DELETE privilege on auth.users.
select lives_ok($$ delete from auth.users where id in (tests.user_id('mate'), tests.user_id('owner')) $$,
  'deleting the accounts of the team''s owner (an author) and of its creator succeeds');
select results_eq(
  $$ select count(*)::int from public.incident_events where author_id = tests.user_id('mate') $$,
  $$ values (2) $$,
  'their events stay'
);
select tests.sign_in('pat');
select results_eq(
  $$ select display_name, former from public.list_team_members(tests.team_id('A')) where display_name in ('Mateo', 'Pat') $$,
  $$ values ('Pat', false), ('Mateo', true) $$,
  'teammate: the deleted account shows as a former member, under its name'
);
select is((select count(*)::int from public.incident_events), 2, 'teammate: still reads the deleted account''s events');

select * from finish();
rollback;
