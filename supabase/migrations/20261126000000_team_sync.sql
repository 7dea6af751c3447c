-- =============================================================================
-- Team sync: teams, membership, invites, the shared incident event log and the
-- screenshot bucket (DESIGN.md, "Sync with Supabase").
--
-- What this file guarantees:
--   * Nobody outside a team reads or writes its rows or its images; anon gets
--     nothing at all. Every policy is `to authenticated` and asks one question,
--     public.is_team_member(team).
--   * Authors cannot be forged: an event's author_id must be the caller.
--   * Events are append-only for clients. There is no update or delete policy
--     and no insert privilege on incident_events: clients write through
--     push_events() and scrub through redact_event(), both checked here.
--   * No skipped events: push_events() takes a per-team lock before inserting,
--     so within a team server_seq values become visible in order and a pull of
--     `server_seq > cursor` never steps over a row that commits later.
--
-- Apply with `supabase db push`, or paste into the SQL editor.
-- =============================================================================


-- =============================================================================
-- Extensions
-- =============================================================================

-- gen_random_bytes() for invite codes. Supabase ships pgcrypto in `extensions`.
create extension if not exists pgcrypto with schema extensions;


-- =============================================================================
-- Tables
-- =============================================================================

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 100),
  -- No cascade: deleting the account that created a team must not take the
  -- team and its log with it.
  created_by uuid not null default auth.uid() references auth.users (id),
  created_at timestamptz not null default now(),
  -- The next human number (INC-n). Only push_events() advances it, under the
  -- team lock, so numbers are gapless and never handed out twice.
  next_incident_number integer not null default 1 check (next_incident_number > 0)
);
comment on table public.teams is 'A group of people sharing one incident log.';

create index teams_created_by_idx on public.teams (created_by);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 100),
  role text not null default 'member' check (role in ('owner', 'member')),
  joined_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
comment on table public.team_members is 'Who belongs to which team; the source of every access decision.';

-- The primary key serves "is this user in this team"; this serves "which teams
-- is this user in" (push_events) and the cascade from auth.users.
create index team_members_user_id_idx on public.team_members (user_id);

create table public.team_invites (
  -- 10 characters from a 32-letter alphabet without 0/O/1/I: 50 random bits,
  -- easy to read out loud and type. join_team() ignores case, spaces and dashes.
  code text primary key check (code ~ '^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$'),
  team_id uuid not null references public.teams (id) on delete cascade,
  created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days'
);
comment on table public.team_invites is 'Reusable invite codes; anyone holding a live code can join until it expires or an owner revokes it.';

create index team_invites_team_id_idx on public.team_invites (team_id);
create index team_invites_created_by_idx on public.team_invites (created_by);

create table public.incident_events (
  -- Client-generated UUIDv7: retries are idempotent by id.
  id uuid primary key,
  -- No cascades into the log: it is the audit trail. Deleting a team, or an
  -- account that wrote events, fails until someone decides what happens to them.
  team_id uuid not null references public.teams (id),
  -- The id of the incident's `declared` event; no foreign key, because events
  -- of one incident may arrive before their `declared` event.
  incident_id uuid not null,
  author_id uuid not null default auth.uid() references auth.users (id),
  kind text not null,
  body jsonb not null,
  -- Hybrid logical clock `wall-counter-node` (lib/clock/hlc.ts); clients order
  -- by (hlc, id). The server orders by server_seq, which only says "arrived".
  hlc text not null,
  created_at timestamptz not null,
  server_seq bigint generated always as identity unique,
  received_at timestamptz not null default now(),
  -- Set by redact_event(), which also empties body.
  redacted_at timestamptz
);
comment on table public.incident_events is 'The append-only incident log shared by a team. Written only by push_events(); scrubbed only by redact_event().';

-- pull_events(): one team's events after a cursor, in server order.
create index incident_events_team_seq_idx on public.incident_events (team_id, server_seq);
-- incident_lead_id(): the lead events of one incident.
create index incident_events_team_incident_idx on public.incident_events (team_id, incident_id);
-- The foreign key check when any account is deleted must not scan the log.
create index incident_events_author_id_idx on public.incident_events (author_id);

create table public.incident_numbers (
  team_id uuid not null references public.teams (id) on delete cascade,
  incident_id uuid not null,
  number integer not null check (number > 0),
  primary key (team_id, incident_id),
  unique (team_id, number)
);
comment on table public.incident_numbers is 'Per-team human incident numbers (INC-12), assigned when an incident''s declared event is first accepted.';


