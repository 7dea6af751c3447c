import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../lib/clock/hlc';
import { addNote, changeLead, declareIncident } from '../../lib/incidents/operations';
import { addScreenshot, removeScreenshot, sha256Hex } from '../../lib/incidents/screenshots';
import { syncWithSession } from '../../lib/sync/session-sync';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { imagePath, type EventRow } from '../../lib/sync/transport';
import { downloadImage, ImageMismatchError } from '../../lib/team/download-image';
import { startSyncBackend, type SyncBackend } from '../support/sync-backend';
import { device, makeTeam, signedInClient } from '../support/sync-device';

// Issue 8, "Authority over the record", end to end: the real supabase-js
// client per device, through the Supabase stand-in (or a real stack) in front
// of real PostgreSQL with the migrations applied as the non-superuser
// `postgres`. Every attack is refused by the server and leaves every client's
// view as it was.
let backend: SyncBackend;
let people = 0;
const run = Date.now().toString(36);
const person = (label: string) => signedInClient(backend, `${label}-${run}-${++people}@example.test`);
const DAY = 24 * 3_600_000;
const hlc = (wall: number) => formatHlc({ wall, counter: 0, node: 'ff' });
let ids = 0;
const newId = () => `0190b000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

beforeAll(async () => {
  backend = await startSyncBackend();
});

afterAll(async () => {
  await backend?.stop();
});

/** Sophie (owner) declared an incident with a screenshot; Lawrence and Mallory are teammates; all three synced. */
async function teamWithEvidence() {
  const [sophie, lawrence, mallory] = await Promise.all([person('sophie'), person('lawrence'), person('mallory')]);
  const teamId = await makeTeam(sophie.client, [lawrence.client, mallory.client]);
  const devices = {
    sophie: device(sophie.client, sophie.userId, 'Sophie', teamId),
    lawrence: device(lawrence.client, lawrence.userId, 'Lawrence', teamId),
    mallory: device(mallory.client, mallory.userId, 'Mallory', teamId),
  };
  const incident = await declareIncident(devices.sophie.ctx, { title: 'Checkout 500s' });
  const bytes = new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4, 5, 6, 7, 8]);
  const shot = await addScreenshot(devices.sophie.ctx, incident.id, {
    bytes: new Blob([bytes], { type: 'image/webp' }),
    mimeType: 'image/webp',
    width: 4,
    height: 3,
    thumbnail: 'data:image/webp;base64,AAAA',
    source: 'visible',
  });
  for (const d of Object.values(devices)) await d.syncUntilDone();
  const path = imagePath(teamId, incident.id, shot.eventId, 'image/webp');
  return { teamId, incident, shotId: shot.eventId, path, bytes, people: { sophie, lawrence, mallory }, devices };
}

/** A raw event row pushed by `client` itself, bypassing the domain functions (what a modified client could send). */
function row(teamId: string, incidentId: string, authorId: string, kind: string, body: unknown, wall = Date.now()): EventRow {
  return { id: newId(), team_id: teamId, incident_id: incidentId, author_id: authorId, kind, body, hlc: hlc(wall), created_at: new Date(wall).toISOString() };
}

async function everyoneStillSeesTheScreenshot(t: Awaited<ReturnType<typeof teamWithEvidence>>) {
  for (const d of Object.values(t.devices)) {
    await d.syncUntilDone();
    const shot = await d.ctx.db.events.get(t.shotId);
    expect(shot?.kind === 'screenshot' && shot.body.thumbnail).not.toBe('');
    expect((await d.ctx.db.incidents.get(t.incident.id))?.screenshotCount).toBe(1);
  }
  const downloaded = await supabaseTransport(t.people.lawrence.client).download(t.path);
  expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(t.bytes);
}

describe('authority over the team record', () => {
  it("a teammate's forged redaction is refused by push_events, redact_event and Storage; every device still shows the screenshot", async () => {
    const t = await teamWithEvidence();
    const { mallory } = t.people;
    const forged = row(t.teamId, t.incident.id, mallory.userId, 'redacted', { eventId: t.shotId, reason: 'removed' });
    const [outcome] = await supabaseTransport(mallory.client).push([forged]);
    expect(outcome).toEqual({ id: forged.id, status: 'rejected', reason: "only the author of an entry or the incident's lead can remove it" });

    const { error: redactError } = await mallory.client.rpc('redact_event', { p_event_id: t.shotId });
    expect(redactError?.message).toMatch(/author of an event or the lead/i);
    // Storage answers a delete it may not do with an empty list, as Supabase's does: nothing deleted.
    const { data: removed } = await mallory.client.storage.from('incident-screenshots').remove([t.path]);
    expect(removed ?? []).toEqual([]);

    await everyoneStillSeesTheScreenshot(t);
  });

  it('a second `declared` stamped in 1970 and a lead change stamped in the far future are refused; nothing changes anywhere', async () => {
    const t = await teamWithEvidence();
    const { mallory } = t.people;
    const takeover = row(t.teamId, t.incident.id, mallory.userId, 'declared', { title: 'Mine now', severity: 'major', leadId: mallory.userId, leadName: 'Mallory' }, 1_000);
    const future = row(t.teamId, t.incident.id, mallory.userId, 'lead_changed', { leadId: mallory.userId, leadName: 'Mallory' }, Date.now() + 30 * DAY);
    const outcomes = await supabaseTransport(mallory.client).push([takeover, future]);
    expect(outcomes.map((o) => o.reason)).toEqual([
      'an incident has exactly one declared event, whose id is the incident id',
      'clock more than a day ahead of the server',
    ]);
    for (const d of Object.values(t.devices)) {
      await d.syncUntilDone();
      expect(await d.ctx.db.incidents.get(t.incident.id)).toMatchObject({ title: 'Checkout 500s', severity: 'minor', leadId: t.people.sophie.userId });
    }
    // A lead (made honestly) may not take someone else's evidence away either by overwriting it.
    await everyoneStillSeesTheScreenshot(t);
  });

  it("nobody can overwrite someone else's image; a copy that does not match its SHA-256 is refused and never shown", async () => {
    const t = await teamWithEvidence();
    const { mallory, sophie } = t.people;
    // Mallory is made lead honestly: she still may not replace Sophie's bytes.
    await changeLead(t.devices.sophie.ctx, t.incident.id, { id: mallory.userId, name: 'Mallory' });
    await t.devices.sophie.syncUntilDone();
    const fake = new Blob([new Uint8Array([9, 9, 9])], { type: 'image/webp' });
    const upsert = await mallory.client.storage.from('incident-screenshots').upload(t.path, fake, { upsert: true, contentType: 'image/webp' });
    expect(upsert.error).not.toBeNull();
    const { data: removed } = await mallory.client.storage.from('incident-screenshots').remove([t.path]);
    expect(removed ?? []).toEqual([]);
    await everyoneStillSeesTheScreenshot(t);

    // Should the server ever hand out other bytes (an older project), the client refuses them.
    const lawrence = t.devices.lawrence;
    await lawrence.ctx.db.blobs.clear();
    const tampered = { db: lawrence.ctx.db, now: Date.now, download: async () => fake };
    await expect(downloadImage(tampered, t.shotId)).rejects.toThrow(ImageMismatchError);
    expect(await lawrence.ctx.db.blobs.count()).toBe(0);
    const real = { db: lawrence.ctx.db, now: Date.now, download: (p: string) => supabaseTransport(sophie.client).download(p) };
    await downloadImage(real, t.shotId);
    const stored = await lawrence.ctx.db.blobs.toArray();
    expect(await sha256Hex(stored[0]!.bytes)).toBe(await sha256Hex(new Blob([t.bytes])));
  });

  it("the incident's lead may remove a teammate's screenshot, and every device hides it", async () => {
    const t = await teamWithEvidence();
    const { lawrence } = t.people;
    await changeLead(t.devices.sophie.ctx, t.incident.id, { id: lawrence.userId, name: 'Lawrence' });
    await t.devices.sophie.syncUntilDone();
    await t.devices.lawrence.syncUntilDone();
    await removeScreenshot(t.devices.lawrence.ctx, t.incident.id, t.shotId);
    await t.devices.lawrence.syncUntilDone();
    expect(await t.devices.lawrence.ctx.db.deadLetters.count()).toBe(0);
    for (const d of Object.values(t.devices)) {
      await d.syncUntilDone();
      expect((await d.ctx.db.incidents.get(t.incident.id))?.screenshotCount).toBe(0);
      expect(await d.ctx.db.quarantine.count()).toBe(0);
    }
    await expect(supabaseTransport(t.people.mallory.client).download(t.path)).rejects.toThrow();
  });
});

describe('people leave; the record stays', () => {
  it("a removed member loses access at once (pull, push, Storage) while what they wrote stays under their name", async () => {
    const t = await teamWithEvidence();
    const { sophie, lawrence } = t.people;
    await addNote(t.devices.lawrence.ctx, t.incident.id, { text: 'Written before removal' });
    await t.devices.lawrence.syncUntilDone();

    const { error } = await sophie.client.rpc('remove_member', { p_team_id: t.teamId, p_user_id: lawrence.userId });
    expect(error).toBeNull();

    const transport = supabaseTransport(lawrence.client);
    await expect(transport.pull(t.teamId, 0, 10)).rejects.toThrow(/member/i);
    const [refused] = await transport.push([row(t.teamId, t.incident.id, lawrence.userId, 'note', { text: 'after removal', format: 'plain' })]);
    expect(refused?.reason).toBe('not a member of this team');
    await expect(transport.download(t.path)).rejects.toThrow();
    const { data: teams } = await lawrence.client.rpc('my_teams');
    expect(teams).toEqual([]);

    // Their events stay on the record, and teammates still see them under their name.
    const { rows } = await backend.query('select count(*)::int as n from public.incident_events where author_id = $1', [lawrence.userId]);
    expect(rows[0]!.n).toBe(1);
    const { data: members } = await sophie.client.rpc('list_team_members', { p_team_id: t.teamId });
    expect(members).toContainEqual(expect.objectContaining({ user_id: lawrence.userId, display_name: 'Member 1', former: true }));
    // Their device keeps every incident readable.
    expect((await t.devices.lawrence.ctx.db.incidents.get(t.incident.id))?.noteCount).toBe(1);
  });

  it('deleting an account (as the dashboard does) succeeds, keeps its events, and shows it as a former member', async () => {
    const t = await teamWithEvidence();
    const { mallory, sophie } = t.people;
    await addNote(t.devices.mallory.ctx, t.incident.id, { text: 'Mallory before deletion' });
    await t.devices.mallory.syncUntilDone();
    await backend.query('delete from auth.users where id = $1', [mallory.userId]);
    const { rows } = await backend.query('select count(*)::int as n from public.incident_events where author_id = $1', [mallory.userId]);
    expect(rows[0]!.n).toBe(1);
    const { data: members } = await sophie.client.rpc('list_team_members', { p_team_id: t.teamId });
    expect(members).toContainEqual(expect.objectContaining({ user_id: mallory.userId, former: true }));
  });
});

describe('nothing pulled is dropped', () => {
  it('a row from a device two days fast (accepted by an older server) is held, then applies once time catches up', async () => {
    const t = await teamWithEvidence();
    // An older server accepted it: written straight into the table.
    const ahead = row(t.teamId, t.incident.id, t.people.mallory.userId, 'note', { text: 'from a fast clock', format: 'plain' }, Date.now() + 2 * DAY);
    await backend.query(
      `insert into public.incident_events (id, team_id, incident_id, author_id, kind, body, hlc, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [ahead.id, ahead.team_id, ahead.incident_id, ahead.author_id, ahead.kind, ahead.body, ahead.hlc, ahead.created_at],
    );
    const lawrence = t.devices.lawrence;
    await lawrence.sync();
    expect(await lawrence.ctx.db.events.get(ahead.id)).toBeUndefined();
    expect((await lawrence.ctx.db.quarantine.toArray()).map((q) => q.reason)).toEqual(['Clock more than a day ahead']);
    // Two days later on this device's clock: the next pull applies it.
    await syncWithSession(t.people.lawrence.client, lawrence.ctx.db, t.teamId, { force: true, now: () => Date.now() + 2 * DAY });
    expect(await lawrence.ctx.db.quarantine.count()).toBe(0);
    expect((await lawrence.ctx.db.incidents.get(t.incident.id))?.noteCount).toBe(1);
  });

  it('switching accounts on one browser loses nothing: the first account’s queued events wait for it', async () => {
    const t = await teamWithEvidence();
    const browserDb = t.devices.sophie;
    await addNote(browserDb.ctx, t.incident.id, { text: 'Sophie, queued when Lawrence signs in here' });
    // Lawrence signs in on Sophie's browser and syncs.
    const asLawrence = await syncWithSession(t.people.lawrence.client, browserDb.ctx.db, t.teamId, { force: true });
    expect(asLawrence.state).toBe('synced');
    expect(await browserDb.ctx.db.deadLetters.count()).toBe(0);
    expect(await browserDb.ctx.db.outbox.count()).toBe(1);
    // Sophie signs back in: it goes out under her name.
    await browserDb.syncUntilDone();
    const { rows } = await backend.query(`select author_id from public.incident_events where kind = 'note' and incident_id = $1`, [t.incident.id]);
    expect(rows.map((r) => r.author_id)).toEqual([t.people.sophie.userId]);
  });

  it('over the rate limit, push answers 429: the device backs off and dead-letters nothing', async () => {
    const t = await teamWithEvidence();
    const lawrence = t.devices.lawrence;
    await addNote(lawrence.ctx, t.incident.id, { text: 'sent once the limit resets' });
    // As if Lawrence had just pushed 20,000 events. The allowance is a token
    // bucket that refills continuously (333 events a second), so the bucket is
    // emptied with its refill clock a minute ahead: empty for this test's span.
    await backend.query(
      `insert into public.push_allowance (user_id, events_left, bytes_left, refilled_at) values ($1, 0, 0, now() + interval '1 minute')
       on conflict (user_id) do update set events_left = 0, bytes_left = 0, refilled_at = now() + interval '1 minute'`,
      [t.people.lawrence.userId],
    );
    const state = await lawrence.sync();
    expect(state.state).toBe('error');
    expect(state.lastError).toMatch(/Too many events/);
    expect(state.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await lawrence.ctx.db.deadLetters.count()).toBe(0);
    expect(await lawrence.ctx.db.outbox.count()).toBe(1);
    await backend.query('delete from public.push_allowance where user_id = $1', [t.people.lawrence.userId]);
    await lawrence.syncUntilDone();
    expect(await lawrence.ctx.db.outbox.count()).toBe(0);
  });
});
