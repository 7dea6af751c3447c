import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { MemoryServer } from '../../test/support/memory-server';
import { formatHlc } from '../clock/hlc';
import { exportJson } from '../export/json-export';
import { ImportRefusedError, importJson } from '../export/json-import';
import { appendEvents } from '../incidents/append';
import { addNote, changeLead, declareIncident } from '../incidents/operations';
import { addScreenshot } from '../incidents/screenshots';
import { syncOnce } from './engine';
import { shareIncident } from './identity';
import { CLOCK_AHEAD, SECOND_DECLARATION } from './ingest';
import type { EventRow } from './transport';

const TEAM = '0190a000-0000-7000-8000-0000000000a1';
const MALLORY = { userId: '0190a000-0000-7000-8000-0000000000ee', displayName: 'Mallory' };
const THUMB = 'data:image/webp;base64,AAAA';
const DAY = 24 * 3_600_000;

function device(server: MemoryServer, actor: typeof ME) {
  const ctx = makeContext({ actor, teamId: TEAM });
  server.join(TEAM, actor.userId);
  const transport = server.transport(actor.userId);
  const sync = (as = actor.userId) => syncOnce({ db: ctx.db, transport: server.transport(as), teamId: TEAM, authorId: as, now: ctx.now }, { force: true });
  return { ctx, transport, sync };
}

let forgedIds = 0;
/**
 * A row an older server accepted without the authority rules (or that a
 * compromised one serves): stored as-is, bypassing push_events.
 */
function plant(server: MemoryServer, row: Omit<EventRow, 'id' | 'team_id' | 'created_at'> & { id?: string }) {
  const id = row.id ?? `0190a000-0000-7000-8000-${String(++forgedIds).padStart(12, '0')}`;
  server.rows.push({ team_id: TEAM, created_at: '2026-11-26T10:00:00.000Z', ...row, id, server_seq: server.rows.length + 1000, redacted_at: null });
  return id;
}

const hlc = (wall: number) => formatHlc({ wall, counter: 0, node: 'ff' });

async function sharedScreenshot() {
  const server = new MemoryServer();
  const sophie = device(server, ME);
  const lawrence = device(server, LAWRENCE);
  server.join(TEAM, MALLORY.userId);
  const incident = await declareIncident(sophie.ctx, { title: 'Checkout 500s' });
  const shot = await addScreenshot(sophie.ctx, incident.id, {
    bytes: new Blob([new Uint8Array(8)], { type: 'image/webp' }),
    mimeType: 'image/webp',
    width: 4,
    height: 2,
    thumbnail: THUMB,
    source: 'visible',
  });
  await sophie.sync();
  await lawrence.sync();
  return { server, sophie, lawrence, incident, shotId: shot.eventId };
}

