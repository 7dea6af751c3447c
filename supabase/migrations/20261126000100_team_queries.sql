-- =============================================================================
-- Team queries the extension calls as RPCs.
--
-- The extension talks to the project only through RPCs and Storage (that is
-- the whole surface the test suite's Supabase stand-in reproduces), so reading
-- "my teams" and "who is in my team" are functions too. Both run as the caller
-- (security invoker): row-level security on teams and team_members decides
-- what they return, exactly as a direct select would.
-- =============================================================================

create function public.my_teams()
returns table (team_id uuid, name text, role text, joined_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select t.id, t.name, m.role, m.joined_at
  from public.team_members m
  join public.teams t on t.id = m.team_id
  where m.user_id = (select auth.uid())
  order by m.joined_at, t.id
$$;
comment on function public.my_teams() is 'The teams the signed-in user belongs to, oldest membership first.';

create function public.list_team_members(p_team_id uuid)
returns table (user_id uuid, display_name text, role text, joined_at timestamptz)
language sql
stable
security invoker
set search_path = ''
as $$
  select m.user_id, m.display_name, m.role, m.joined_at
  from public.team_members m
  where m.team_id = p_team_id
  order by m.role = 'owner' desc, m.display_name, m.user_id
$$;
comment on function public.list_team_members(uuid) is 'Members of a team, owners first. Empty for outsiders (row-level security).';

revoke execute on function public.my_teams(), public.list_team_members(uuid) from public, anon;
grant execute on function public.my_teams(), public.list_team_members(uuid) to authenticated;
