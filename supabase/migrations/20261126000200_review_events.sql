-- =============================================================================
-- Review and reactions (issue 5): teammates mark incidents they were not part
-- of as reviewed, and react to timeline entries. Two more event kinds; every
-- other rule (membership, authorship, immutability) is unchanged.
--
-- incident_event_kinds() is immutable and backs the incident_events_kind_known
-- check: replacing it widens what new rows may carry; stored rows all passed
-- the narrower list already.
-- =============================================================================

create or replace function public.incident_event_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'declared', 'title_changed', 'summary_changed', 'severity_changed',
    'lead_changed', 'status_changed', 'note', 'customer_update',
    'follow_up_added', 'follow_up_done', 'feedback', 'screenshot', 'redacted',
    'reviewed', 'reaction'
  ]
$$;
