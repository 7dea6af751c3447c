-- =============================================================================
-- Annotated copies (issue 11): who may remove a screenshot drawn on by someone
-- else.
--
-- What this file guarantees, on top of 20261130000000_team_authority.sql:
--   * An annotated copy is an ordinary screenshot event whose body names the
--     screenshot it annotates (body.annotatesEventId, lib/model/event.ts). A
--     teammate may annotate anyone's screenshot, and the copy shows the same
--     pixels as the original, so whoever may remove the original may remove
--     its copies: a `redacted` event naming an annotated copy is accepted
--     from the copy's author, the incident's lead (as before), and also from
--     the author of the screenshot it annotates, when that screenshot is in
--     the same team and incident. Nothing else changes: a note or another
--     incident's screenshot named as the "original" lends nobody a say.
--   * redact_event() and the Storage delete that goes with it follow the same
--     rule through can_redact_event(), so the server scrubs such a copy's
--     image for the original's author too.
--   * Clients apply the same rule when they fold (lib/incidents/authority.ts,
--     redactionRefusal), so no device shows what another hides.
--
-- Installs as `postgres` (no superuser needed), like every migration here.
-- =============================================================================


-- The author of the screenshot that p_event_id annotates, in the same team and
-- incident; null when p_event_id is not an annotated copy (or its original is
-- elsewhere, or not a screenshot).
create function public.annotated_author(p_team_id uuid, p_incident_id uuid, p_event_id uuid)
returns uuid
language sql
stable
set search_path = ''
as $$
  select o.author_id
  from public.incident_events c
  join public.incident_events o
    on o.id = public.try_uuid(c.body ->> 'annotatesEventId')
   and o.team_id = c.team_id
   and o.incident_id = c.incident_id
   and o.kind = 'screenshot'
  where c.id = p_event_id
    and c.team_id = p_team_id
    and c.incident_id = p_incident_id
    and c.kind = 'screenshot'
$$;
comment on function public.annotated_author(uuid, uuid, uuid) is 'Author of the screenshot an annotated copy annotates (same team and incident), or null.';

-- As in 20261130000000_team_authority.sql, plus the original's author for an annotated copy.
create or replace function public.redaction_rejection(p_event jsonb, p_caller uuid)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  v_team_id uuid := (p_event ->> 'team_id')::uuid;
  v_incident_id uuid := (p_event ->> 'incident_id')::uuid;
  v_target_id uuid := public.try_uuid(p_event -> 'body' ->> 'eventId');
  v_target_author uuid;
begin
  select e.author_id
    into v_target_author
  from public.incident_events e
  where e.id = v_target_id
    and e.team_id = v_team_id
    and e.incident_id = v_incident_id;
  if not found then
    return 'redaction target is not an entry of this incident';
  end if;
  if v_target_author = p_caller
     or public.incident_lead_as_of(v_team_id, v_incident_id, p_event ->> 'hlc', (p_event ->> 'id')::uuid) = p_caller
     or public.annotated_author(v_team_id, v_incident_id, v_target_id) = p_caller then
    return null;
  end if;
  return 'only the author of an entry or the incident''s lead can remove it';
end
$$;

-- As in 20261126000000_team_sync.sql, plus the original's author for an
-- annotated copy. Shared by redact_event() (and so the Storage delete it does).
create or replace function public.can_redact_event(p_event_id uuid)
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
        or public.annotated_author(e.team_id, e.incident_id, e.id) = (select auth.uid())
      )
  )
$$;


-- =============================================================================
-- Function privileges: internal, like redaction_rejection() (called by the
-- security definer push_events() and can_redact_event()).
-- =============================================================================

revoke execute on function public.annotated_author(uuid, uuid, uuid) from public, anon, authenticated;