describe('one ingest path for pull and import', () => {
  it("a teammate's forged redaction from an old server is held back on every device; the screenshot stays visible", async () => {
    const { server, sophie, lawrence, incident, shotId } = await sharedScreenshot();
    plant(server, {
      incident_id: incident.id,
      author_id: MALLORY.userId,
      kind: 'redacted',
      body: { eventId: shotId, reason: 'removed' },
      hlc: hlc(sophie.ctx.now() + 60_000),
    });
    for (const d of [sophie, lawrence]) {
      await d.sync();
      const shot = await d.ctx.db.events.get(shotId);
      expect(shot?.kind === 'screenshot' && shot.body.thumbnail).toBe(THUMB);
      expect((await d.ctx.db.incidents.get(incident.id))?.screenshotCount).toBe(1);
      expect((await d.ctx.db.quarantine.toArray()).map((q) => q.reason)).toEqual(["Removes someone else's entry without leading the incident"]);
    }
    // The image bytes on the author's device were not deleted.
    expect(await sophie.ctx.db.blobs.count()).toBe(1);
    // Held, not dropped: still pending after another pull, still dated when it first arrived.
    const [first] = await lawrence.ctx.db.quarantine.toArray();
    lawrence.ctx.advance(60_000);
    await lawrence.sync();
    expect(await lawrence.ctx.db.quarantine.toArray()).toEqual([expect.objectContaining({ reason: first!.reason, receivedAt: first!.receivedAt })]);
  });

  it('a second `declared` stamped in 1970 is held back and takes nothing over', async () => {
    const { server, lawrence, incident } = await sharedScreenshot();
    plant(server, {
      incident_id: incident.id,
      author_id: MALLORY.userId,
      kind: 'declared',
      body: { title: 'Mine now', severity: 'major', leadId: MALLORY.userId, leadName: 'Mallory' },
      hlc: hlc(1),
    });
    await lawrence.sync();
    expect(await lawrence.ctx.db.incidents.get(incident.id)).toMatchObject({ title: 'Checkout 500s', severity: 'minor', leadId: ME.userId, declaredBy: ME.userId });
    expect((await lawrence.ctx.db.quarantine.toArray()).map((q) => q.reason)).toEqual([SECOND_DECLARATION]);
  });

  it('a lead change stamped in the far future is held back, and applies once real time has caught up', async () => {
    const { server, lawrence, incident } = await sharedScreenshot();
    const twoDaysAhead = lawrence.ctx.now() + 2 * DAY;
    plant(server, {
      incident_id: incident.id,
      author_id: MALLORY.userId,
      kind: 'lead_changed',
      body: { leadId: MALLORY.userId, leadName: 'Mallory' },
      hlc: hlc(twoDaysAhead),
    });
    await lawrence.sync();
    expect((await lawrence.ctx.db.incidents.get(incident.id))?.leadId).toBe(ME.userId);
    expect((await lawrence.ctx.db.quarantine.toArray())[0]?.reason).toBe(CLOCK_AHEAD);

    // Two days on (the skewed device's clock is now right), the next pull applies it: nothing was dropped.
    lawrence.ctx.advance(2 * DAY);
    await lawrence.sync();
    expect(await lawrence.ctx.db.quarantine.count()).toBe(0);
    expect((await lawrence.ctx.db.incidents.get(incident.id))?.leadId).toBe(MALLORY.userId);
  });

  it('a row an older version could not read applies after an upgrade: quarantined rows are retried on every pull', async () => {
    const { server, lawrence, incident } = await sharedScreenshot();
    const id = plant(server, { incident_id: incident.id, author_id: MALLORY.userId, kind: 'reviewed', body: {}, hlc: hlc(lawrence.ctx.now()) });
    const row = structuredClone(server.rows.find((r) => r.id === id)!);
    server.rows = server.rows.filter((r) => r.id !== id);
    // As an older extension that did not know `reviewed` kept it, cursor already past it.
    await lawrence.ctx.db.quarantine.add({ teamId: TEAM, serverSeq: row.server_seq, reason: 'kind: Invalid input', row, receivedAt: '2026-11-26T09:00:00.000Z' });
    await lawrence.sync();
    expect(await lawrence.ctx.db.quarantine.count()).toBe(0);
    expect((await lawrence.ctx.db.incidents.get(incident.id))?.reviewerIds).toEqual([MALLORY.userId]);
  });

  it("the lead's removal of a teammate's screenshot applies everywhere", async () => {
    const { server, sophie, lawrence, incident, shotId } = await sharedScreenshot();
    await changeLead(sophie.ctx, incident.id, { id: MALLORY.userId, name: 'Mallory' });
    await sophie.sync();
    plant(server, { incident_id: incident.id, author_id: MALLORY.userId, kind: 'redacted', body: { eventId: shotId, reason: 'removed' }, hlc: hlc(sophie.ctx.now() + 60_000) });
    await lawrence.sync();
    expect(await lawrence.ctx.db.quarantine.count()).toBe(0);
    expect((await lawrence.ctx.db.incidents.get(incident.id))?.screenshotCount).toBe(0);
  });

  it('an import file carrying a forged redaction is refused whole, and nothing changes', async () => {
    const { sophie, incident, shotId } = await sharedScreenshot();
    const file = JSON.parse(await exportJson(sophie.ctx.db, { includeImages: false })) as { events: unknown[] };
    const forged = {
      ...toLocal(incident.id, MALLORY.userId, hlc(sophie.ctx.now() + 60_000)),
      kind: 'redacted',
      body: { eventId: shotId, reason: 'removed' },
    };
    file.events.push(forged);
    const fresh = makeContext();
    await expect(importJson(fresh.db, JSON.stringify(file), { now: fresh.now })).rejects.toThrow(ImportRefusedError);
    await expect(importJson(fresh.db, JSON.stringify(file), { now: fresh.now })).rejects.toThrow(/Event 3 breaks the record's rules \(Removes someone else's entry/);
    expect(await fresh.db.events.count()).toBe(0);
  });

  it('an import file carrying a second declaration is refused whole', async () => {
    const { sophie, incident } = await sharedScreenshot();
    const file = JSON.parse(await exportJson(sophie.ctx.db, { includeImages: false })) as { events: unknown[] };
    file.events.push({
      ...toLocal(incident.id, MALLORY.userId, hlc(1)),
      kind: 'declared',
      body: { title: 'Mine now', severity: 'major', leadId: MALLORY.userId, leadName: 'Mallory' },
    });
    const fresh = makeContext();
    await expect(importJson(fresh.db, JSON.stringify(file), { now: fresh.now })).rejects.toThrow(SECOND_DECLARATION);
    expect(await fresh.db.events.count()).toBe(0);
  });
});

