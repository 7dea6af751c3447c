// Push 10,000 queued events and pull 100,000 through the Supabase stand-in in
// front of real PostgreSQL, with the real supabase-js client and the extension's
// sync code on fake-indexeddb. Floors, same run: the bare RPC calls alone.
// Run: npm run bench:sync (prints a table; record it in bench/README.md).
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { declareIncident, addNote } from '../lib/incidents/operations';
import { pullTeam } from '../lib/sync/pull';
import { pushOutbox } from '../lib/sync/push';
import { toRow } from '../lib/sync/row';
import { supabaseTransport } from '../lib/sync/supabase-transport';
import { startSyncBackend } from '../test/support/sync-backend';
import { device, makeTeam, signedInClient } from '../test/support/sync-device';
import { SMOKE, within } from './wait.mjs';

// BENCH_SMOKE=1 (npm run bench:smoke, in npm test): 1,000 pushed, 2,000 pulled; it proves every step still runs.
const PUSH = SMOKE ? 1_000 : 10_000;
const PULL = Number(process.env.BENCH_PULL ?? (SMOKE ? 2_000 : 100_000));

it(`push ${PUSH.toLocaleString('en')} / pull ${PULL.toLocaleString('en')}`, { timeout: 600_000 }, async () => {
  const backend = await startSyncBackend();
  const database = backend;
  try {
    // The floor pushes as someone else: push_events allows each person 20,000
    // events a minute, and the floor and the measured push are 10,000 each.
    const [writer, reader, floorWriter] = await Promise.all([
      signedInClient(backend, `bench-writer-${Date.now()}@example.test`, 60_000),
      signedInClient(backend, `bench-reader-${Date.now()}@example.test`, 60_000),
      signedInClient(backend, `bench-floor-${Date.now()}@example.test`, 60_000),
    ]);
    const teamId = await makeTeam(writer.client, [reader.client]);
    const a = device(writer.client, writer.userId, 'Writer', teamId);
    for (let i = 0; i < PUSH / 100; i++) {
      const { id } = await declareIncident(a.ctx, { title: `Bench incident ${i}` });
      for (let n = 0; n < 99; n++) await addNote(a.ctx, id, { text: `note ${n} of incident ${i}: p99 latency 1.2 s on /checkout` });
    }
    const transport = supabaseTransport(writer.client);

    // Floor: the same rows through the bare RPC, into a scratch team.
    const scratch = await makeTeam(floorWriter.client, [], 'Scratch');
    const floorTransport = supabaseTransport(floorWriter.client);
    const rows = (await a.ctx.db.events.toArray()).map((e) => {
      const id = crypto.randomUUID();
      // A declared event's id is its incident's id (push_events refuses any other).
      return { ...toRow(e), id, incident_id: e.kind === 'declared' ? id : e.incidentId, team_id: scratch, author_id: floorWriter.userId };
    });
    let t = performance.now();
    for (let i = 0; i < rows.length; i += 200) {
      const outcomes = await within(`the floor's push_events batch at ${i}`, 60_000, floorTransport.push(rows.slice(i, i + 200)));
      if (outcomes.some((o) => o.status !== 'accepted')) throw new Error(`Floor push refused: ${outcomes.find((o) => o.status !== 'accepted')?.reason}`);
    }
    const pushFloor = performance.now() - t;

    t = performance.now();
    const pushed = await within(`pushing ${PUSH} queued events`, 300_000, pushOutbox(a.ctx.db, transport, teamId, writer.userId, { batchSize: 200 }));
    const pushMs = performance.now() - t;
    expect(pushed.accepted).toBe(PUSH);

    // The rest written server-side (90,000 in the full run), so the team holds PULL.
    // Spread over the incidents by joining on a numbered list of them (a
    // per-row `offset` subquery here took over five minutes).
    await database.query(
      `with incidents as (
         select incident_id, (row_number() over (order by server_seq) - 1)::int as k
         from public.incident_events where team_id = $1 and kind = 'declared'
       )
       insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
       select gen_random_uuid(), $1, i.incident_id, $2, 'note',
              jsonb_build_object('text', 'server note ' || g, 'format', 'plain'),
              lpad((1764147600000 + g)::text, 15, '0') || '-00000-bench', now()
       from generate_series(1, $3::int) g
       join incidents i on i.k = g % (select count(*) from incidents)
       order by g`,
      [teamId, writer.userId, PULL - PUSH],
    );

    const readerTransport = supabaseTransport(reader.client);
    t = performance.now();
    let cursor = 0;
    let fetched = 0;
    for (;;) {
      const page = await within(`the floor's pull_events page after ${cursor}`, 60_000, readerTransport.pull(teamId, cursor, 1000));
      fetched += page.events.length;
      if (page.events.length < 1000) break;
      cursor = page.cursor;
    }
    const pullFloor = performance.now() - t;
    expect(fetched).toBe(PULL);

    const b = device(reader.client, reader.userId, 'Reader', teamId);
    t = performance.now();
    const pulled = await within(`pulling ${PULL} events`, 300_000, pullTeam(b.ctx.db, readerTransport, teamId, { limit: 1000 }));
    const pullMs = performance.now() - t;
    expect(pulled.added).toBe(PULL);
    expect(await b.ctx.db.incidents.count()).toBe(PUSH / 100);

    const row = (what: string, ms: number, floor: number, target: number) =>
      `| ${what} | ${(ms / 1000).toFixed(2)} s | ${(floor / 1000).toFixed(2)} s | ≤ ${target} s | ${ms <= target * 1000 ? 'met' : '**missed**'} |`;
    console.log(
      [
        '| what | measured | floor: bare RPCs, same run | target | |',
        '| --- | --- | --- | --- | --- |',
        row(`push ${PUSH.toLocaleString('en')} queued events (outbox → push_events, 200 a batch)`, pushMs, pushFloor, 5),
        row(`pull ${PULL.toLocaleString('en')} events (pull_events → validate → IndexedDB → fold, 1,000 a page)`, pullMs, pullFloor, 20),
      ].join('\n'),
    );
  } finally {
    await backend.stop();
  }
});
