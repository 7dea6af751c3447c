-- Follow-up links (20261202000000_follow_up_links.sql): anyone in the team may
-- link a follow-up to its tracker issue, replace or clear the link; the URL
-- must be https; outsiders and anon can neither push one nor read it.
-- Actors: owner (declared and leads I), mate (a teammate), outsider, anon.
begin;
create extension if not exists pgtap with schema extensions;
select plan(15);

select tests.create_cast();

-- Event ids: I = b1…00 (declared by owner), F = owner's follow-up b1…f1.
create function pg_temp.link(p_id uuid, p_author text, p_url jsonb, p_hlc text, p_follow_up text default 'b1000000-0000-7000-8000-0000000000f1')
returns jsonb language sql immutable as $$
  select tests.event(p_id, 'A', p_author, 'follow_up_linked',
    jsonb_build_object('followUpId', p_follow_up, 'url', p_url),
    'b1000000-0000-7000-8000-000000000000', p_hlc)
$$;
-- The verdict on the first event of a push: 'accepted' or the reason.
create function pg_temp.verdict(p_events jsonb) returns text language sql as $$
  select coalesce(r ->> 'reason', r ->> 'status')
  from (select public.push_events(p_events) #> '{results,0}' as r) x
$$;

select tests.sign_in('owner');
select public.push_events(jsonb_build_array(
  tests.event('b1000000-0000-7000-8000-000000000000', 'A', 'owner', 'declared',
    '{"title": "I", "severity": "minor", "leadId": "11111111-1111-4111-8111-111111111111", "leadName": "Olivia"}',
    null, '001764147600000-00000-node1'),
  tests.event('b1000000-0000-7000-8000-000000000010', 'A', 'owner', 'follow_up_added',
    '{"followUpId": "b1000000-0000-7000-8000-0000000000f1", "text": "Alert on pool exhaustion"}',
    'b1000000-0000-7000-8000-000000000000', '001764147601000-00000-node1')
));

select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000011', 'owner',
    '"https://github.com/acme/web/issues/42"', '001764147602000-00000-node1'))),
  'accepted',
  'owner: may link a follow-up to a GitHub issue'
);

-- ---------------------------------------------------------------------------
-- A teammate who neither leads nor wrote the follow-up
-- ---------------------------------------------------------------------------
select tests.sign_in('mate');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000012', 'mate',
    '"https://acme.atlassian.net/browse/OPS-7"', '001764147603000-00000-node2'))),
  'accepted',
  'teammate: may replace the link (anyone in the team, as for ticking a follow-up off)'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000013', 'mate',
    'null', '001764147604000-00000-node2'))),
  'accepted',
  'teammate: may clear the link (url null)'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000014', 'mate',
    '"https://jira.example.com:8443/browse/OPS-7"', '001764147605000-00000-node2'))),
  'accepted',
  'teammate: a custom Jira domain with a port is an https link like any other'
);

-- ---------------------------------------------------------------------------
-- Bad links: refused with a reason, nothing stored
-- ---------------------------------------------------------------------------
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000021', 'mate',
    '"http://github.com/acme/web/issues/42"', '001764147606000-00000-node2'))),
  'url is not an https link to a tracker issue',
  'http is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000022', 'mate',
    '"javascript:alert(1)//https://github.com"', '001764147606000-00000-node2'))),
  'url is not an https link to a tracker issue',
  'javascript: is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000023', 'mate',
    '"https://user@github.com/acme/web/issues/1"', '001764147606000-00000-node2'))),
  'url is not an https link to a tracker issue',
  'user info in the host is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000024', 'mate',
    '"https://github.com/acme/web/issues/1 x"', '001764147606000-00000-node2'))),
  'url is not an https link to a tracker issue',
  'a space is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000025', 'mate',
    to_jsonb('https://github.com/' || repeat('a', 2040)), '001764147606000-00000-node2'))),
  'url is longer than 2,048 characters',
  'a URL over 2,048 characters is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000026', 'mate',
    '42', '001764147606000-00000-node2'))),
  'url is not a string',
  'a url that is not a string is refused'
);
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000027', 'mate',
    '"https://github.com/acme/web/issues/1"', '001764147606000-00000-node2', 'not-a-uuid'))),
  'followUpId is not a UUID',
  'a followUpId that is not a UUID is refused'
);
select is(
  (select count(*)::integer from public.incident_events where id::text like 'b1000000-0000-7000-8000-00000000002%'),
  0,
  'no refused link was stored'
);
select results_eq(
  $$ select body ->> 'url' from public.incident_events where kind = 'follow_up_linked' order by hlc, id $$,
  $$ values ('https://github.com/acme/web/issues/42'), ('https://acme.atlassian.net/browse/OPS-7'), (null), ('https://jira.example.com:8443/browse/OPS-7') $$,
  'teammates read every link, in clock order'
);

-- ---------------------------------------------------------------------------
-- Outsider and anon
-- ---------------------------------------------------------------------------
select tests.sign_in('outsider');
select is(
  pg_temp.verdict(jsonb_build_array(pg_temp.link('b1000000-0000-7000-8000-000000000031', 'outsider',
    '"https://github.com/evil/web/issues/1"', '001764147607000-00000-node3'))),
  'not a member of this team',
  'outsider: cannot link team A''s follow-up'
);
select tests.sign_out();
select throws_ok(
  $$ select public.follow_up_link_rejection('{}'::jsonb) $$,
  '42501', null,
  'anon: follow_up_link_rejection() is internal'
);

select * from finish();
rollback;
