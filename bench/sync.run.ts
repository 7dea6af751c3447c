// Push 10,000 queued events and pull 100,000 through the Supabase stand-in in
// front of real PostgreSQL, with the real supabase-js client and the extension's
// sync code on fake-indexeddb. Floors, same run: the bare RPC calls alone.
// Run: npm run bench:sync (prints a table; record it in bench/README.md).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { declareIncident, addNote } from '../lib/incidents/operations';
import { pullTeam } from '../lib/sync/pull';
import { pushOutbox } from '../lib/sync/push';
import { toRow } from '../lib/sync/row';
import { supabaseTransport } from '../lib/sync/supabase-transport';
import { startSyncBackend } from '../test/support/sync-backend';
import { device, makeTeam, signedInClient } from '../test/support/sync-device';
import { seedTeamHistory } from './first-sync-data';
import { SMOKE, within } from './wait.mjs';

// BENCH_SMOKE=1 (npm run bench:smoke, in npm test): 1,000 pushed, 2,000 pulled; it proves every step still runs.
// BENCH_PUSH=0 skips the push half (a first-sync run seeds every pulled row server-side).
const PUSH = Number(process.env.BENCH_PUSH ?? (SMOKE ? 1_000 : 10_000));
// BENCH_PULL=1000000 for issue 13's first sync; BENCH_LIMIT: events a page (pull_events clamps it).
const PULL = Number(process.env.BENCH_PULL ?? (SMOKE ? 2_000 : 100_000));
const LIMIT = Number(process.env.BENCH_LIMIT ?? 1000);

it(`push ${PUSH.toLocaleString('en')} / pull ${PULL.toLocaleString('en')}`, { timeout: 1_800_000 }, async () => {
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

    // The rest written server-side (90,000 in the full run), so the team holds
    // PULL: incidents of 50 events each, an incident's events close together
    // in server order, as a team makes them (bench/first-sync-data.ts).
    await seedTeamHistory(database.query, { teamId, authorId: writer.userId, incidents: (PULL - PUSH) / 50 });
    const readerTransport = supabaseTransport(reader.client);
    t = performance.now();
    let cursor = 0;
    let fetched = 0;
    for (;;) {
      const page = await within(`the floor's pull_events page after ${cursor}`, 60_000, readerTransport.pull(teamId, cursor, LIMIT));
      fetched += page.events.length;
      if (page.events.length < LIMIT) break;
      cursor = page.cursor;
    }
    const pullFloor = performance.now() - t;
    expect(fetched).toBe(PULL);

    const b = device(reader.client, reader.userId, 'Reader', teamId);
    // Where the time goes: inside the transport (request, server, JSON) or on the device.
    let inTransport = 0;
    const timed = {
      ...readerTransport,
      pull: async (...args: Parameters<typeof readerTransport.pull>) => {
        const started = performance.now();
        try {
          return await readerTransport.pull(...args);
        } finally {
          inTransport += performance.now() - started;
        }
      },
    };
    let heapPeak = 0;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 250);
    t = performance.now();
    const pulled = await within(`pulling ${PULL} events`, 900_000, pullTeam(b.ctx.db, timed, teamId, { limit: LIMIT }));
    const pullMs = performance.now() - t;
    clearInterval(sampler);
    expect(pulled.added).toBe(PULL);
    expect(await b.ctx.db.incidents.count()).toBe(PUSH / 100 + (PULL - PUSH) / 50);
    console.log(
      `pull ${PULL}: ${(pullMs / 1000).toFixed(1)} s, of which in transport.pull ${(inTransport / 1000).toFixed(1)} s; ` +
        `Node heap peak ${(heapPeak / 2 ** 20).toFixed(0)} MB (fake-indexeddb holds the whole database in it); load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );

    const row = (what: string, ms: number, floor: number, target: number) =>
      `| ${what} | ${(ms / 1000).toFixed(2)} s | ${(floor / 1000).toFixed(2)} s | ≤ ${target} s | ${ms <= target * 1000 ? 'met' : '**missed**'} |`;
    console.log(
      [
        '| what | measured | floor: bare RPCs, same run | target | |',
        '| --- | --- | --- | --- | --- |',
        row(`push ${PUSH.toLocaleString('en')} queued events (outbox → push_events, 200 a batch)`, pushMs, pushFloor, 5),
        row(`pull ${PULL.toLocaleString('en')} events (pull_events → validate → IndexedDB → fold, ${LIMIT.toLocaleString('en')} a page)`, pullMs, pullFloor, 20),
      ].join('\n'),
    );
  } finally {
    await backend.stop();
  }
});
