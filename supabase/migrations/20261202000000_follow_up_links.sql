-- =============================================================================
-- Follow-up links (issue 12): a follow-up carries the URL of its issue in a
-- tracker (Linear, GitHub, Jira), set by a `follow_up_linked` event.
--
-- What this file guarantees, on top of 20261201000000_annotated_copies.sql:
--   * push_events() accepts the new kind `follow_up_linked`
--     {followUpId: uuid, url: https URL | null}; null clears the link, and the
--     latest by (hlc, id) wins when clients fold (lib/incidents/fold.ts).
--   * Anyone in the team may link, replace or clear a follow-up's issue, as
--     anyone in the team may tick a follow-up off (follow_up_done has no
--     author rule either): a link points at work and rewrites nobody's words.
--     Membership and authorship are checked as for every event.
--   * The URL's shape is checked here exactly as the clients' model checks it
--     (lib/model/limits.ts, TRACKER_LINK_PATTERN): https, a plain
--     host name (no user info), an optional port, at most 2,048 characters,
--     no spaces or control characters. A `javascript:` or `http:` link is
--     refused with a reason, so no teammate's view ever gets one. Which
--     trackers' issue shapes may be pasted is judged by the client at the
--     input (lib/trackers/link-url.ts): a team's Jira may live on a custom
--     domain the server does not know.
--   * A link naming a follow-up that is not in the incident is stored like
--     any event and changes nothing when folded (as follow_up_done).
--
-- Installs as `postgres` (no superuser needed), like every migration here.
-- =============================================================================


-- The kinds grow by one (see 20261126000200_review_events.sql: replacing this
-- immutable function widens the incident_events_kind_known check; stored rows
-- all passed the narrower list).
create or replace function public.incident_event_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'declared', 'title_changed', 'summary_changed', 'severity_changed',
    'lead_changed', 'status_changed', 'note', 'customer_update',
    'follow_up_added', 'follow_up_done', 'follow_up_linked', 'feedback',
    'screenshot', 'redacted', 'reviewed', 'reaction'
  ]
$$;

-- Why a `follow_up_linked` body is refused, or null.
create function public.follow_up_link_rejection(p_body jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_url jsonb := p_body -> 'url';
begin
  if public.try_uuid(p_body ->> 'followUpId') is null then
    return 'followUpId is not a UUID';
  elsif v_url is null or jsonb_typeof(v_url) = 'null' then
    return null; -- clears the link
  elsif jsonb_typeof(v_url) <> 'string' then
    return 'url is not a string';
  elsif char_length(p_body ->> 'url') > 2048 then
    return 'url is longer than 2,048 characters';
  elsif (p_body ->> 'url') !~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^[:space:][:cntrl:]]*)?$' then
    return 'url is not an https link to a tracker issue';
  end if;
  return null;
end
$$;
comment on function public.follow_up_link_rejection(jsonb) is 'Why push_events() refuses a follow_up_linked body (its URL must be https), or null.';

-- As in 20261130000000_team_authority.sql, plus the follow_up_linked body check.
create or replace function public.incident_event_rejection(p_event jsonb, p_caller uuid, p_member_of uuid[])
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_author jsonb := p_event -> 'author_id';
  v_body jsonb := p_event -> 'body';
begin
  if jsonb_typeof(p_event) is distinct from 'object' then
    return 'event is not a JSON object';
  elsif public.try_uuid(p_event ->> 'id') is null then
    return 'id is not a UUID';
  elsif public.try_uuid(p_event ->> 'team_id') is null then
    return 'team_id is not a UUID';
  elsif public.try_uuid(p_event ->> 'incident_id') is null then
    return 'incident_id is not a UUID';
  elsif v_author is not null and jsonb_typeof(v_author) <> 'null' and public.try_uuid(p_event ->> 'author_id') is null then
    return 'author_id is not a UUID';
  elsif not coalesce(p_event ->> 'kind' = any (public.incident_event_kinds()), false) then
    return 'unknown kind';
  elsif jsonb_typeof(v_body) is distinct from 'object' then
    return 'body is not a JSON object';
  elsif octet_length(v_body::text) > 65536 then
    return 'body is larger than 64 KB';
  elsif not coalesce(public.is_hlc(p_event ->> 'hlc'), false) then
    return 'hlc is not a hybrid logical clock timestamp';
  elsif public.try_timestamptz(p_event ->> 'created_at') is null then
    return 'created_at is not an ISO 8601 timestamp with an offset';
  -- Clients quarantine events more than a day ahead (lib/sync); the server
  -- refuses them, so a fast clock cannot win every (hlc, id) ordering.
  elsif left(p_event ->> 'hlc', 15)::bigint > (extract(epoch from now()) * 1000)::bigint + 86400000 then
    return 'clock more than a day ahead of the server';
  -- A missing author_id means "me", like the column default.
  elsif coalesce(public.try_uuid(p_event ->> 'author_id'), p_caller) <> p_caller then
    return 'author_id is not the signed-in user';
  -- Same answer for a team that does not exist, and for former members.
  elsif not ((p_event ->> 'team_id')::uuid = any (p_member_of)) then
    return 'not a member of this team';
  elsif p_event ->> 'kind' = 'declared' and (p_event ->> 'id')::uuid <> (p_event ->> 'incident_id')::uuid then
    return 'an incident has exactly one declared event, whose id is the incident id';
  elsif public.has_bidi_controls(v_body ->> 'title')
     or public.has_bidi_controls(v_body ->> 'leadName')
     or (p_event ->> 'kind' = 'follow_up_added' and public.has_bidi_controls(v_body ->> 'text')) then
    return 'text-direction control characters are not allowed';
  elsif p_event ->> 'kind' = 'follow_up_linked' then
    return public.follow_up_link_rejection(v_body);
  end if;
  return null;
end
$$;


-- =============================================================================
-- Function privileges: internal, like incident_event_rejection() (called by
-- the security definer push_events()).
-- =============================================================================

revoke execute on function public.follow_up_link_rejection(jsonb) from public, anon, authenticated;
