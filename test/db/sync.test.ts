import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentNumbers } from '../../lib/db/meta-items';
import { addNote, changeSeverity, changeTitle, declareIncident, resolveIncident } from '../../lib/incidents/operations';
import { addScreenshot, removeScreenshot } from '../../lib/incidents/screenshots';
import { pullTeam } from '../../lib/sync/pull';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { imagePath } from '../../lib/sync/transport';
import { startSyncBackend, type SyncBackend } from '../support/sync-backend';
import { device, makeTeam, signedInClient } from '../support/sync-device';

// Sync with the real supabase-js client, what the extension's background does,
// per simulated device: through the Supabase stand-in in front of real
// PostgreSQL by default, or a real Supabase stack (supabase/README.md).
let backend: SyncBackend;
let people = 0;
const run = `${Date.now().toString(36)}`; // unique emails on a long-lived real stack
const person = (label: string) => signedInClient(backend, `${label}-${run}-${++people}@example.test`);
const database = { query: (sql: string, params?: unknown[]) => backend.query(sql, params) };

beforeAll(async () => {
  backend = await startSyncBackend();
});

afterAll(async () => {
  await backend?.stop();
});

async function serverEventIds(teamId: string): Promise<string[]> {
  const { rows } = await database.query('select id from public.incident_events where team_id = $1', [teamId]);
  return rows.map((r) => r.id as string);
}

