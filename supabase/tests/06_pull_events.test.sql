-- pull_events(): one team's events after a cursor, in server_seq order, with
-- the next cursor; members only.
begin;
create extension if not exists pgtap with schema extensions;
select plan(17);

-- ---------------------------------------------------------------------------
-- Cast (fixed ids, helpers tests.* from 000_setup.test.sql; everything here is rolled back)
--   owner     owns team A          mate   member of team A
--   outsider  owns team B, never in team A
-- ---------------------------------------------------------------------------
select tests.create_cast();

-- Follows the cursor page by page, as the sync engine does; returns every event seen.
create function pg_temp.pull_all(p_team text, p_limit int) returns jsonb language plpgsql as $$
declare
  v_cursor bigint := 0;
  v_page jsonb;
  v_all jsonb := '[]';
begin
  loop
    v_page := public.pull_events(tests.team_id(p_team), v_cursor, p_limit);
    exit when jsonb_array_length(v_page -> 'events') = 0;
    v_all := v_all || (v_page -> 'events');
    v_cursor := (v_page ->> 'cursor')::bigint;
  end loop;
  return v_all;
end
$$;

-- Team A: a declared incident and five notes from mate; team B's event lands
-- in the middle of team A's server_seq range.
select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  tests.event('a0000000-0000-7000-8000-000000000001', 'A', 'mate', 'declared',
    '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'),
  tests.event('a0000000-0000-7000-8000-000000000002', 'A', 'mate', 'note', '{"text": "1"}', 'a0000000-0000-7000-8000-000000000001'),
  tests.event('a0000000-0000-7000-8000-000000000003', 'A', 'mate', 'note', '{"text": "2"}', 'a0000000-0000-7000-8000-000000000001')
));
select tests.sign_in('outsider');
select public.push_events(jsonb_build_array(
  tests.event('b0000000-0000-7000-8000-000000000001', 'B', 'outsider', 'note', '{"text": "team B"}', 'b0000000-0000-7000-8000-000000000009')
));
select tests.sign_in('mate');
select public.push_events(jsonb_build_array(
  tests.event('a0000000-0000-7000-8000-000000000004', 'A', 'mate', 'note', '{"text": "3"}', 'a0000000-0000-7000-8000-000000000001'),
  tests.event('a0000000-0000-7000-8000-000000000005', 'A', 'mate', 'note', '{"text": "4"}', 'a0000000-0000-7000-8000-000000000001'),
  tests.event('a0000000-0000-7000-8000-000000000006', 'A', 'mate', 'note', '{"text": "5"}', 'a0000000-0000-7000-8000-000000000001')
));

-- ---------------------------------------------------------------------------
-- Paging as the owner
-- ---------------------------------------------------------------------------
select tests.sign_in('owner');

create temporary table first_page as select public.pull_events(tests.team_id('A'), 0, 2) as page;
grant select on first_page to public;

select is(
  (select jsonb_path_query_array(page, '$.events[*].id') from first_page),
  '["a0000000-0000-7000-8000-000000000001", "a0000000-0000-7000-8000-000000000002"]'::jsonb,
  'the first page holds the two oldest events'
);
select is(
  (select (page ->> 'cursor')::bigint from first_page),
  (select server_seq from public.incident_events where id = 'a0000000-0000-7000-8000-000000000002'),
  'the cursor is the last returned server_seq'
);
select is(
  jsonb_path_query_array(
    public.pull_events(tests.team_id('A'), (select (page ->> 'cursor')::bigint from first_page), 2),
    '$.events[*].id'),
  '["a0000000-0000-7000-8000-000000000003", "a0000000-0000-7000-8000-000000000004"]'::jsonb,
  'the next page starts right after the cursor, skipping team B''s event in between'
);
select is(
  jsonb_path_query_array(pg_temp.pull_all('A', 2), '$[*].id'),
  '["a0000000-0000-7000-8000-000000000001", "a0000000-0000-7000-8000-000000000002",
    "a0000000-0000-7000-8000-000000000003", "a0000000-0000-7000-8000-000000000004",
    "a0000000-0000-7000-8000-000000000005", "a0000000-0000-7000-8000-000000000006"]'::jsonb,
  'following the cursor yields every event of the team exactly once, in order'
);
select ok(
  (select bool_and(seq > previous)
   from (
     select (e ->> 'server_seq')::bigint as seq,
            lag((e ->> 'server_seq')::bigint) over (order by n) as previous
     from jsonb_array_elements(pg_temp.pull_all('A', 1)) with ordinality as x (e, n)
   ) as s
   where previous is not null),
  'server_seq strictly increases through one-event pages'
);

