-- =============================================================================
-- Team authority (issue 8): who may change the record, who belongs, and how
-- much anyone may push.
--
-- What this file guarantees, on top of 20261126000000_team_sync.sql:
--   * Membership ends without losing the record. An owner removes a member,
--     anyone leaves, an owner hands ownership over. Rows in team_members are
--     never deleted: removed_at marks a FORMER member, whose events keep their
--     name. Former members lose everything at once, because every policy, RPC
--     and Storage rule asks is_team_member(), which counts current members only.
--   * Accounts can be deleted in the dashboard. Nothing in public references
--     auth.users any more (except invite codes, which go with their creator):
--     the person's events and membership row stay, and they show as former.
--   * Nobody can rewrite someone else's entries. push_events() refuses a
--     `redacted` event unless its author wrote the target or led the incident
--     as of the redaction (by clock order), the target being in the same
--     incident; a second `declared`; an event stamped more than a day ahead
--     of the server; and text-direction control characters in titles and
--     names. Screenshots are named {team}/{incident}/{event}.{webp|jpg|png},
--     cannot be uploaded for someone else's or a redacted event, and only the
--     uploader (while a member) or redact_event() deletes one.
--   * Display names are unique (ignoring case and outer spaces) among a
--     team's current members.
--   * Abuse is bounded: invite codes are owners' (at most 10 live per team),
--     join_team allows 10 failed codes per person per hour, and push_events
--     20,000 events and 20 MB per person per minute. Over a bound the answer is
--     SQLSTATE PT429, which PostgREST sends as HTTP 429 ("PTxyz" becomes status
--     xyz: PostgREST/postgrest src/library/PostgREST/Error.hs, and
--     docs/references/errors.rst "Raise errors with HTTP Status Codes").
--
-- Installs as `postgres` (no superuser needed), like every migration here.
-- =============================================================================


-- =============================================================================
-- Former members and deleted accounts
-- =============================================================================

alter table public.team_members
  add column removed_at timestamptz,
  add column removal text check (removal in ('removed', 'left')),
  add constraint team_members_removal_matches_removed_at check ((removed_at is null) = (removal is null));
