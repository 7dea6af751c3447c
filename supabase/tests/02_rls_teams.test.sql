-- teams, team_members and team_invites as the owner, a teammate, an outsider
-- and an anonymous visitor.
begin;
create extension if not exists pgtap with schema extensions;
select plan(27);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

insert into public.team_invites (code, team_id, created_by) values
  ('AAAAAAAAAA', tests.team_id('A'), tests.user_id('owner')),
  ('AAAAAAAAA2', tests.team_id('A'), tests.user_id('mate')),
  ('BBBBBBBBBB', tests.team_id('B'), tests.user_id('outsider'));

-- ---------------------------------------------------------------------------
-- Owner
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (tests.team_id('A')) $$,
  'owner: reads their own team and no other'
);
select results_eq(
  $$ select display_name from public.team_members order by display_name $$,
  $$ values ('Mateo'), ('Olivia') $$,
  'owner: lists the members of their team'
);
select results_eq(
  $$ select code from public.team_invites order by code $$,
  $$ values ('AAAAAAAAA2'), ('AAAAAAAAAA') $$,
  'owner: reads their team''s invite codes'
);
select is(
  tests.rows_affected($$ delete from public.team_invites where code = 'AAAAAAAAA2' $$),
  1,
  'owner: can revoke an invite code of their team'
);
select throws_ok(
  $$ update public.teams set name = 'Renamed' where id = tests.team_id('A') $$,
  '42501', null,
  'owner: cannot update the team row directly'
);

-- ---------------------------------------------------------------------------
-- Teammate
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (tests.team_id('A')) $$,
  'teammate: reads their team'
);
select is(
  (select count(*)::int from public.team_members),
  2,
  'teammate: lists the members of their team'
);
select results_eq(
  $$ select code from public.team_invites $$,
  $$ values ('AAAAAAAAAA') $$,
  'teammate: reads their team''s invite codes'
);
select is(
  tests.rows_affected($$ delete from public.team_invites where code = 'AAAAAAAAAA' $$),
  0,
  'teammate: cannot revoke invite codes (owners only)'
);
select throws_ok(
  $$ update public.team_members set role = 'owner' where user_id = tests.user_id('mate') $$,
  '42501', null,
  'teammate: cannot promote themselves'
);
select throws_ok(
  $$ insert into public.teams (name, created_by) values ('Sneaky', tests.user_id('mate')) $$,
  '42501', null,
  'teammate: cannot insert a team directly (create_team does)'
);
select throws_ok(
  $$ delete from public.team_members where user_id = tests.user_id('owner') $$,
  '42501', null,
  'teammate: cannot remove a member'
);

-- ---------------------------------------------------------------------------
-- Outsider (owner of team B)
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (tests.team_id('B')) $$,
  'outsider: sees their own team only'
);
select is(
  (select count(*)::int from public.teams where id = tests.team_id('A')),
  0,
  'outsider: cannot read team A'
);
select is(
  (select count(*)::int from public.team_members where team_id = tests.team_id('A')),
  0,
  'outsider: cannot list team A''s members'
);
select is(
  (select count(*)::int from public.team_invites where team_id = tests.team_id('A')),
  0,
  'outsider: cannot read team A''s invite codes'
);
select is(
  tests.rows_affected($$ delete from public.team_invites where team_id = tests.team_id('A') $$),
  0,
  'outsider: cannot revoke team A''s invite codes'
);
select throws_ok(
  $$ insert into public.team_members (team_id, user_id, display_name, role)
     values (tests.team_id('A'), tests.user_id('outsider'), 'Oscar', 'owner') $$,
  '42501', null,
  'outsider: cannot add themselves to team A'
);
select ok(
  not public.is_team_member(tests.team_id('A')),
  'outsider: is_team_member says no for team A'
);

-- ---------------------------------------------------------------------------
-- Anonymous visitor
-- ---------------------------------------------------------------------------
select tests.sign_out();

select throws_ok($$ select * from public.teams $$, '42501', null, 'anon: cannot read teams');
select throws_ok($$ select * from public.team_members $$, '42501', null, 'anon: cannot read members');
select throws_ok($$ select * from public.team_invites $$, '42501', null, 'anon: cannot read invite codes');
select throws_ok(
  $$ insert into public.teams (name, created_by) values ('Anon', tests.user_id('owner')) $$,
  '42501', null,
  'anon: cannot insert a team'
);
select throws_ok(
  $$ select public.is_team_member(tests.team_id('A')) $$,
  '42501', null,
  'anon: cannot call is_team_member'
);

-- ---------------------------------------------------------------------------
-- Nothing above changed what the superuser sees (except the one revoke)
-- ---------------------------------------------------------------------------
reset role;

select is((select count(*)::int from public.teams), 2, 'both teams are intact');
select is((select count(*)::int from public.team_members), 3, 'all memberships are intact');
select results_eq(
  $$ select code from public.team_invites order by code $$,
  $$ values ('AAAAAAAAAA'), ('BBBBBBBBBB') $$,
  'only the owner''s revoke removed an invite code'
);

select * from finish();
rollback;