-- =============================================================================
-- Event contract: shared by the table's constraints and push_events()
-- =============================================================================

-- The kinds lib/model/event.ts knows. To add one, replace this function in a
-- new migration; rows already stored are not re-checked.
create function public.incident_event_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'declared', 'title_changed', 'summary_changed', 'severity_changed',
    'lead_changed', 'status_changed', 'note', 'customer_update',
    'follow_up_added', 'follow_up_done', 'feedback', 'screenshot', 'redacted'
  ]
$$;

-- Mirrors HLC_PATTERN in lib/clock/hlc.ts. [0-9] rather than \d: in a UTF-8
-- database \d may accept other scripts' digits.
create function public.is_hlc(p_value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_value ~ '^[0-9]{15}-[0-9]{5}-[0-9a-z]{1,32}$'
$$;

-- A UUID written 8-4-4-4-12, or null. Casting junk raises, which would
-- abort a whole push or make a storage policy error instead of deny.
create function public.try_uuid(p_value text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when p_value ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
      then p_value::uuid
  end
$$;

-- An ISO 8601 timestamp with an explicit offset, or null. The pattern insists
-- on the offset (the cast alone would read '2026-11-26 09:00' in the session's
-- zone); the exception handler catches what a pattern cannot, such as Feb 30.
-- The handler's subtransaction writes nothing, so it never takes an xid.
create function public.try_timestamptz(p_value text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' then
    return null;
  end if;
  return p_value::timestamptz;
exception
  -- Out-of-range fields (Feb 30, 25:00) and offsets (+99:00).
  when datetime_field_overflow or invalid_time_zone_displacement_value or invalid_datetime_format then
    return null;
end
$$;

alter table public.incident_events
  add constraint incident_events_kind_known check (kind = any (public.incident_event_kinds())),
  add constraint incident_events_body_is_object check (jsonb_typeof(body) = 'object'),
  add constraint incident_events_hlc_format check (public.is_hlc(hlc));

-- Why push_events() would refuse an event, or null when it is acceptable.
-- Checked in this order so the reason names the first thing to fix.
create function public.incident_event_rejection(p_event jsonb, p_caller uuid, p_member_of uuid[])
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_author jsonb := p_event -> 'author_id';
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
  elsif jsonb_typeof(p_event -> 'body') is distinct from 'object' then
    return 'body is not a JSON object';
  elsif octet_length((p_event -> 'body')::text) > 65536 then
    return 'body is larger than 64 KB';
  elsif not coalesce(public.is_hlc(p_event ->> 'hlc'), false) then
    return 'hlc is not a hybrid logical clock timestamp';
  elsif public.try_timestamptz(p_event ->> 'created_at') is null then
    return 'created_at is not an ISO 8601 timestamp with an offset';
  -- A missing author_id means "me", like the column default.
  elsif coalesce(public.try_uuid(p_event ->> 'author_id'), p_caller) <> p_caller then
    return 'author_id is not the signed-in user';
  -- Same answer for a team that does not exist: existence is not for outsiders.
  elsif not ((p_event ->> 'team_id')::uuid = any (p_member_of)) then
    return 'not a member of this team';
  end if;
  return null;
end
$$;


-- =============================================================================
-- Membership helpers
--
-- The ones policies call are security definer: a policy on team_members must
-- ask about team_members without recursing into its own RLS. They answer only
-- about the signed-in user. The others run as their caller, which is always
-- one of the security definer functions below; clients cannot execute them.
-- =============================================================================

create function public.is_team_member(p_team_id uuid)
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
  )
$$;
comment on function public.is_team_member(uuid) is 'True when the signed-in user belongs to the team. Used by every policy.';

create function public.is_team_owner(p_team_id uuid)
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
  )
$$;

-- The incident's current lead: the leadId of its latest live `declared` or
-- `lead_changed` event by (hlc, id), the order every client folds in (arrival
-- order would let a late, older handover win). Lead ids are auth user ids once
-- a team is connected. collate "C": byte order, as clients compare HLCs.
-- Internal: called by can_redact_event().
create function public.incident_lead_id(p_team_id uuid, p_incident_id uuid)
returns uuid
language sql
stable
set search_path = ''
as $$
  select public.try_uuid(e.body ->> 'leadId')
  from public.incident_events e
  where e.team_id = p_team_id
    and e.incident_id = p_incident_id
    and e.kind in ('declared', 'lead_changed')
    and e.redacted_at is null
  order by e.hlc collate "C" desc, e.id desc
  limit 1
$$;

-- May the signed-in user redact this event: a member of its team who is its
-- author or the incident's current lead. Shared by redact_event() and the
-- screenshot delete policy so the two can never disagree.
create function public.can_redact_event(p_event_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.incident_events e
    where e.id = p_event_id
      and public.is_team_member(e.team_id)
      and (
        e.author_id = (select auth.uid())
        or public.incident_lead_id(e.team_id, e.incident_id) = (select auth.uid())
      )
  )
$$;

-- The name a member shows under: what they asked for, else their profile's
-- name, else the local part of their email. Internal: called by create_team()
-- and join_team(); it reads auth.users.
create function public.member_display_name(p_user_id uuid, p_requested text)
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
  return left(coalesce(v_fallback, 'Teammate'), 100);
end
$$;


-- =============================================================================
-- Row level security
-- =============================================================================

alter table public.teams enable row level security;
alter table public.team_members enable row level security;
alter table public.team_invites enable row level security;
alter table public.incident_events enable row level security;
alter table public.incident_numbers enable row level security;

-- teams: created through create_team(); nobody edits them from a client.
create policy "Team members can read their teams"
  on public.teams
  for select
  to authenticated
  using (public.is_team_member(id));

-- team_members: written by create_team() and join_team().
create policy "Team members can see who is in their teams"
  on public.team_members
  for select
  to authenticated
  using (public.is_team_member(team_id));

-- team_invites: created by create_team() and create_invite().
create policy "Team members can read their team's invite codes"
  on public.team_invites
  for select
  to authenticated
  using (public.is_team_member(team_id));

create policy "Team owners can revoke their team's invite codes"
  on public.team_invites
  for delete
  to authenticated
  using (public.is_team_owner(team_id));

-- incident_events: read by members; no update or delete policy, ever.
create policy "Team members can read their team's events"
  on public.incident_events
  for select
  to authenticated
  using (public.is_team_member(team_id));

-- Clients hold no insert privilege (see Privileges): a direct insert would
-- skip push_events()'s team lock and could be skipped by pullers. This policy
-- is the second line: should insert ever be granted again, a member can still
-- only add to their own team, and only as themselves.
create policy "Team members can add events to their team as themselves"
  on public.incident_events
  for insert
  to authenticated
  with check (
    public.is_team_member(team_id)
    and author_id = (select auth.uid())
  );

create policy "Team members can read their team's incident numbers"
  on public.incident_numbers
  for select
  to authenticated
  using (public.is_team_member(team_id));


-- =============================================================================
-- Privileges
--
-- Supabase grants anon and authenticated everything on new tables and leaves
-- RLS to guard rows. Narrow that to what clients use, so a missing policy
-- fails closed, and TRUNCATE (which RLS does not cover) is never granted.
-- =============================================================================

revoke all on table
  public.teams, public.team_members, public.team_invites,
  public.incident_events, public.incident_numbers
from anon, authenticated;

-- select on incident_events is also what Realtime's postgres_changes needs.
grant select on table
  public.teams, public.team_members, public.team_invites,
  public.incident_events, public.incident_numbers
to authenticated;

grant delete on table public.team_invites to authenticated;

revoke all on sequence public.incident_events_server_seq_seq from anon, authenticated;


-- =============================================================================
-- RPC: teams and invites
-- =============================================================================

-- A fresh invite code for a team the caller belongs to. Codes are reusable
-- until they expire (14 days), so one code can be posted in a team channel.
create function public.create_invite(p_team_id uuid)
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
comment on function public.create_invite(uuid) is 'Issues a new invite code for a team the caller belongs to; returns the code.';

-- The code to share for a team: its newest invite with at least a day left
-- (one about to lapse is no use to send), else a new one. Lets a client that
-- speaks only RPC show "your invite code" without minting a code per view.
create function public.team_invite_code(p_team_id uuid)
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
  select i.code
    into v_code
  from public.team_invites i
  where i.team_id = p_team_id
    and i.expires_at > now() + interval '1 day'
  order by i.expires_at desc
  limit 1;
  return coalesce(v_code, public.create_invite(p_team_id));
end
$$;
comment on function public.team_invite_code(uuid) is 'The invite code to share for a team (reused while it has a day left, else new); members only.';

-- Creates a team with the caller as its owner and issues its first invite
-- code, which team_invite_code() then returns (members may also read it from
-- team_invites).
create function public.create_team(p_name text, p_display_name text default null)
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

  insert into public.teams (name, created_by)
  values (v_name, v_user_id)
  returning id into v_team_id;

  insert into public.team_members (team_id, user_id, display_name, role)
  values (v_team_id, v_user_id, public.member_display_name(v_user_id, p_display_name), 'owner');

  perform public.create_invite(v_team_id);
  return v_team_id;
end
$$;
comment on function public.create_team(text, text) is 'Creates a team owned by the caller, with one invite code (see team_invite_code). Returns the team id.';

-- Joins the team behind a live invite code. Idempotent: a member gets the
-- team id back unchanged.
create function public.join_team(p_code text, p_display_name text default null)
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
begin
  if v_user_id is null then
    raise exception 'Sign in to join a team' using errcode = '42501';
  end if;

  select i.team_id
    into v_team_id
  from public.team_invites i
  where i.code = v_code
    and i.expires_at > now();

  -- One message for unknown and expired codes: do not confirm which codes exist.
  if v_team_id is null then
    raise exception 'This invite code is not valid or has expired'
      using errcode = 'P0001', hint = 'Ask a teammate for a new code.';
  end if;

  if not exists (
    select 1 from public.team_members m where m.team_id = v_team_id and m.user_id = v_user_id
  ) then
    insert into public.team_members (team_id, user_id, display_name, role)
    values (v_team_id, v_user_id, public.member_display_name(v_user_id, p_display_name), 'member')
    on conflict (team_id, user_id) do nothing;
  end if;
  return v_team_id;
end
$$;
comment on function public.join_team(text, text) is 'Joins the team of a live invite code; returns the team id. Raises P0001 for an unknown or expired code.';


-- =============================================================================
-- RPC: the event log
-- =============================================================================

-- Appends a batch of events. Each event is accepted or rejected on its own, so
-- one bad event never blocks the queue behind it. Input:
--   [{id, team_id, incident_id, author_id, kind, body, hlc, created_at}, …]
-- Output, in input order:
--   {"results": [{"id", "status": "accepted"}
--               | {"id", "status": "rejected", "reason"}], "accepted": n, "rejected": n}
-- An accepted `declared` result also carries its "incident_number".
-- Re-pushing a stored event (same id, team and author) is accepted: retries
-- are safe.
--
-- Security definer because clients hold no insert privilege on the log.
create function public.push_events(events jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_user_id uuid := (select auth.uid());
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
  if jsonb_array_length(events) > 1000 then
    raise exception 'push_events accepts at most 1000 events per call' using errcode = '22023';
  end if;

  select coalesce(array_agg(m.team_id), '{}')
    into v_member_of
  from public.team_members m
  where m.user_id = v_user_id;

  -- 1. Judge every event before writing anything.
  select coalesce(array_agg(public.incident_event_rejection(e.value, v_user_id, v_member_of) order by e.ordinality), '{}')
    into v_rejections
  from jsonb_array_elements(events) with ordinality as e;

  -- 2. Serialise per team. server_seq comes from a sequence, and sequence
  --    values are handed out at insert time but become visible at commit:
  --    without this lock, a pusher holding seq 10 could commit after another
  --    holding seq 11, and a puller that already moved its cursor to 11 would
  --    never see 10. Holding the team's lock from before the first insert
  --    until commit makes a team's rows commit in server_seq order.
  --    Locks are taken in key order so two batches spanning several teams
  --    cannot deadlock; a hash collision between teams only serialises more.
  for v_lock_key in
    -- ::uuid::text: one key per team however the client spelled the id.
    select distinct hashtextextended('public.incident_events:' || ((e.value ->> 'team_id')::uuid)::text, 0)
    from jsonb_array_elements(events) with ordinality as e
    where v_rejections[e.ordinality] is null
    order by 1
  loop
    perform pg_advisory_xact_lock(v_lock_key);
  end loop;

  -- 3. Insert in input order.
  for v_event, v_position in
    select e.value, e.ordinality from jsonb_array_elements(events) with ordinality as e
  loop
    v_reason := v_rejections[v_position];
    v_number := null;

    if v_reason is null then
      v_id := (v_event ->> 'id')::uuid;
      v_team_id := (v_event ->> 'team_id')::uuid;
      v_incident_id := (v_event ->> 'incident_id')::uuid;

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

      if v_inserted is null then
        -- Already stored. The same event again is a retry; anything else is
        -- a different event wearing a used id.
        if not exists (
          select 1 from public.incident_events x
          where x.id = v_id and x.team_id = v_team_id and x.author_id = v_user_id
        ) then
          v_reason := 'id is already used by another event';
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
comment on function public.push_events(jsonb) is 'Appends events idempotently; per-event accept/reject with a reason, in input order.';

-- One page of a team's events after a cursor, in server_seq order:
--   {"events": [{id, team_id, incident_id, author_id, kind, body, hlc,
--                created_at, server_seq, received_at, redacted_at,
--                incident_number}, …],
--    "cursor": <last server_seq returned, or p_after when there is none>}
-- incident_number is null until the incident's `declared` event has arrived;
-- a `declared` row always carries it. p_limit is clamped to 1..1000.
--
-- Security invoker: RLS already lets members read these rows, so it is the
-- second guard behind the explicit membership check.
create function public.pull_events(p_team_id uuid, p_after bigint, p_limit integer default 500)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_after bigint := coalesce(p_after, 0);
  v_limit integer := least(greatest(coalesce(p_limit, 500), 1), 1000);
  v_events jsonb;
  v_cursor bigint;
begin
  if not public.is_team_member(p_team_id) then
    raise exception 'Only members of a team can pull its events' using errcode = '42501';
  end if;

  select coalesce(jsonb_agg(to_jsonb(page) order by page.server_seq), '[]'::jsonb),
         coalesce(max(page.server_seq), v_after)
    into v_events, v_cursor
  from (
    select e.id, e.team_id, e.incident_id, e.author_id, e.kind, e.body, e.hlc,
           e.created_at, e.server_seq, e.received_at, e.redacted_at,
           n.number as incident_number
    from public.incident_events e
    left join public.incident_numbers n
      on n.team_id = e.team_id and n.incident_id = e.incident_id
    where e.team_id = p_team_id
      and e.server_seq > v_after
    order by e.server_seq
    limit v_limit
  ) as page;

  return jsonb_build_object('events', v_events, 'cursor', v_cursor);
end
$$;
comment on function public.pull_events(uuid, bigint, integer) is 'A page of the team''s events with server_seq > p_after, plus the next cursor.';

-- Scrubs one event for everyone: body becomes {}, redacted_at is set, and its
-- screenshot's storage row {team_id}/{incident_id}/{event_id}.* is removed so
-- the image can no longer be downloaded. Allowed for the event's author and
-- the incident's current lead. Idempotent.
--
-- The client should first delete the image through the Storage API
-- (storage.from('incident-screenshots').remove(...), allowed by the delete
-- policy below), which removes the bytes too; deleting the row here makes the
-- image unreachable even if that call never happened. The redaction reaches
-- other devices as the `redacted` event the client pushes: server_seq does
-- not change, so pullers that already hold the event scrub it by folding that
-- event, and later pullers receive the empty body.
--
-- `storage.allow_delete_query`: Supabase refuses plain SQL deletes on
-- storage.objects unless this is set (supabase/storage#817,
-- migrations/tenant/0055-prevent-direct-deletes.sql). It is set with
-- set_config(…, true) around the delete and restored right after, not with a
-- function-level SET clause: PostgreSQL lets only a superuser attach an
-- unregistered (placeholder) parameter to a function, and migrations run as
-- `postgres`, which is not one ("permission denied to set parameter").
-- On error the transaction rolls back, and the setting with it.
create function public.redact_event(p_event_id uuid)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_team_id uuid;
  v_incident_id uuid;
  v_allow_delete text;
begin
  select e.team_id, e.incident_id
    into v_team_id, v_incident_id
  from public.incident_events e
  where e.id = p_event_id
  for update;

  -- Outsiders learn nothing, not even that the event exists.
  if v_team_id is null or not public.is_team_member(v_team_id) then
    raise exception 'Event not found' using errcode = 'P0002';
  end if;
  if not public.can_redact_event(p_event_id) then
    raise exception 'Only the author of an event or the lead of its incident can redact it'
      using errcode = '42501';
  end if;

  update public.incident_events e
    set body = '{}'::jsonb,
        redacted_at = coalesce(e.redacted_at, now())
  where e.id = p_event_id;

  -- UUIDs hold no LIKE wildcards, so the pattern is exactly "this name, any
  -- extension"; name_prefix_search (text_pattern_ops) serves the prefix.
  v_allow_delete := current_setting('storage.allow_delete_query', true);
  perform set_config('storage.allow_delete_query', 'true', true);
  delete from storage.objects o
  where o.bucket_id = 'incident-screenshots'
    and o.name like v_team_id || '/' || v_incident_id || '/' || p_event_id || '.%';
  perform set_config('storage.allow_delete_query', coalesce(v_allow_delete, ''), true);
end
$$;
comment on function public.redact_event(uuid) is 'Empties an event''s body and deletes its screenshot row; author or incident lead only.';


-- =============================================================================
-- Function privileges
--
-- Functions are executable by PUBLIC by default, and Supabase also grants anon
-- explicitly. Everything here is for signed-in users; the internal helpers are
-- for the functions above only.
-- =============================================================================

revoke execute on function
  public.create_team(text, text),
  public.join_team(text, text),
  public.create_invite(uuid),
  public.team_invite_code(uuid),
  public.push_events(jsonb),
  public.pull_events(uuid, bigint, integer),
  public.redact_event(uuid),
  public.is_team_member(uuid),
  public.is_team_owner(uuid),
  public.can_redact_event(uuid),
  public.incident_lead_id(uuid, uuid),
  public.member_display_name(uuid, text),
  public.incident_event_rejection(jsonb, uuid, uuid[]),
  public.incident_event_kinds(),
  public.is_hlc(text),
  public.try_uuid(text),
  public.try_timestamptz(text)
from public, anon;

grant execute on function
  public.create_team(text, text),
  public.join_team(text, text),
  public.create_invite(uuid),
  public.team_invite_code(uuid),
  public.push_events(jsonb),
  public.pull_events(uuid, bigint, integer),
  public.redact_event(uuid),
  -- Called by policies, which run as the querying role.
  public.is_team_member(uuid),
  public.is_team_owner(uuid),
  public.can_redact_event(uuid),
  public.try_uuid(text),
  -- Called by incident_events' check constraints.
  public.incident_event_kinds(),
  public.is_hlc(text)
to authenticated;

-- Not callable by clients at all: they read other people's rows or profiles.
revoke execute on function
  public.incident_lead_id(uuid, uuid),
  public.member_display_name(uuid, text),
  public.incident_event_rejection(jsonb, uuid, uuid[]),
  public.try_timestamptz(text)
from authenticated;


-- =============================================================================
-- Storage: screenshots at incident-screenshots/{team_id}/{incident_id}/{event_id}.{ext}
-- =============================================================================

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values (
  'incident-screenshots',
  'incident-screenshots',
  false, -- private: every download is authorised by the policies below
  10485760, -- 10 MiB: a tall full-page capture, far above the 100 KB typical one
  array['image/webp', 'image/jpeg', 'image/png']
)
on conflict (id) do nothing;

-- The first folder is the team. try_uuid: a stray name like 'notes/x.png'
-- must deny, not raise.
create policy "Team members can view their team's screenshots"
  on storage.objects
  for select
  to authenticated
  using (
    bucket_id = 'incident-screenshots'
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
  );

create policy "Team members can upload screenshots to their team's folder"
  on storage.objects
  for insert
  to authenticated
  with check (
    bucket_id = 'incident-screenshots'
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
  );

-- A screenshot is part of an event, and events are immutable: only the
-- uploader may overwrite (an upsert retry of their own upload).
create policy "Uploaders can replace their own screenshots"
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
    and owner_id = (select auth.uid()::text)
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
  );

-- Deleting a screenshot is redacting it: the same people as redact_event()
-- (the event's author or the incident's lead), plus the uploader, who may
-- clean up an upload whose event was never accepted.
create policy "Uploaders, authors and incident leads can delete screenshots"
  on storage.objects
  for delete
  to authenticated
  using (
    bucket_id = 'incident-screenshots'
    and public.is_team_member(public.try_uuid((storage.foldername(name))[1]))
    and (
      owner_id = (select auth.uid()::text)
      or public.can_redact_event(public.try_uuid(split_part(storage.filename(name), '.', 1)))
    )
  );


-- =============================================================================
-- Realtime: postgres_changes on the log is a poke to pull sooner (RLS applies)
-- =============================================================================

do $$
begin
  if exists (select 1 from pg_publication where pubname = 'supabase_realtime')
     and not exists (
       select 1 from pg_publication_tables
       where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'incident_events'
     ) then
    alter publication supabase_realtime add table public.incident_events;
  end if;
end
$$;
