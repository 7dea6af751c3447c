// A team's history written straight into PostgreSQL for the first-sync
// benches (issue 13): `incidents` incidents of `perIncident` events each, as a
// team makes them: a declaration, a severity change, notes, a customer update
// every ten events, and a resolution (one incident in twenty is still
// active: the side panel's Active list has rows). Incidents run `overlap` at a time, so an
// incident's events sit close together in server_seq (interleaved with a few
// others'), as they do when people work an incident for an hour or two.
// Clocks (hlc) rise with server order, in the past, so none is held back.
// Every incident gets its INC number, as push_events would give it.

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface SeedOptions {
  teamId: string;
  authorId: string;
  incidents: number;
  perIncident?: number;
  overlap?: number;
}

export async function seedTeamHistory(query: Query, { teamId, authorId, incidents, perIncident = 50, overlap = 10 }: SeedOptions): Promise<number> {
  // In slices of 2,000 incidents: one statement of 1,000,000 rows holds every
  // generated row in memory at once.
  const slice = 2_000;
  for (let from = 0; from < incidents; from += slice) {
    const to = Math.min(incidents, from + slice);
    await query(
      `with inc as (
         select k, gen_random_uuid() as id from generate_series($3::int, $4::int - 1) as k
       ), ev as (
         select inc.k, inc.id as incident_id, n, case when n = 0 then inc.id else gen_random_uuid() end as id,
                row_number() over (order by inc.k / $6::int, n, inc.k % $6::int) + $3::bigint * $5::int as g
         from inc cross join generate_series(0, $5::int - 1) as n
       )
       insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
       select ev.id, $1::uuid, ev.incident_id, $2::uuid,
              case when n = 0 then 'declared' when n = $5::int - 1 and k % 20 <> 0 then 'status_changed' when n = 1 then 'severity_changed'
                   when n % 10 = 5 then 'customer_update' else 'note' end,
              case when n = 0 then jsonb_build_object('title', 'Checkout errors after deploy ' || k, 'severity', 'minor',
                                                      'leadId', $2::text, 'leadName', 'Writer')
                   when n = $5::int - 1 and k % 20 <> 0 then '{"status": "resolved", "outcome": "fixed"}'::jsonb
                   when n = 1 then '{"severity": "major"}'::jsonb
                   when n % 10 = 5 then jsonb_build_object('channel', 'status_page', 'text', 'We are investigating elevated errors at checkout (' || n || ').')
                   else jsonb_build_object('text', 'note ' || n || ' of incident ' || k || ': p99 latency 1.2 s on /checkout, pool at 95%', 'format', 'plain') end,
              lpad((1764147600000 + g * 1000)::text, 15, '0') || '-00000-bench',
              to_timestamp((1764147600000 + g * 1000) / 1000.0)
       from ev
       order by g`,
      [teamId, authorId, from, to, perIncident, overlap],
    );
  }
  await query(
    `insert into public.incident_numbers (team_id, incident_id, number)
     select $1::uuid, id, (select coalesce(max(number), 0) from public.incident_numbers where team_id = $1::uuid) + row_number() over (order by server_seq)
     from public.incident_events
     where team_id = $1::uuid and kind = 'declared' and id not in (select incident_id from public.incident_numbers where team_id = $1::uuid)`,
    [teamId],
  );
  await query('analyze public.incident_events');
  return incidents * perIncident;
}
