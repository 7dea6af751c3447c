-- teams, team_members and team_invites as the owner, a teammate, an outsider
-- and an anonymous visitor.
begin;
create extension if not exists pgtap with schema extensions;
select plan(27);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids; everything is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
create function pg_temp.user_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'owner'    then '11111111-1111-4111-8111-111111111111'
    when 'mate'     then '22222222-2222-4222-8222-222222222222'
    when 'outsider' then '33333333-3333-4333-8333-333333333333'
  end::uuid
$$;
create function pg_temp.team_id(p_name text) returns uuid language sql immutable as $$
  select case p_name
    when 'A' then 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
    when 'B' then 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
  end::uuid
$$;
-- Act as a signed-in user, the way PostgREST sets up each request.
create function pg_temp.sign_in(p_name text) returns void language sql as $$
  select set_config('role', 'authenticated', true),
         set_config('request.jwt.claims',
                    json_build_object('sub', pg_temp.user_id(p_name), 'role', 'authenticated')::text, true);
$$;
-- Act as a visitor holding only the anon key.
create function pg_temp.sign_out() returns void language sql as $$
  select set_config('role', 'anon', true),
         set_config('request.jwt.claims', '{"role": "anon"}', true);
$$;
-- RLS hides rows silently: for updates and deletes, "0 rows" is the denial.
create function pg_temp.rows_affected(p_sql text) returns integer language plpgsql as $$
declare
  v_count integer;
begin
  execute p_sql;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

insert into auth.users (id, email)
select pg_temp.user_id(n), n || '@example.test' from unnest(array['owner', 'mate', 'outsider']) as n;

insert into public.teams (id, name, created_by) values
  (pg_temp.team_id('A'), 'Team A', pg_temp.user_id('owner')),
  (pg_temp.team_id('B'), 'Team B', pg_temp.user_id('outsider'));

insert into public.team_members (team_id, user_id, display_name, role) values
  (pg_temp.team_id('A'), pg_temp.user_id('owner'), 'Olivia', 'owner'),
  (pg_temp.team_id('A'), pg_temp.user_id('mate'), 'Mateo', 'member'),
  (pg_temp.team_id('B'), pg_temp.user_id('outsider'), 'Oscar', 'owner');

insert into public.team_invites (code, team_id, created_by) values
  ('AAAAAAAAAA', pg_temp.team_id('A'), pg_temp.user_id('owner')),
  ('AAAAAAAAA2', pg_temp.team_id('A'), pg_temp.user_id('mate')),
  ('BBBBBBBBBB', pg_temp.team_id('B'), pg_temp.user_id('outsider'));

-- ---------------------------------------------------------------------------
-- Owner
-- ---------------------------------------------------------------------------
select pg_temp.sign_in('owner');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (pg_temp.team_id('A')) $$,
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
  pg_temp.rows_affected($$ delete from public.team_invites where code = 'AAAAAAAAA2' $$),
  1,
  'owner: can revoke an invite code of their team'
);
select throws_ok(
  $$ update public.teams set name = 'Renamed' where id = pg_temp.team_id('A') $$,
  '42501', null,
  'owner: cannot update the team row directly'
);

-- ---------------------------------------------------------------------------
-- Teammate
-- ---------------------------------------------------------------------------
select pg_temp.sign_in('mate');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (pg_temp.team_id('A')) $$,
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
  pg_temp.rows_affected($$ delete from public.team_invites where code = 'AAAAAAAAAA' $$),
  0,
  'teammate: cannot revoke invite codes (owners only)'
);
select throws_ok(
  $$ update public.team_members set role = 'owner' where user_id = pg_temp.user_id('mate') $$,
  '42501', null,
  'teammate: cannot promote themselves'
);
select throws_ok(
  $$ insert into public.teams (name, created_by) values ('Sneaky', pg_temp.user_id('mate')) $$,
  '42501', null,
  'teammate: cannot insert a team directly (create_team does)'
);
select throws_ok(
  $$ delete from public.team_members where user_id = pg_temp.user_id('owner') $$,
  '42501', null,
  'teammate: cannot remove a member'
);

-- ---------------------------------------------------------------------------
-- Outsider (owner of team B)
-- ---------------------------------------------------------------------------
select pg_temp.sign_in('outsider');

select results_eq(
  $$ select id from public.teams $$,
  $$ values (pg_temp.team_id('B')) $$,
  'outsider: sees their own team only'
);
select is(
  (select count(*)::int from public.teams where id = pg_temp.team_id('A')),
  0,
  'outsider: cannot read team A'
);
select is(
  (select count(*)::int from public.team_members where team_id = pg_temp.team_id('A')),
  0,
  'outsider: cannot list team A''s members'
);
select is(
  (select count(*)::int from public.team_invites where team_id = pg_temp.team_id('A')),
  0,
  'outsider: cannot read team A''s invite codes'
);
select is(
  pg_temp.rows_affected($$ delete from public.team_invites where team_id = pg_temp.team_id('A') $$),
  0,
  'outsider: cannot revoke team A''s invite codes'
);
select throws_ok(
  $$ insert into public.team_members (team_id, user_id, display_name, role)
     values (pg_temp.team_id('A'), pg_temp.user_id('outsider'), 'Oscar', 'owner') $$,
  '42501', null,
  'outsider: cannot add themselves to team A'
);
select ok(
  not public.is_team_member(pg_temp.team_id('A')),
  'outsider: is_team_member says no for team A'
);

-- ---------------------------------------------------------------------------
-- Anonymous visitor
-- ---------------------------------------------------------------------------
select pg_temp.sign_out();

select throws_ok($$ select * from public.teams $$, '42501', null, 'anon: cannot read teams');
select throws_ok($$ select * from public.team_members $$, '42501', null, 'anon: cannot read members');
select throws_ok($$ select * from public.team_invites $$, '42501', null, 'anon: cannot read invite codes');
select throws_ok(
  $$ insert into public.teams (name, created_by) values ('Anon', pg_temp.user_id('owner')) $$,
  '42501', null,
  'anon: cannot insert a team'
);
select throws_ok(
  $$ select public.is_team_member(pg_temp.team_id('A')) $$,
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