comment on column public.team_members.removed_at is 'Set when the person stopped being a member; the row stays so their events keep their name.';
comment on column public.team_members.removal is '''removed'' by an owner, or ''left'' on their own.';

-- Deleting an account (GoTrue, as supabase_auth_admin) must succeed and keep
-- the person's events, teams and membership rows. team_invites.created_by
-- keeps its cascade: a deleted account's invite codes stop working with it.
alter table public.teams drop constraint teams_created_by_fkey;
alter table public.team_members drop constraint team_members_user_id_fkey;
alter table public.incident_events drop constraint incident_events_author_id_fkey;

-- Current members only: every policy, pull_events, push_events and Storage
-- ask these, so a removal takes effect on the next request.
create or replace function public.is_team_member(p_team_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.team_members m
    where m.team_id = p_team_id
      and m.user_id = (select auth.uid())
      and m.removed_at is null
  )
$$;
comment on function public.is_team_member(uuid) is 'True when the signed-in user is a current member of the team. Used by every policy.';

create or replace function public.is_team_owner(p_team_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.team_members m
    where m.team_id = p_team_id
      and m.user_id = (select auth.uid())
      and m.role = 'owner'
      and m.removed_at is null
  )
$$;
comment on function public.is_team_owner(uuid) is 'True when the signed-in user is a current owner of the team.';

-- The teams the signed-in user is a current member of. The read policy on the
-- log asks `team_id in (select my_team_ids())`: Postgres evaluates that once
-- per statement, where a per-row is_team_member(team_id) call costs a function
-- call and a lookup for every row scanned (a pull page of 1,000 rows scanned
-- 50,000 that way: 600 ms). Supabase's RLS performance advice, "Add filters to
-- every query" / "Use security definer functions" / wrap calls in a select:
-- https://supabase.com/docs/guides/database/postgres/row-level-security#rls-performance-recommendations
create function public.my_team_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.team_id
  from public.team_members m
  where m.user_id = (select auth.uid())
    and m.removed_at is null
$$;
comment on function public.my_team_ids() is 'The teams the signed-in user currently belongs to. Used by the log''s read policy.';
revoke execute on function public.my_team_ids() from public, anon;
grant execute on function public.my_team_ids() to authenticated;

drop policy "Team members can read their team's events" on public.incident_events;
create policy "Team members can read their team's events"
  on public.incident_events
  for select
  to authenticated
  using (team_id in (select public.my_team_ids()));


-- =============================================================================
-- Names: no text-direction controls; display names unique per team
-- =============================================================================

-- U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates) make text
-- display differently from what it says ("Trojan Source", CVE-2021-42574).
-- Mirrors BIDI_CONTROL_CHARS in lib/model/text-direction.ts.
create function public.has_bidi_controls(p_value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(p_value ~ '[\u202a-\u202e\u2066-\u2069]', false)
$$;

-- NOT VALID: rows written before this migration are not re-checked (a
-- migration must install on any project); every new or changed row is.
alter table public.teams
  add constraint teams_name_no_bidi_controls check (not public.has_bidi_controls(name)) not valid;
alter table public.team_members
  add constraint team_members_display_name_no_bidi_controls check (not public.has_bidi_controls(display_name)) not valid;

-- Existing clashes get a number, so the unique index below can be built.
with ranked as (
  select m.team_id, m.user_id,
         row_number() over (partition by m.team_id, lower(btrim(m.display_name)) order by m.joined_at, m.user_id) as n
  from public.team_members m
)
update public.team_members m
  set display_name = left(btrim(m.display_name), 95) || ' ' || r.n
from ranked r
where r.team_id = m.team_id and r.user_id = m.user_id and r.n > 1;

-- The backstop; join_team() checks first to answer with a sentence, under the
-- team's membership lock so two joins cannot both pass the check.
create unique index team_members_current_display_name_key
  on public.team_members (team_id, lower(btrim(display_name)))
  where removed_at is null;

-- The name a member shows under: what they asked for, else their profile's
-- name, else the local part of their email. Asked-for names with direction
-- controls are refused; fallbacks have them removed.
create or replace function public.member_display_name(p_user_id uuid, p_requested text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_requested text := nullif(btrim(p_requested), '');
  v_fallback text;
begin
  if v_requested is not null then
    if char_length(v_requested) > 100 then
      raise exception 'A display name must be at most 100 characters' using errcode = '22023';
    end if;
    if public.has_bidi_controls(v_requested) then
      raise exception 'A display name cannot contain text-direction control characters' using errcode = '22023';
    end if;
    return v_requested;
  end if;
  select coalesce(
      nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''),
      nullif(btrim(u.raw_user_meta_data ->> 'full_name'), ''),
      nullif(btrim(u.raw_user_meta_data ->> 'name'), ''),
      nullif(split_part(u.email, '@', 1), '')
    )
    into v_fallback
  from auth.users u
  where u.id = p_user_id;
  v_fallback := nullif(btrim(regexp_replace(v_fallback, '[\u202a-\u202e\u2066-\u2069]', '', 'g')), '');
  return left(coalesce(v_fallback, 'Teammate'), 100);
end
$$;

-- The display name p_user_id gets in p_team_id. A name they asked for that a
-- current member already uses is refused (23505); a fallback name that clashes
-- gets a number instead, since they did not choose it. Call under
-- lock_team_membership().
create function public.team_display_name(p_team_id uuid, p_user_id uuid, p_requested text)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_name text := public.member_display_name(p_user_id, p_requested);
  v_base text := left(v_name, 95);
  v_n integer := 1;
begin
  while exists (
    select 1 from public.team_members m
    where m.team_id = p_team_id
      and m.user_id <> p_user_id
      and m.removed_at is null
      and lower(btrim(m.display_name)) = lower(v_name)
  ) loop
    if nullif(btrim(p_requested), '') is not null then
      raise exception 'Someone in this team already goes by "%"', v_name using errcode = '23505';
    end if;
    v_n := v_n + 1;
    v_name := v_base || ' ' || v_n;
  end loop;
  return v_name;
end
$$;

-- Serialises changes to one team's membership and invite codes (joins,
-- name checks, the live-code count). An advisory key of its own, so it never
-- waits on push_events()' per-team log lock or the teams row.
create function public.lock_team_membership(p_team_id uuid)
returns void
language sql
volatile
set search_path = ''
as $$
  select pg_advisory_xact_lock(hashtextextended('public.team_members:' || p_team_id::text, 0))
$$;


-- =============================================================================
-- Abuse bookkeeping (no client reads or writes these)
-- =============================================================================

-- One row per failed join_team() code; rows older than an hour are pruned
-- on the caller's next failure.
create table public.join_attempts (
  user_id uuid not null,
  attempted_at timestamptz not null default now()
);
comment on table public.join_attempts is 'Failed invite codes per person, for join_team()''s limit of 10 an hour.';
create index join_attempts_user_id_attempted_at_idx on public.join_attempts (user_id, attempted_at);

-- A token bucket per person: up to 20,000 events and 20 MB at once, refilled
-- at that much per minute. Unlike a calendar-minute counter it never lets
-- twice the limit through across a minute boundary.
create table public.push_allowance (
  user_id uuid primary key,
  events_left double precision not null,
  bytes_left double precision not null,
  refilled_at timestamptz not null
);
comment on table public.push_allowance is 'What each person may still push this minute (push_events()).';

alter table public.join_attempts enable row level security;
alter table public.push_allowance enable row level security;
-- No policies: only the security definer functions below touch them.
revoke all on table public.join_attempts, public.push_allowance from anon, authenticated;


-- =============================================================================
-- Event authority: what push_events() checks per event
-- =============================================================================

-- The incident's lead as of a point in clock order: the leadId of the latest
-- live `declared` (the one whose id is the incident id) or `lead_changed`
-- event before (p_hlc, p_id), ordered as clients fold, by (hlc collate "C",
-- id). Redacted lead events carry no lead any more and are skipped, as the
-- fold skips them. With p_hlc null: the lead now.
create function public.incident_lead_as_of(p_team_id uuid, p_incident_id uuid, p_hlc text, p_id uuid)
returns uuid
language sql
stable
set search_path = ''
as $$
  select public.try_uuid(e.body ->> 'leadId')
  from public.incident_events e
  where e.team_id = p_team_id
    and e.incident_id = p_incident_id
    and (e.kind = 'lead_changed' or (e.kind = 'declared' and e.id = e.incident_id))
    and e.redacted_at is null
    and (
      p_hlc is null
      or e.hlc collate "C" < p_hlc collate "C"
      or (e.hlc = p_hlc and e.id < p_id)
    )
  order by e.hlc collate "C" desc, e.id desc
  limit 1
$$;

-- The lead now (redact_event() and can_redact_event() ask this). A stray
-- second `declared` no longer counts.
create or replace function public.incident_lead_id(p_team_id uuid, p_incident_id uuid)
returns uuid
language sql
stable
set search_path = ''
as $$
  select public.incident_lead_as_of(p_team_id, p_incident_id, null, null)
$$;

-- Why push_events() would refuse an event on its own (no other rows asked),
-- or null. Checked in this order so the reason names the first thing to fix.
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
  end if;
  return null;
end
$$;

-- Why a `redacted` event is refused given what is stored, or null. Earlier
-- events of the same push are already stored when this runs, so they count.
create function public.redaction_rejection(p_event jsonb, p_caller uuid)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_team_id uuid := (p_event ->> 'team_id')::uuid;
  v_incident_id uuid := (p_event ->> 'incident_id')::uuid;
  v_target_author uuid;
begin
  select e.author_id
    into v_target_author
  from public.incident_events e
  where e.id = public.try_uuid(p_event -> 'body' ->> 'eventId')
    and e.team_id = v_team_id
    and e.incident_id = v_incident_id;
  if not found then
    return 'redaction target is not an entry of this incident';
  end if;
  if v_target_author = p_caller
     or public.incident_lead_as_of(v_team_id, v_incident_id, p_event ->> 'hlc', (p_event ->> 'id')::uuid) = p_caller then
    return null;
  end if;
  return 'only the author of an entry or the incident''s lead can remove it';
end
$$;


-- =============================================================================
-- RPC: push_events, with the per-person allowance and the authority rules
-- =============================================================================

-- Same input and reply as before (20261126000000_team_sync.sql). New:
--   * Over 20,000 events or 20 MB (octet_length of the events' JSON text) a
--     minute per person, the whole call is refused with SQLSTATE PT429 (HTTP
--     429) and nothing is stored or counted: the client waits and retries.
--   * Per-event reasons from incident_event_rejection() and, for `redacted`,
--     redaction_rejection(), judged in input order as each event is inserted.
--   * A stored event pushed again by its author is accepted without being
--     judged again: a retry never turns into a rejection.
create or replace function public.push_events(events jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  c_events_per_minute constant double precision := 20000;
  c_bytes_per_minute constant double precision := 20000000;
  v_user_id uuid := (select auth.uid());
  v_count integer;
  v_bytes bigint;
  v_allowance public.push_allowance;
  v_refill double precision;
  v_member_of uuid[];
  v_rejections text[];
  v_lock_key bigint;
  v_event jsonb;
  v_position bigint;
  v_id uuid;
  v_team_id uuid;
  v_incident_id uuid;
  v_reason text;
  v_inserted boolean;
  v_stored_team uuid;
  v_stored_author uuid;
  v_number integer;
  v_result jsonb;
  v_results jsonb[] := '{}';
  v_accepted integer := 0;
begin
  if v_user_id is null then
    raise exception 'Sign in to push events' using errcode = '42501';
  end if;
  if jsonb_typeof(events) is distinct from 'array' then
    raise exception 'push_events expects a JSON array of events' using errcode = '22023';
  end if;
  v_count := jsonb_array_length(events);
  if v_count > 1000 then
    raise exception 'push_events accepts at most 1000 events per call' using errcode = '22023';
  end if;

  -- 0. The allowance. The row lock serialises one person's calls only.
  v_bytes := octet_length(events::text);
  insert into public.push_allowance (user_id, events_left, bytes_left, refilled_at)
  values (v_user_id, c_events_per_minute, c_bytes_per_minute, now())
  on conflict (user_id) do nothing;
  select * into v_allowance from public.push_allowance a where a.user_id = v_user_id for update;
  v_refill := greatest(extract(epoch from now() - v_allowance.refilled_at), 0) / 60;
  v_allowance.events_left := least(c_events_per_minute, v_allowance.events_left + v_refill * c_events_per_minute);
  v_allowance.bytes_left := least(c_bytes_per_minute, v_allowance.bytes_left + v_refill * c_bytes_per_minute);
  if v_count > v_allowance.events_left or v_bytes > v_allowance.bytes_left then
    raise exception 'Too many events: at most 20,000 events and 20 MB a minute'
      using errcode = 'PT429', hint = 'Wait a minute and push again.';
  end if;
  update public.push_allowance a
    set events_left = v_allowance.events_left - v_count,
        bytes_left = v_allowance.bytes_left - v_bytes,
        refilled_at = now()
  where a.user_id = v_user_id;

  select coalesce(array_agg(m.team_id), '{}')
    into v_member_of
  from public.team_members m
  where m.user_id = v_user_id
    and m.removed_at is null;

  -- 1. Judge every event on its own before writing anything.
  select coalesce(array_agg(public.incident_event_rejection(e.value, v_user_id, v_member_of) order by e.ordinality), '{}')
    into v_rejections
  from jsonb_array_elements(events) with ordinality as e;

  -- 2. Serialise per team (see 20261126000000_team_sync.sql: a team's rows
  --    commit in server_seq order, so a cursor never skips one). Keys in
  --    order, so batches spanning teams cannot deadlock.
  for v_lock_key in
    select distinct hashtextextended('public.incident_events:' || ((e.value ->> 'team_id')::uuid)::text, 0)
    from jsonb_array_elements(events) with ordinality as e
    where v_rejections[e.ordinality] is null
    order by 1
  loop
    perform pg_advisory_xact_lock(v_lock_key);
  end loop;

  -- 3. Insert in input order; rules that read stored rows are judged here,
  --    so an earlier event of this batch counts.
  for v_event, v_position in
    select e.value, e.ordinality from jsonb_array_elements(events) with ordinality as e
  loop
    v_reason := v_rejections[v_position];
    v_number := null;

    if v_reason is null then
      v_id := (v_event ->> 'id')::uuid;
      v_team_id := (v_event ->> 'team_id')::uuid;
      v_incident_id := (v_event ->> 'incident_id')::uuid;

      select x.team_id, x.author_id into v_stored_team, v_stored_author
      from public.incident_events x
      where x.id = v_id;

      if found then
        -- The same event again is a retry; anything else is a different
        -- event wearing a used id.
        if v_stored_team is distinct from v_team_id or v_stored_author is distinct from v_user_id then
          v_reason := 'id is already used by another event';
        end if;
      else
        if v_event ->> 'kind' = 'redacted' then
          v_reason := public.redaction_rejection(v_event, v_user_id);
        end if;

        if v_reason is null then
          insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
          values (
            v_id,
            v_team_id,
            v_incident_id,
            v_user_id,
            v_event ->> 'kind',
            v_event -> 'body',
            v_event ->> 'hlc',
            public.try_timestamptz(v_event ->> 'created_at')
          )
          on conflict (id) do nothing
          returning true into v_inserted;

          -- Inserted meanwhile by a push to another team (other lock).
          if v_inserted is null and not exists (
            select 1 from public.incident_events x
            where x.id = v_id and x.team_id = v_team_id and x.author_id = v_user_id
          ) then
            v_reason := 'id is already used by another event';
          end if;
        end if;
      end if;

      if v_reason is null and v_event ->> 'kind' = 'declared' then
        -- The first accepted `declared` numbers the incident; the team lock
        -- makes read-then-increment safe.
        select n.number into v_number
        from public.incident_numbers n
        where n.team_id = v_team_id and n.incident_id = v_incident_id;

        if v_number is null then
          update public.teams t
            set next_incident_number = t.next_incident_number + 1
          where t.id = v_team_id
          returning t.next_incident_number - 1 into v_number;

          insert into public.incident_numbers (team_id, incident_id, number)
          values (v_team_id, v_incident_id, v_number);
        end if;
      end if;
    end if;

    if v_reason is null then
      v_accepted := v_accepted + 1;
      v_result := jsonb_build_object('id', v_event -> 'id', 'status', 'accepted');
      if v_number is not null then
        v_result := v_result || jsonb_build_object('incident_number', v_number);
      end if;
    else
      v_result := jsonb_build_object('id', v_event -> 'id', 'status', 'rejected', 'reason', v_reason);
    end if;
    v_results := array_append(v_results, v_result);
  end loop;

  return jsonb_build_object(
    'results', to_jsonb(v_results),
    'accepted', v_accepted,
    'rejected', cardinality(v_results) - v_accepted
  );
end
$$;
comment on function public.push_events(jsonb) is 'Appends events idempotently; per-event accept/reject with a reason, in input order; PT429 over 20,000 events or 20 MB a minute.';


-- =============================================================================
-- RPC: teams, names and invite codes
-- =============================================================================

-- A fresh invite code; owners only, at most 10 live codes per team.
create or replace function public.create_invite(p_team_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_code text;
begin
  if not public.is_team_owner(p_team_id) then
    raise exception 'Only owners of a team can create invite codes' using errcode = '42501';
  end if;
  perform public.lock_team_membership(p_team_id);
  if (select count(*) from public.team_invites i where i.team_id = p_team_id and i.expires_at > now()) >= 10 then
    raise exception 'A team can have at most 10 live invite codes. Revoke one first.' using errcode = 'P0001';
  end if;
  -- 50 random bits make a collision absurdly unlikely; loop anyway rather
  -- than fail on one.
  loop
    select string_agg(substr('23456789ABCDEFGHJKLMNPQRSTUVWXYZ', get_byte(b.bytes, i) % 32 + 1, 1), '' order by i)
      into v_code
    from extensions.gen_random_bytes(10) as b (bytes),
         generate_series(0, 9) as i;

    insert into public.team_invites (code, team_id, created_by)
    values (v_code, p_team_id, (select auth.uid()))
    on conflict (code) do nothing;
    exit when found;
  end loop;
  return v_code;
end
$$;
comment on function public.create_invite(uuid) is 'Issues a new invite code; owners only, at most 10 live codes per team.';

-- The code to share. Owners: the newest live code with a day left, else a
-- new one (or, at the 10-code limit, the newest live code). Members: the
-- newest live code, or null; they never mint one.
create or replace function public.team_invite_code(p_team_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_code text;
begin
  if not public.is_team_member(p_team_id) then
    raise exception 'Only members of a team can invite people to it' using errcode = '42501';
  end if;
  if not public.is_team_owner(p_team_id) then
    select i.code into v_code
    from public.team_invites i
    where i.team_id = p_team_id and i.expires_at > now()
    order by i.created_at desc, i.code
    limit 1;
    return v_code;
  end if;

  select i.code into v_code
  from public.team_invites i
  where i.team_id = p_team_id and i.expires_at > now() + interval '1 day'
  order by i.created_at desc, i.code
  limit 1;
  if v_code is not null then
    return v_code;
  end if;
  if (select count(*) from public.team_invites i where i.team_id = p_team_id and i.expires_at > now()) >= 10 then
    select i.code into v_code
    from public.team_invites i
    where i.team_id = p_team_id and i.expires_at > now()
    order by i.created_at desc, i.code
    limit 1;
    return v_code;
  end if;
  return public.create_invite(p_team_id);
end
$$;
comment on function public.team_invite_code(uuid) is 'The invite code to share: owners get one (minted when needed), members the newest live one or null.';

-- Live codes, newest first; owners only.
create function public.list_team_invites(p_team_id uuid)
returns table (code text, created_at timestamptz, expires_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not public.is_team_owner(p_team_id) then
    raise exception 'Only owners of a team can list its invite codes' using errcode = '42501';
  end if;
  return query
    select i.code, i.created_at, i.expires_at
    from public.team_invites i
    where i.team_id = p_team_id and i.expires_at > now()
    order by i.created_at desc, i.code;
end
$$;
comment on function public.list_team_invites(uuid) is 'A team''s live invite codes, newest first; owners only.';

-- Revokes a code, written any way join_team() accepts. Owners of its team
-- only (42501 for its other members). An unknown code, or one of a team the
-- caller is not in, does nothing: revoking twice is fine, and outsiders learn
-- nothing about which codes exist.
create function public.revoke_invite(p_code text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_code text := upper(regexp_replace(coalesce(p_code, ''), '[^0-9A-Za-z]', '', 'g'));
  v_team_id uuid;
begin
  if (select auth.uid()) is null then
    raise exception 'Sign in to revoke an invite code' using errcode = '42501';
  end if;
  select i.team_id into v_team_id from public.team_invites i where i.code = v_code;
  if v_team_id is null or not public.is_team_member(v_team_id) then
    return;
  end if;
  if not public.is_team_owner(v_team_id) then
    raise exception 'Only owners of a team can revoke its invite codes' using errcode = '42501';
  end if;
  delete from public.team_invites i where i.code = v_code;
end
$$;
comment on function public.revoke_invite(text) is 'Deletes an invite code; owners of its team only.';

-- Creates a team with the caller as its owner and one invite code.
create or replace function public.create_team(p_name text, p_display_name text default null)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_name text := btrim(p_name);
  v_team_id uuid;
begin
  if v_user_id is null then
    raise exception 'Sign in to create a team' using errcode = '42501';
  end if;
  if v_name is null or char_length(v_name) not between 1 and 100 then
    raise exception 'A team name must be 1 to 100 characters' using errcode = '22023';
  end if;
  if public.has_bidi_controls(v_name) then
    raise exception 'A team name cannot contain text-direction control characters' using errcode = '22023';
  end if;

  insert into public.teams (name, created_by)
  values (v_name, v_user_id)
  returning id into v_team_id;

  insert into public.team_members (team_id, user_id, display_name, role)
  values (v_team_id, v_user_id, public.member_display_name(v_user_id, p_display_name), 'owner');

  perform public.create_invite(v_team_id);
  return v_team_id;
end
$$;

-- Joins the team behind a live invite code and returns its id.
--   * An unknown or expired code returns null and counts as a failed attempt
--     (a raise would roll the count back). After 10 failures in an hour,
--     every call raises PT429 (HTTP 429) until the oldest is an hour old,
--     whatever the code: otherwise the answer itself would leak which codes
--     are live.
--   * A current member gets the team id back unchanged.
--   * Someone who left comes back with any live code; someone an owner
--     removed only with a code created after the removal (an older code
--     counts as invalid). Either way as a member, under the name given now or
--     their old one.
create or replace function public.join_team(p_code text, p_display_name text default null)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  -- People copy codes with spaces, dashes and lower case; accept all of it.
  v_code text := upper(regexp_replace(coalesce(p_code, ''), '[^0-9A-Za-z]', '', 'g'));
  v_team_id uuid;
  v_code_created_at timestamptz;
  v_member public.team_members;
begin
  if v_user_id is null then
    raise exception 'Sign in to join a team' using errcode = '42501';
  end if;

  if (
    select count(*) from public.join_attempts a
    where a.user_id = v_user_id and a.attempted_at > now() - interval '1 hour'
  ) >= 10 then
    raise exception 'Too many invalid invite codes. Try again in an hour.' using errcode = 'PT429';
  end if;

  select i.team_id, i.created_at
    into v_team_id, v_code_created_at
  from public.team_invites i
  where i.code = v_code
    and i.expires_at > now();

  if v_team_id is not null then
    perform public.lock_team_membership(v_team_id);
    select * into v_member from public.team_members m where m.team_id = v_team_id and m.user_id = v_user_id;
    if found and v_member.removal = 'removed' and v_code_created_at <= v_member.removed_at then
      v_team_id := null;
    end if;
  end if;

  if v_team_id is null then
    delete from public.join_attempts a where a.user_id = v_user_id and a.attempted_at <= now() - interval '1 hour';
    insert into public.join_attempts (user_id) values (v_user_id);
    return null;
  end if;

  if v_member.user_id is null then
    insert into public.team_members (team_id, user_id, display_name, role)
    values (v_team_id, v_user_id, public.team_display_name(v_team_id, v_user_id, p_display_name), 'member');
  elsif v_member.removed_at is not null then
    update public.team_members m
      set removed_at = null,
          removal = null,
          role = 'member',
          joined_at = now(),
          display_name = case
            when nullif(btrim(p_display_name), '') is null
              and not exists (
                select 1 from public.team_members o
                where o.team_id = v_team_id and o.user_id <> v_user_id and o.removed_at is null
                  and lower(btrim(o.display_name)) = lower(btrim(m.display_name))
              )
              and not public.has_bidi_controls(m.display_name)
              then m.display_name
            else public.team_display_name(v_team_id, v_user_id, p_display_name)
          end
    where m.team_id = v_team_id and m.user_id = v_user_id;
  end if;
  return v_team_id;
end
$$;
comment on function public.join_team(text, text) is 'Joins the team of a live invite code; returns its id, or null for an unknown or expired code (10 of those an hour, then PT429).';


-- =============================================================================
-- RPC: membership lifecycle
-- =============================================================================

-- An owner removes someone else. Their row stays (removal = 'removed'); their
-- access ends now. Removing a former member again changes nothing.
create function public.remove_member(p_team_id uuid, p_user_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if not public.is_team_owner(p_team_id) then
    raise exception 'Only owners of a team can remove members' using errcode = '42501';
  end if;
  if p_user_id = (select auth.uid()) then
    raise exception 'You cannot remove yourself; use leave_team to leave the team' using errcode = '22023';
  end if;
  perform public.lock_team_membership(p_team_id);
  if not exists (select 1 from public.team_members m where m.team_id = p_team_id and m.user_id = p_user_id) then
    raise exception 'This person is not a member of the team' using errcode = 'P0002';
  end if;
  update public.team_members m
    set removed_at = now(), removal = 'removed'
  where m.team_id = p_team_id and m.user_id = p_user_id and m.removed_at is null;
end
$$;
comment on function public.remove_member(uuid, uuid) is 'Owners only: ends another member''s membership; their events stay.';

-- The caller leaves. A team always keeps a current owner: a sole owner must
-- transfer ownership first. Leaving twice changes nothing.
create function public.leave_team(p_team_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
  v_member public.team_members;
begin
  if v_user_id is null then
    raise exception 'Sign in to leave a team' using errcode = '42501';
  end if;
  perform public.lock_team_membership(p_team_id);
  select * into v_member from public.team_members m where m.team_id = p_team_id and m.user_id = v_user_id;
  if not found then
    raise exception 'Only members of a team can leave it' using errcode = '42501';
  end if;
  if v_member.removed_at is not null then
    return;
  end if;
  if v_member.role = 'owner' and not exists (
    select 1 from public.team_members o
    where o.team_id = p_team_id and o.user_id <> v_user_id and o.role = 'owner' and o.removed_at is null
  ) then
    raise exception 'Transfer ownership to another member before you leave' using errcode = 'P0001';
  end if;
  update public.team_members m
    set removed_at = now(), removal = 'left'
  where m.team_id = p_team_id and m.user_id = v_user_id;
end
$$;
comment on function public.leave_team(uuid) is 'Ends the caller''s membership; a sole owner must transfer ownership first.';

-- An owner hands ownership to a current member and becomes a member.
create function public.transfer_ownership(p_team_id uuid, p_user_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
begin
  if not public.is_team_owner(p_team_id) then
    raise exception 'Only owners of a team can transfer ownership' using errcode = '42501';
  end if;
  perform public.lock_team_membership(p_team_id);
  if not exists (
    select 1 from public.team_members m
    where m.team_id = p_team_id and m.user_id = p_user_id and m.removed_at is null
  ) then
    raise exception 'The new owner must be a current member of the team' using errcode = '22023';
  end if;
  if p_user_id = v_user_id then
    return;
  end if;
  update public.team_members m set role = 'owner' where m.team_id = p_team_id and m.user_id = p_user_id;
  update public.team_members m set role = 'member' where m.team_id = p_team_id and m.user_id = v_user_id;
end
$$;
comment on function public.transfer_ownership(uuid, uuid) is 'Owners only: makes a current member the owner and the caller a member.';


-- =============================================================================
-- RPC: team queries
-- =============================================================================

-- Current memberships only.
create or replace function public.my_teams()
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
    and m.removed_at is null
  order by m.joined_at, t.id
$$;

-- Everyone who is or was in the team, so every event keeps its author's
-- name: current members first (owners first), then former ones. Former means
-- removed, left, or an account that no longer exists. Security definer to
-- read auth.users; answers only a current member, and only about their team.
drop function public.list_team_members(uuid);
create function public.list_team_members(p_team_id uuid)
returns table (user_id uuid, display_name text, role text, joined_at timestamptz, former boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select m.user_id, m.display_name, m.role, m.joined_at,
         (m.removed_at is not null or not exists (select 1 from auth.users u where u.id = m.user_id)) as former
  from public.team_members m
  where m.team_id = p_team_id
    and public.is_team_member(p_team_id)
  order by 5, m.role = 'owner' desc, m.display_name, m.user_id
$$;
comment on function public.list_team_members(uuid) is 'Current and former members of a team (former last). Empty for anyone who is not a current member.';


-- =============================================================================
-- Storage: screenshots at incident-screenshots/{team_id}/{incident_id}/{event_id}.{webp|jpg|png}
-- =============================================================================

-- Exactly three lower-case UUIDs and one of the three image types.
create function public.is_screenshot_object_name(p_name text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select coalesce(p_name ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(webp|jpg|png)$', false)
$$;

-- May the signed-in user write this screenshot name: no stored event of the
-- folder's team with the file's event id, or one they wrote that is not
-- redacted. Security definer so that the answer does not depend on RLS; it
-- looks only inside the named team, so it tells nobody about other teams.
create function public.can_write_screenshot(p_name text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select not exists (
    select 1
    from public.incident_events e
    where e.id = public.try_uuid(split_part(storage.filename(p_name), '.', 1))
      and e.team_id = public.try_uuid((storage.foldername(p_name))[1])
      and (e.author_id is distinct from (select auth.uid()) or e.redacted_at is not null)
  )
$$;

drop policy "Team members can upload screenshots to their team's folder" on storage.objects;
drop policy "Uploaders can replace their own screenshots" on storage.objects;
drop policy "Uploaders, authors and incident leads can delete screenshots" on storage.objects;

create policy "Team members can upload screenshots of their own events"
  on storage.objects
  for insert
  to authenticated
  with check (
    bucket_id = 'incident-screenshots'
    and public.is_screenshot_object_name(name)
    and owner_id = (select auth.uid()::text)
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
    and public.can_write_screenshot(name)
  );

-- An upsert retry of their own upload; never someone else's image.
create policy "Uploaders still in the team can replace their screenshots"
  on storage.objects
  for update
  to authenticated
  using (
    bucket_id = 'incident-screenshots'
    and owner_id = (select auth.uid()::text)
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
  )
  with check (
    bucket_id = 'incident-screenshots'
    and public.is_screenshot_object_name(name)
    and owner_id = (select auth.uid()::text)
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
    and public.can_write_screenshot(name)
  );

-- Anyone else's image goes only through redact_event(), which checks the
-- author or lead and deletes the row itself.
create policy "Uploaders still in the team can delete their screenshots"
  on storage.objects
  for delete
  to authenticated
  using (
    bucket_id = 'incident-screenshots'
    and owner_id = (select auth.uid()::text)
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
  );

-- No index of ours on storage.objects: postgres does not own the table, so it
-- may add policies (supautils policy_grants) but not indexes. owner_id is
-- only compared on rows already found by name (bucketid_objname).


-- =============================================================================
-- Function privileges
--
-- New functions are executable by PUBLIC, and Supabase's default privileges
-- grant anon too. Clients (authenticated) get the RPCs and what policies
-- call; the rest is for the functions above.
-- =============================================================================

revoke execute on function
  public.has_bidi_controls(text),
  public.team_display_name(uuid, uuid, text),
  public.lock_team_membership(uuid),
  public.incident_lead_as_of(uuid, uuid, text, uuid),
  public.redaction_rejection(jsonb, uuid),
  public.list_team_invites(uuid),
  public.revoke_invite(text),
  public.remove_member(uuid, uuid),
  public.leave_team(uuid),
  public.transfer_ownership(uuid, uuid),
  public.list_team_members(uuid),
  public.is_screenshot_object_name(text),
  public.can_write_screenshot(text)
from public, anon, authenticated;

grant execute on function
  public.list_team_invites(uuid),
  public.revoke_invite(text),
  public.remove_member(uuid, uuid),
  public.leave_team(uuid),
  public.transfer_ownership(uuid, uuid),
  public.list_team_members(uuid),
  -- Called by policies and check constraints, which run as the caller.
  public.has_bidi_controls(text),
  public.is_screenshot_object_name(text),
  public.can_write_screenshot(text)
to authenticated;
