-- create_team(), join_team(), create_invite() and team_invite_code(): who
-- may create, join and invite, and how a bad code fails.
begin;
create extension if not exists pgtap with schema extensions;
select plan(31);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------

insert into auth.users (id, email, raw_user_meta_data) values
  (tests.user_id('owner'), 'olivia@example.test', '{}'),
  (tests.user_id('mate'), 'mateo@example.test', '{"full_name": "Mateo Ruiz"}'),
  (tests.user_id('outsider'), 'oscar@example.test', '{}');

-- The team under test, remembered across role switches.
create function pg_temp.team() returns uuid language sql stable as $$
  select current_setting('test.team')::uuid
$$;

-- ---------------------------------------------------------------------------
-- create_team
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select set_config('test.team', public.create_team('  Payments  ', 'Olivia')::text, true);

select results_eq(
  $$ select name, created_by from public.teams where id = pg_temp.team() $$,
  $$ values ('Payments', tests.user_id('owner')) $$,
  'create_team: the team exists, named without surrounding spaces, created by the caller'
);
select results_eq(
  $$ select user_id, display_name, role from public.team_members where team_id = pg_temp.team() $$,
  $$ values (tests.user_id('owner'), 'Olivia', 'owner') $$,
  'create_team: the caller is the team''s only member, as owner'
);
select ok(
  (select count(*) = 1
      and bool_and(code ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$')
      and bool_and(expires_at between now() + interval '13 days' and now() + interval '15 days')
   from public.team_invites where team_id = pg_temp.team()),
  'create_team: one invite code, readable by the owner, valid for 14 days'
);
select is(
  public.team_invite_code(pg_temp.team()),
  (select code from public.team_invites where team_id = pg_temp.team()),
  'team_invite_code: returns the code create_team issued'
);
select is(
  public.team_invite_code(pg_temp.team()),
  public.team_invite_code(pg_temp.team()),
  'team_invite_code: asking again does not mint a new code'
);
select throws_ok($$ select public.create_team('   ') $$, '22023', 'A team name must be 1 to 100 characters', 'create_team: a blank name is refused');
select throws_ok($$ select public.create_team(null) $$, '22023', 'A team name must be 1 to 100 characters', 'create_team: a missing name is refused');
select throws_ok($$ select public.create_team(repeat('x', 101)) $$, '22023', 'A team name must be 1 to 100 characters', 'create_team: a 101-character name is refused');
select throws_ok(
  $$ select public.create_team('Fine', repeat('x', 101)) $$,
  '22023', 'A display name must be at most 100 characters',
  'create_team: an overlong display name is refused'
);

-- ---------------------------------------------------------------------------
-- join_team
-- ---------------------------------------------------------------------------
reset role;
create temporary table shared_code as
  select code from public.team_invites where team_id = pg_temp.team();
grant select on shared_code to public;

select tests.sign_in('mate');
select is(
  public.join_team((select lower(substr(code, 1, 5) || '-' || substr(code, 6)) || ' ' from shared_code)),
  pg_temp.team(),
  'join_team: a code typed in lower case with a dash and a space joins the team'
);
select results_eq(
  $$ select display_name, role from public.team_members where team_id = pg_temp.team() and user_id = tests.user_id('mate') $$,
  $$ values ('Mateo Ruiz', 'member') $$,
  'join_team: joins as a member, named from their profile when no name is given'
);
select is(
  public.join_team((select code from shared_code), 'Someone Else'),
  pg_temp.team(),
  'join_team: joining again returns the same team'
);
select results_eq(
  $$ select count(*)::int, min(display_name) from public.team_members where user_id = tests.user_id('mate') $$,
  $$ values (1, 'Mateo Ruiz') $$,
  'join_team: joining again changes nothing'
);
select is(
  (select count(*)::int from public.teams where id = pg_temp.team()),
  1,
  'join_team: the new member can now read the team'
);

-- Since 20261130000000_team_authority.sql an invalid code returns null
-- (a raise would roll back the failed-attempt count, 12_abuse_bounds).
select tests.sign_in('outsider');
select is(
  public.join_team('NOPE-NOPE-N'),
  null,
  'join_team: an unknown code joins nothing and answers null'
);
select is(
  public.join_team(null),
  null,
  'join_team: no code answers the same way'
);

reset role;
update public.team_invites set expires_at = now() - interval '1 second' where team_id = pg_temp.team();
select tests.sign_in('outsider');
select is(
  public.join_team((select code from shared_code)),
  null,
  'join_team: an expired code answers the same way'
);
reset role;
select ok(
  not exists (select 1 from public.team_members where user_id = tests.user_id('outsider')),
  'join_team: failed joins leave the outsider outside'
);

-- Owners mint; members never do (20261130000000_team_authority.sql).
select tests.sign_in('mate');
select is(
  public.team_invite_code(pg_temp.team()),
  null,
  'team_invite_code: once the code has expired, a teammate gets none (only owners mint)'
);
select tests.sign_in('owner');
select isnt(
  public.team_invite_code(pg_temp.team()),
  (select code from shared_code),
  'team_invite_code: once the code has expired, the owner gets a fresh one'
);
select tests.sign_in('outsider');
select throws_ok(
  $$ select public.team_invite_code(pg_temp.team()) $$,
  '42501', 'Only members of a team can invite people to it',
  'team_invite_code: an outsider cannot get a team''s code'
);

-- ---------------------------------------------------------------------------
-- create_invite and revoking
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');
select set_config('test.code', public.create_invite(pg_temp.team()), true);
select ok(
  current_setting('test.code') ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$'
    and exists (select 1 from public.team_invites where code = current_setting('test.code')),
  'create_invite: the owner can issue a new code, and read it'
);
-- At most 10 live codes per team (11_lifecycle): expire each batch so 50
-- codes can be drawn.
create function pg_temp.draw_code() returns text language plpgsql as $$
begin
  update public.team_invites set expires_at = now() - interval '1 second'
  where team_id = pg_temp.team() and code <> current_setting('test.code') and expires_at > now();
  return public.create_invite(pg_temp.team());
end
$$;
reset role; -- still signed in as the owner (the claims stay); postgres expires the drawn codes
select ok(
  (select count(distinct pg_temp.draw_code()) = 50 from generate_series(1, 50)),
  'create_invite: codes do not repeat'
);

select tests.sign_in('mate');
select throws_ok(
  $$ select public.create_invite(pg_temp.team()) $$,
  '42501', 'Only owners of a team can create invite codes',
  'create_invite: a teammate cannot issue codes (owners only)'
);

select tests.sign_in('outsider');
select throws_ok(
  $$ select public.create_invite(pg_temp.team()) $$,
  '42501', 'Only owners of a team can create invite codes',
  'create_invite: an outsider cannot invite themselves in'
);

select tests.sign_in('owner');
delete from public.team_invites where code = current_setting('test.code');
select tests.sign_in('outsider');
select is(
  public.join_team(current_setting('test.code')),
  null,
  'a revoked code no longer works'
);

-- ---------------------------------------------------------------------------
-- Anonymous visitor
-- ---------------------------------------------------------------------------
select tests.sign_out();
select throws_ok($$ select public.create_team('Anon team') $$, '42501', null, 'anon: cannot call create_team');
select throws_ok($$ select public.join_team('AAAAAAAAAA') $$, '42501', null, 'anon: cannot call join_team');
select throws_ok($$ select public.create_invite(pg_temp.team()) $$, '42501', null, 'anon: cannot call create_invite');
select throws_ok($$ select public.team_invite_code(pg_temp.team()) $$, '42501', null, 'anon: cannot call team_invite_code');

-- A token without a subject is not a user either.
select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok($$ select public.create_team('Ghost team') $$, '42501', 'Sign in to create a team', 'no subject: cannot create a team');

select * from finish();
rollback;