create temporary table tail as
  select public.pull_events(tests.team_id('A'), (select max(server_seq) from public.incident_events), 10) as page;
grant select on tail to public;
select is(
  (select page from tail),
  jsonb_build_object('events', '[]'::jsonb, 'cursor', (select max(server_seq) from public.incident_events)),
  'past the end: no events, and the cursor stays where it was'
);

-- ---------------------------------------------------------------------------
-- What a pulled event carries
-- ---------------------------------------------------------------------------
select is(
  (select array_agg(k order by k) from jsonb_object_keys(public.pull_events(tests.team_id('A'), 0, 1) #> '{events,0}') as k),
  array['author_id', 'body', 'created_at', 'hlc', 'id', 'incident_id', 'incident_number', 'kind',
        'received_at', 'redacted_at', 'server_seq', 'team_id'],
  'an event carries the pushed fields plus server_seq, received_at, redacted_at and incident_number'
);
select is(
  public.pull_events(tests.team_id('A'), 0, 1) #> '{events,0,body}',
  '{"title": "Checkout down", "severity": "major", "leadId": "22222222-2222-4222-8222-222222222222", "leadName": "Mateo"}'::jsonb,
  'the body comes back as pushed'
);
select is(
  jsonb_path_query_array(pg_temp.pull_all('A', 100), '$[*].incident_number'),
  '[1, 1, 1, 1, 1, 1]'::jsonb,
  'every event of the incident carries its number'
);

-- ---------------------------------------------------------------------------
-- Arguments
-- ---------------------------------------------------------------------------
select is(
  jsonb_array_length(public.pull_events(tests.team_id('A'), null, 100) -> 'events'),
  6,
  'a null cursor means from the start'
);
select is(
  jsonb_array_length(public.pull_events(tests.team_id('A'), 0, 0) -> 'events'),
  1,
  'a limit below 1 still returns one event'
);
select is(
  jsonb_array_length(public.pull_events(tests.team_id('A'), 0) -> 'events'),
  6,
  'the limit is optional'
);

reset role;
insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
select gen_random_uuid(), tests.team_id('A'), 'a0000000-0000-7000-8000-000000000001', tests.user_id('mate'),
       'note', jsonb_build_object('text', i), '001764147700000-' || lpad(i::text, 5, '0') || '-node2', now()
from generate_series(1, 1005) as i;
select tests.sign_in('owner');
select is(
  jsonb_array_length(public.pull_events(tests.team_id('A'), 0, 5000) -> 'events'),
  1000,
  'a page never holds more than 1000 events'
);

-- ---------------------------------------------------------------------------
-- Outsider and anon
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select throws_ok(
  $$ select public.pull_events(tests.team_id('A'), 0, 10) $$,
  '42501', 'Only members of a team can pull its events',
  'outsider: cannot pull team A'
);
select is(
  jsonb_path_query_array(public.pull_events(tests.team_id('B'), 0, 10), '$.events[*].id'),
  '["b0000000-0000-7000-8000-000000000001"]'::jsonb,
  'outsider: pulls their own team''s events only'
);
select throws_ok(
  $$ select public.pull_events('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 0, 10) $$,
  '42501', 'Only members of a team can pull its events',
  'a team that does not exist answers like one you are not in'
);

select tests.sign_out();
select throws_ok(
  $$ select public.pull_events(tests.team_id('A'), 0, 10) $$,
  '42501', null,
  'anon: cannot call pull_events'
);

select * from finish();
rollback;