describe('sync through Supabase', () => {
  it('two people on one team converge, Major incident and concurrent edits included', async () => {
    const [sophie, lawrence] = await Promise.all([person('sophie'), person('lawrence')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'Sophie', teamId);
    const b = device(lawrence.client, lawrence.userId, 'Lawrence', teamId);

    const { id } = await declareIncident(a.ctx, { title: 'Checkout down', severity: 'major' });
    await a.syncUntilDone();
    await b.syncUntilDone();
    expect((await b.ctx.db.incidents.get(id))?.title).toBe('Checkout down');

    await addNote(b.ctx, id, { text: 'Stripe webhooks timing out' });
    await changeTitle(a.ctx, id, 'Checkout down: Stripe webhooks');
    await changeSeverity(b.ctx, id, 'minor');
    for (let i = 0; i < 2; i++) {
      await a.syncUntilDone();
      await b.syncUntilDone();
    }
    expect(await a.projection()).toEqual(await b.projection());
    expect((await a.ctx.db.meta.get(incidentNumbers.key(id)))?.value).toBe(1);
  });

  it('five people converge on the same state', async () => {
    const clients = await Promise.all(Array.from({ length: 5 }, (_, i) => person(`five-${i}`)));
    const teamId = await makeTeam(clients[0]!.client, clients.slice(1).map((c) => c.client));
    const devices = clients.map((c, i) => device(c.client, c.userId, `P${i}`, teamId));
    const { id } = await declareIncident(devices[0]!.ctx, { title: 'Shared incident' });
    await devices[0]!.syncUntilDone();
    for (const d of devices) await d.syncUntilDone();
    await Promise.all(
      devices.map(async (d, i) => {
        for (let n = 0; n < 10; n++) await addNote(d.ctx, id, { text: `P${i} note ${n}` });
        await declareIncident(d.ctx, { title: `P${i}'s own incident` });
      }),
    );
    await Promise.all(devices.map((d) => d.syncUntilDone()));
    await Promise.all(devices.map((d) => d.syncUntilDone()));
    const first = await devices[0]!.projection();
    expect(first).toHaveLength(6);
    for (const d of devices.slice(1)) expect(await d.projection()).toEqual(first);
    expect((await serverEventIds(teamId)).length).toBe(1 + 5 * 11);
  });

  it('1,000 events made offline sync when back online', async () => {
    const [sophie, lawrence] = await Promise.all([person('offline'), person('reader')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'Offline', teamId);
    const b = device(lawrence.client, lawrence.userId, 'Reader', teamId);
    sophie.network.online = false;
    const { id } = await declareIncident(a.ctx, { title: 'On a plane' });
    for (let i = 0; i < 999; i++) await addNote(a.ctx, id, { text: `offline note ${i}` });
    expect((await a.sync()).state).toBe('offline');
    sophie.network.online = true;
    await a.syncUntilDone();
    await b.syncUntilDone();
    expect((await serverEventIds(teamId)).length).toBe(1_000);
    expect((await b.ctx.db.incidents.get(id))?.noteCount).toBe(999);
  });

  // Server-side faults (5xx before and after commit, dropped connections) are
  // the stand-in's; a real stack cannot be told to fail on demand.
  it.runIf(process.env.SUPABASE_TEST_URL === undefined)('5,000 events under 20% injected faults: zero lost, zero duplicated', async () => {
    const faults = backend.faults!;
    const [sophie, lawrence] = await Promise.all([person('faulty'), person('faulty-reader')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'Faulty', teamId);
    const b = device(lawrence.client, lawrence.userId, 'FaultyReader', teamId);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const incident = await declareIncident(a.ctx, { title: `Incident ${i}` });
      ids.push(incident.id);
      for (let n = 0; n < 98; n++) await addNote(a.ctx, incident.id, { text: `note ${n}` });
      await resolveIncident(a.ctx, incident.id, 'fixed');
    }
    expect(await a.ctx.db.events.count()).toBe(5_000);
    faults.set({
      rate: 0.2,
      kinds: ['error500', 'error503', 'drop', 'error500-after-commit', 'drop-after-commit'],
      paths: /\/rest\/v1\/rpc\/(push|pull)_events/,
      seed: 42,
    });
    try {
      await a.syncUntilDone(500);
      await b.syncUntilDone(500);
    } finally {
      faults.clear();
    }
    const onServer = await serverEventIds(teamId);
    expect(onServer.length).toBe(5_000);
    expect(new Set(onServer).size).toBe(5_000);
    expect(await b.ctx.db.events.count()).toBe(5_000);
    expect(await b.projection()).toEqual(await a.projection());
    expect(faults.injected).toBeGreaterThanOrEqual(5); // the faults really happened (about one request in five)
  });

  it('concurrent pushers while a cursor puller runs: nothing skipped', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, (_, i) => person(`concurrent-${i}`)));
    const teamId = await makeTeam(clients[0]!.client, clients.slice(1).map((c) => c.client));
    const [puller, ...pushers] = clients.map((c, i) => device(c.client, c.userId, `C${i}`, teamId));
    await Promise.all(
      pushers.map(async (d) => {
        const { id } = await declareIncident(d.ctx, { title: 'Concurrent' });
        for (let n = 0; n < 150; n++) await addNote(d.ctx, id, { text: `n${n}` });
      }),
    );
    let pushing = true;
    const pulling = (async () => {
      while (pushing) await puller!.sync();
    })();
    await Promise.all(pushers.map((d) => d.syncUntilDone()));
    pushing = false;
    await pulling;
    await puller!.syncUntilDone();
    expect(await puller!.ctx.db.events.count()).toBe(3 * 151);
  });

  it('a first sync counts what lies ahead through pull_status, and without the function pulls all the same', async () => {
    const [alice, bob, eve] = await Promise.all([person('status-a'), person('status-b'), person('status-outsider')]);
    const teamId = await makeTeam(alice.client, [bob.client]);
    const a = device(alice.client, alice.userId, 'A', teamId);
    for (let i = 0; i < 3; i++) {
      const { id } = await declareIncident(a.ctx, { title: `Counted ${i}` });
      for (let n = 0; n < 9; n++) await addNote(a.ctx, id, { text: `n${n}` });
    }
    await a.syncUntilDone();
    const transport = supabaseTransport(bob.client);
    const status = await transport.status!(teamId, 0);
    expect(status?.remaining).toBe(30);
    const tail = await transport.pull(teamId, 0, 20);
    expect((await transport.status!(teamId, tail.cursor))?.remaining).toBe(10);
    // Not a member: the server refuses (42501), and the hint is simply absent.
    expect(await supabaseTransport(eve.client).status!(teamId, 0)).toBeNull();

    // A server from before 20261203000000_pull_status.sql: PostgREST answers PGRST202.
    await database.query('alter function public.pull_status(uuid, bigint) rename to pull_status_hidden');
    try {
      if (backend.kind === 'supabase') await database.query(`notify pgrst, 'reload schema'`);
      expect(await transport.status!(teamId, 0)).toBeNull();
      const b = device(bob.client, bob.userId, 'B', teamId);
      const progress: unknown[] = [];
      const pulled = await pullTeam(b.ctx.db, transport, teamId, { limit: 10, onProgress: (p) => progress.push(p) });
      expect(pulled.added).toBe(30);
      expect(progress).toEqual([{ done: 10, total: null }, { done: 20, total: null }, { done: 30, total: null }]);
      expect(await b.ctx.db.incidents.count()).toBe(3);
    } finally {
      await database.query('alter function public.pull_status_hidden(uuid, bigint) rename to pull_status');
      if (backend.kind === 'supabase') await database.query(`notify pgrst, 'reload schema'`);
    }
  });

  it('clocks skewed an hour either way still converge, later edits winning', async () => {
    const [ahead, behind] = await Promise.all([person('ahead'), person('behind')]);
    const teamId = await makeTeam(ahead.client, [behind.client]);
    const a = device(ahead.client, ahead.userId, 'Ahead', teamId, { skewMs: 3_600_000 });
    const b = device(behind.client, behind.userId, 'Behind', teamId, { skewMs: -3_600_000 });
    const { id } = await declareIncident(a.ctx, { title: 'Skewed' });
    await a.syncUntilDone();
    await b.syncUntilDone();
    await changeTitle(b.ctx, id, 'Renamed by the slow clock, after seeing the fast one');
    await b.syncUntilDone();
    await a.syncUntilDone();
    expect((await a.ctx.db.incidents.get(id))?.title).toBe('Renamed by the slow clock, after seeing the fast one');
    expect(await a.projection()).toEqual(await b.projection());
  });

  it('quarantines a malformed server row and applies everything else', async () => {
    const [sophie, lawrence] = await Promise.all([person('q-writer'), person('q-reader')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'QWriter', teamId);
    const b = device(lawrence.client, lawrence.userId, 'QReader', teamId);
    const { id } = await declareIncident(a.ctx, { title: 'Real incident' });
    await a.syncUntilDone();
    // A row no client would write (a note whose text is a number), straight into the table.
    await database.query(
      `insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
       values (gen_random_uuid(), $1, $2, $3, 'note', '{"text": 42}', '001764147600000-00000-zz', now())`,
      [teamId, id, sophie.userId],
    );
    await addNote(a.ctx, id, { text: 'after the bad row' });
    await a.syncUntilDone();
    const state = await b.syncUntilDone();
    expect(state.state).toBe('synced');
    expect(await b.ctx.db.quarantine.count()).toBe(1);
    expect((await b.ctx.db.quarantine.toArray())[0]?.reason).toMatch(/text/);
    expect((await b.ctx.db.incidents.get(id))?.noteCount).toBe(1);
  });

  it('uploads a screenshot before its event; a teammate downloads it', async () => {
    const [sophie, lawrence] = await Promise.all([person('shot'), person('shot-reader')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'Shot', teamId);
    const b = device(lawrence.client, lawrence.userId, 'ShotReader', teamId);
    const { id } = await declareIncident(a.ctx, { title: 'Graph' });
    const bytes = new Uint8Array(2_048).map((_, i) => i % 251);
    const { eventId } = await addScreenshot(a.ctx, id, {
      bytes: new Blob([bytes], { type: 'image/webp' }),
      mimeType: 'image/webp',
      width: 64,
      height: 32,
      thumbnail: 'data:image/webp;base64,AAAA',
      source: 'visible',
    });
    await a.syncUntilDone();
    const path = imagePath(teamId, id, eventId, 'image/webp');
    const { rows } = await database.query(`select name from storage.objects where bucket_id = 'incident-screenshots'`);
    expect(rows.map((r) => r.name)).toContain(path);
    await b.syncUntilDone();
    expect(await b.ctx.db.blobs.count()).toBe(0); // lazily, only when opened
    const downloaded = await supabaseTransport(lawrence.client).download(path);
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);
  });

  it('removing a screenshot erases it on the server and on teammates’ devices', async () => {
    const [sophie, lawrence] = await Promise.all([person('redactor'), person('redact-reader')]);
    const teamId = await makeTeam(sophie.client, [lawrence.client]);
    const a = device(sophie.client, sophie.userId, 'Redactor', teamId);
    const b = device(lawrence.client, lawrence.userId, 'RedactReader', teamId);
    const { id } = await declareIncident(a.ctx, { title: 'Leaked a token' });
    const { eventId } = await addScreenshot(a.ctx, id, {
      bytes: new Blob([new Uint8Array(512)], { type: 'image/webp' }),
      mimeType: 'image/webp',
      width: 16,
      height: 16,
      thumbnail: 'data:image/webp;base64,AAAA',
      source: 'visible',
    });
    await a.syncUntilDone();
    await b.syncUntilDone();
    await removeScreenshot(a.ctx, id, eventId);
    await a.syncUntilDone();
    const { rows } = await database.query('select body, redacted_at from public.incident_events where id = $1', [eventId]);
    expect(rows[0]).toMatchObject({ body: {} });
    expect(rows[0]!.redacted_at).not.toBeNull();
    const objects = await database.query(`select name from storage.objects where bucket_id = 'incident-screenshots'`);
    expect(objects.rows.map((r) => r.name)).not.toContain(imagePath(teamId, id, eventId, 'image/webp'));
    await b.syncUntilDone();
    const seen = await b.ctx.db.events.get(eventId);
    expect(seen?.kind === 'screenshot' && seen.body.thumbnail).toBe('');
  });

  it.runIf(process.env.SUPABASE_TEST_URL === undefined)('an expired session is refreshed and the queue drains', async () => {
    const sophie = await person('expiring');
    const teamId = await makeTeam(sophie.client, []);
    const a = device(sophie.client, sophie.userId, 'Expiring', teamId);
    await declareIncident(a.ctx, { title: 'Long shift' });
    backend.expireAccessTokens!();
    const state = await a.sync();
    expect(state.state).toBe('synced');
    expect(await a.ctx.db.outbox.count()).toBe(0);
  });
});
