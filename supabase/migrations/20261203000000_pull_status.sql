-- =============================================================================
-- First sync progress (issue 13): how many of a team's events lie after a
-- cursor, so a device catching up can say "Syncing 340,000 of 1,000,000".
--
-- What this file guarantees, on top of 20261202000000_follow_up_links.sql:
--   * pull_status(p_team_id, p_after) answers {remaining, latest}: the number
--     of the team's events with server_seq > p_after and the greatest
--     server_seq among them (p_after when there are none). Members only, the
--     same refusal as pull_events (42501), anon not at all.
--   * It is a hint for the progress line, read once at the start of a pull:
--     rows pushed meanwhile are pulled all the same (pull_events is the
--     contract; the client never stops on this count).
--
-- Security definer, unlike pull_events: it counts with an index-only scan of
-- incident_events_team_seq_idx after checking membership once. As the invoker
-- the read policy would call is_team_member() once per row (a security definer
-- function is never inlined), which over 1,000,000 rows is seconds, not
-- milliseconds. It returns two numbers, never a row.
--
-- Installs as `postgres` (no superuser needed), like every migration here.
-- =============================================================================

create function public.pull_status(p_team_id uuid, p_after bigint default 0)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_after bigint := coalesce(p_after, 0);
  v_remaining bigint;
  v_latest bigint;
begin
  if not public.is_team_member(p_team_id) then
    raise exception 'Only members of a team can pull its events' using errcode = '42501';
  end if;

  select count(*), coalesce(max(e.server_seq), v_after)
    into v_remaining, v_latest
  from public.incident_events e
  where e.team_id = p_team_id
    and e.server_seq > v_after;

  return jsonb_build_object('remaining', v_remaining, 'latest', v_latest);
end
$$;
comment on function public.pull_status(uuid, bigint) is 'How many of the team''s events lie after p_after, and the latest server_seq: the total a first sync shows its progress against.';

-- Functions are executable by PUBLIC by default, and Supabase also grants anon
-- explicitly (see 20261126000000_team_sync.sql): signed-in users only.
revoke execute on function public.pull_status(uuid, bigint) from public, anon;
grant execute on function public.pull_status(uuid, bigint) to authenticated;