describe('a full page', () => {
  it('judges 500 events in one transaction without committing it early', async () => {
    // Awaiting a non-Dexie promise per event inside the page's transaction once
    // made Dexie lose its zone and throw PrematureCommitError on pages this size.
    const server = new MemoryServer();
    const sophie = device(server, ME);
    const lawrence = device(server, LAWRENCE);
    const { id } = await declareIncident(sophie.ctx, { title: 'Busy incident' });
    await appendEvents(sophie.ctx, id, Array.from({ length: 999 }, (_, n) => ({ kind: 'note' as const, body: { text: `note ${n}` } })));
    await sophie.sync();
    const state = await lawrence.sync();
    expect(state).toMatchObject({ state: 'synced', lastError: null });
    expect((await lawrence.ctx.db.incidents.get(id))?.noteCount).toBe(999);
  });
});

describe('nothing queued is lost', () => {
  it('switching accounts keeps the other account’s queued events for when it signs in again', async () => {
    const server = new MemoryServer();
    const sophie = device(server, ME);
    server.join(TEAM, LAWRENCE.userId);
    const { id } = await declareIncident(sophie.ctx, { title: 'Written as Sophie' });
    await addNote(sophie.ctx, id, { text: 'queued before switching' });
    // Lawrence signs in on this browser before Sophie's events went out.
    const state = await sophie.sync(LAWRENCE.userId);
    expect(state.state).toBe('synced');
    expect(await sophie.ctx.db.deadLetters.count()).toBe(0);
    expect(await sophie.ctx.db.outbox.count()).toBe(2);
    expect(server.rows).toHaveLength(0);
    // Sophie signs back in: they go out under her name.
    await sophie.sync(ME.userId);
    expect(await sophie.ctx.db.outbox.count()).toBe(0);
    expect(server.rows.map((r) => r.author_id)).toEqual([ME.userId, ME.userId]);
  });

  it('a device whose clock runs two days fast keeps its refused events queued, and they go out once the server catches up', async () => {
    const server = new MemoryServer();
    let serverNow = Date.UTC(2026, 10, 26, 9);
    server.now = () => serverNow;
    const fast = device(server, ME);
    fast.ctx.advance(2 * DAY);
    const { id } = await declareIncident(fast.ctx, { title: 'Stamped two days ahead' });
    await addNote(fast.ctx, id, { text: 'also ahead' });
    const state = await fast.sync();
    expect(state.state).toBe('synced');
    expect(server.rows).toHaveLength(0);
    expect(await fast.ctx.db.deadLetters.count()).toBe(0);
    expect(await fast.ctx.db.outbox.count()).toBe(2);

    serverNow += DAY + 60_000; // real time now within a day of the stamps
    await fast.sync();
    expect(server.rows.map((r) => r.id).sort()).toEqual((await fast.ctx.db.events.toArray()).map((e) => e.id).sort());
    expect(await fast.ctx.db.outbox.count()).toBe(0);
  });

  it('an imported local-only incident can be shared into the team and reaches a teammate', async () => {
    const elsewhere = makeContext({ actor: { userId: '0190a000-0000-7000-8000-0000000000b9', displayName: 'Sophie (old laptop)' } });
    const old = await declareIncident(elsewhere, { title: 'From my old laptop' });
    await addNote(elsewhere, old.id, { text: 'written offline' });

    const server = new MemoryServer();
    const sophie = device(server, ME);
    const lawrence = device(server, LAWRENCE);
    await importJson(sophie.ctx.db, await exportJson(elsewhere.db, { includeImages: false }), { now: sophie.ctx.now });
    await shareIncident(sophie.ctx.db, old.id, TEAM, ME.userId);
    await sophie.sync();
    expect(await sophie.ctx.db.deadLetters.count()).toBe(0);
    expect(server.rows).toHaveLength(2);
    await lawrence.sync();
    expect(await lawrence.ctx.db.incidents.get(old.id)).toMatchObject({ title: 'From my old laptop', noteCount: 1, teamId: TEAM });
  });
});

/** The envelope of a local event in an export file. */
function toLocal(incidentId: string, authorId: string, hlcText: string) {
  return {
    id: `0190a000-0000-7000-8000-${String(++forgedIds).padStart(12, '0')}`,
    incidentId,
    teamId: TEAM,
    authorId,
    hlc: hlcText,
    createdAt: '2026-11-26T10:00:00.000Z',
  };
}
