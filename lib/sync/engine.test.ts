import { describe, expect, it } from 'vitest';
import { MemoryServer } from '../../test/support/memory-server';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { clockItem, dirtyIncidentsItem } from '../db/meta-items';
import { addNote, changeLead, changeSeverity, changeTitle, declareIncident, resolveIncident } from '../incidents/operations';
import { saveAnnotatedCopy } from '../incidents/annotations';
import { addScreenshot, removeScreenshot } from '../incidents/screenshots';
import { timelineEntries } from '../incidents/timeline-entries';
import { syncOnce } from './engine';
import { pullTeam } from './pull';
import { readSyncStatus } from './status';

const TEAM = '0190a000-0000-7000-8000-0000000000a1';
const THUMB = 'data:image/webp;base64,AAAA';

function client(server: MemoryServer, actor: typeof ME, options: { skewMs?: number; fail?: (op: string) => 'before' | 'after' | null } = {}) {
  const ctx = makeContext({ actor, teamId: TEAM });
  const base = ctx.now;
  const skewed = { ...ctx, now: () => base() + (options.skewMs ?? 0) };
  server.join(TEAM, actor.userId);
  const transport = server.transport(actor.userId, { fail: options.fail });
  const sync = () => syncOnce({ db: ctx.db, transport, teamId: TEAM, authorId: actor.userId, now: skewed.now, random: () => 0.5 }, { force: true });
  return { ctx: skewed, advance: ctx.advance, sync, transport };
}

const projection = async (c: ReturnType<typeof client>) => (await c.ctx.db.incidents.orderBy('id').toArray()).map(({ participantIds, ...rest }) => ({ ...rest, participantIds: [...participantIds].sort() }));

describe('sync engine', () => {
  it('two people working the same incident converge to the same state', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const lawrence = client(server, LAWRENCE);
    const { id } = await declareIncident(sophie.ctx, { title: 'Checkout 500s' });
    await sophie.sync();
    await lawrence.sync();
    // Concurrent edits while both are offline from each other.
    await changeSeverity(sophie.ctx, id, 'major');
    await addNote(lawrence.ctx, id, { text: 'p99 up since 09:12' });
    lawrence.advance(10);
    await changeTitle(lawrence.ctx, id, 'Checkout 500s after deploy');
    await changeLead(sophie.ctx, id, { id: LAWRENCE.userId, name: 'Lawrence' });
    for (let i = 0; i < 2; i++) {
      await sophie.sync();
      await lawrence.sync();
    }
    expect(await projection(sophie)).toEqual(await projection(lawrence));
    expect((await sophie.ctx.db.incidents.get(id))).toMatchObject({ severity: 'major', leadName: 'Lawrence', noteCount: 1 });
    expect(await sophie.ctx.db.outbox.count()).toBe(0);
    expect(server.rows).toHaveLength(5);
  });

  it('converges with clocks an hour apart either way', async () => {
    const server = new MemoryServer();
    const ahead = client(server, ME, { skewMs: 3_600_000 });
    const behind = client(server, LAWRENCE, { skewMs: -3_600_000 });
    const { id } = await declareIncident(ahead.ctx, { title: 'Skew' });
    await ahead.sync();
    await behind.sync();
    // Behind's later change must still win: its clock was advanced past what it pulled.
    await changeTitle(behind.ctx, id, 'Seen by the late clock');
    await behind.sync();
    await ahead.sync();
    expect((await ahead.ctx.db.incidents.get(id))?.title).toBe('Seen by the late clock');
    expect(await projection(ahead)).toEqual(await projection(behind));
  });

  it('loses and duplicates nothing when pushes fail before or after the server commits', async () => {
    const server = new MemoryServer();
    let n = 0;
    const flaky = client(server, ME, { fail: (op) => (++n % 3 === 0 ? (n % 2 ? 'before' : 'after') : null) });
    const { id } = await declareIncident(flaky.ctx, { title: 'Flaky network' });
    for (let i = 0; i < 30; i++) await addNote(flaky.ctx, id, { text: `note ${i}` });
    for (let i = 0; i < 40 && (await flaky.ctx.db.outbox.count()) > 0; i++) await flaky.sync();
    expect(await flaky.ctx.db.outbox.count()).toBe(0);
    expect(server.rows).toHaveLength(31);
    expect(new Set(server.rows.map((r) => r.id)).size).toBe(31);
  });

  it('records a transient failure with backoff and keeps everything queued', async () => {
    const server = new MemoryServer();
    const offline = client(server, ME, { fail: () => 'before' });
    await declareIncident(offline.ctx, { title: 'Offline' });
    const state = await offline.sync();
    expect(state).toMatchObject({ state: 'offline', attempt: 1 });
    expect(state.nextAttemptAt).toBeGreaterThan(offline.ctx.now());
    const status = await readSyncStatus(offline.ctx.db, TEAM);
    expect(status.pending).toBe(1);
    // Not forced and not yet due: nothing is attempted.
    const again = await syncOnce({ db: offline.ctx.db, transport: offline.transport, teamId: TEAM, authorId: offline.ctx.actor.userId, now: offline.ctx.now });
    expect(again.attempt).toBe(1);
  });

  it('dead-letters a refused event with the reason and sends the rest', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const { id } = await declareIncident(sophie.ctx, { title: 'Mixed batch' });
    await addNote(sophie.ctx, id, { text: 'fine' });
    // Forge one queued event's author: the server must refuse just that one.
    const second = (await sophie.ctx.db.events.toArray()).find((e) => e.kind === 'note');
    await sophie.ctx.db.events.put({ ...second!, authorId: LAWRENCE.userId });
    await sophie.sync();
    const dead = await sophie.ctx.db.deadLetters.toArray();
    expect(dead).toMatchObject([{ eventId: second!.id, reason: 'author_id is not the signed-in user' }]);
    expect(server.rows.map((r) => r.id)).toEqual([id]);
    expect(await sophie.ctx.db.outbox.count()).toBe(0);
  });

  it('quarantines a malformed row and applies the rest', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const lawrence = client(server, LAWRENCE);
    await declareIncident(sophie.ctx, { title: 'Real one' });
    await sophie.sync();
    server.injected.push({ id: 'not-a-uuid', team_id: TEAM, server_seq: 999, kind: 'note', body: { text: 1 } });
    server.injected.push({ id: '0190a000-0000-7000-8000-0000000000e1', team_id: TEAM, incident_id: '0190a000-0000-7000-8000-0000000000e1', author_id: ME.userId, kind: 'declared', body: { title: '' }, hlc: '001764147600000-00000-a', created_at: '2026-11-26T09:00:00Z', server_seq: 998 });
    const state = await lawrence.sync();
    expect(state.state).toBe('synced');
    expect((await lawrence.ctx.db.incidents.toArray()).map((i) => i.title)).toEqual(['Real one']);
    const quarantined = await lawrence.ctx.db.quarantine.toArray();
    expect(quarantined).toHaveLength(2);
    expect(quarantined[1]?.reason).toMatch(/title/);
  });

  it('uploads a screenshot before its event, and a redaction scrubs it on the other device', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const lawrence = client(server, LAWRENCE);
    const { id } = await declareIncident(sophie.ctx, { title: 'With evidence' });
    const { eventId } = await addScreenshot(sophie.ctx, id, {
      bytes: new Blob([new Uint8Array(10)], { type: 'image/webp' }),
      mimeType: 'image/webp',
      width: 10,
      height: 10,
      thumbnail: THUMB,
      source: 'visible',
    });
    await sophie.sync();
    expect([...server.objects.keys()]).toEqual([`${TEAM}/${id}/${eventId}.webp`]);
    await lawrence.sync();
    const seen = await lawrence.ctx.db.events.get(eventId);
    expect(seen?.kind === 'screenshot' && seen.body.thumbnail).toBe(THUMB);

    await removeScreenshot(sophie.ctx, id, eventId);
    await sophie.sync();
    // Erased on the server too: body cleared, image gone.
    expect(server.rows.find((r) => r.id === eventId)).toMatchObject({ body: {} });
    expect(server.objects.size).toBe(0);
    await lawrence.sync();
    const scrubbed = await lawrence.ctx.db.events.get(eventId);
    expect(scrubbed?.kind === 'screenshot' && scrubbed.body.thumbnail).toBe('');
    expect((await lawrence.ctx.db.incidents.get(id))?.screenshotCount).toBe(0);
  });

  it("a teammate's annotated copy syncs with its own image; removing the original takes the copy with it on both devices", async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const lawrence = client(server, LAWRENCE);
    const { id } = await declareIncident(sophie.ctx, { title: 'Annotated evidence' });
    const image = (text: string) => ({ bytes: new Blob([text], { type: 'image/webp' }), mimeType: 'image/webp' as const, width: 10, height: 10, thumbnail: THUMB });
    const { eventId: shotId } = await addScreenshot(sophie.ctx, id, { ...image('original'), source: 'visible' });
    // Sophie hands the lead on: from here she may remove things only as the screenshot's author.
    await changeLead(sophie.ctx, id, { id: '0190a000-0000-7000-8000-000000000009', name: 'Ana' });
    await sophie.sync();
    await lawrence.sync();
    // Lawrence neither took it nor leads: he may still annotate it.
    const { eventId: copyId } = await saveAnnotatedCopy(lawrence.ctx, id, shotId, image('annotated'));
    await lawrence.sync();
    expect([...server.objects.keys()].sort()).toEqual([`${TEAM}/${id}/${copyId}.webp`, `${TEAM}/${id}/${shotId}.webp`].sort());
    await sophie.sync();
    expect(timelineEntries(await sophie.ctx.db.events.toArray()).find((t) => t.original)?.event.id).toBe(copyId);

    await removeScreenshot(sophie.ctx, id, shotId);
    await sophie.sync();
    // Her redaction of his copy counted on the server: both rows emptied, both images gone.
    expect(server.rows.filter((r) => r.id === shotId || r.id === copyId).map((r) => r.body)).toEqual([{}, {}]);
    expect(server.objects.size).toBe(0);
    await lawrence.sync();
    const shown = timelineEntries(await lawrence.ctx.db.events.toArray()).filter((t) => t.event.kind === 'screenshot');
    expect(shown).toEqual([]);
    expect(await lawrence.ctx.db.blobs.count()).toBe(0);
  });

  it('quarantines an event whose clock is more than a day ahead, so it cannot drag every clock with it', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const lawrence = client(server, LAWRENCE);
    await declareIncident(sophie.ctx, { title: 'From the future' });
    await sophie.sync();
    server.rows[0]!.hlc = '009999999999999-00000-a';
    await lawrence.sync();
    expect(await lawrence.ctx.db.incidents.count()).toBe(0);
    expect((await lawrence.ctx.db.quarantine.toArray())[0]?.reason).toBe('Clock more than a day ahead');
    expect(String((await lawrence.ctx.db.meta.get(clockItem.key))?.value ?? '') < '009999999999999').toBe(true);
  });

  it('a pull cut off between pages folds what it applied on the next pull', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const { id } = await declareIncident(sophie.ctx, { title: 'Long catch-up' });
    for (let i = 0; i < 9; i++) await addNote(sophie.ctx, id, { text: `n${i}` });
    await sophie.sync();
    const lawrence = client(server, LAWRENCE);
    let pages = 0;
    const cut = { ...lawrence.transport, pull: async (t: string, after: number, limit: number) => {
      if (++pages === 2) throw new Error('worker killed');
      return lawrence.transport.pull(t, after, limit);
    } };
    await expect(pullTeam(lawrence.ctx.db, cut, TEAM, { limit: 4 })).rejects.toThrow('worker killed');
    expect(await lawrence.ctx.db.events.count()).toBe(4); // the first page landed…
    expect(await lawrence.ctx.db.incidents.count()).toBe(0); // …not yet folded, but listed as dirty
    await pullTeam(lawrence.ctx.db, lawrence.transport, TEAM, { limit: 4 });
    expect((await lawrence.ctx.db.incidents.get(id))?.noteCount).toBe(9);
    expect((await lawrence.ctx.db.meta.get(dirtyIncidentsItem.key))?.value).toEqual([]);
  });

  it('keeps local-only incidents on the device', async () => {
    const server = new MemoryServer();
    const sophie = client(server, ME);
    const local = makeContext({ db: sophie.ctx.db, teamId: null });
    const { id } = await declareIncident(local, { title: 'Just mine' });
    await resolveIncident(local, id, 'no_action');
    await sophie.sync();
    expect(server.rows).toHaveLength(0);
    expect(await sophie.ctx.db.outbox.count()).toBe(2);
    expect((await readSyncStatus(sophie.ctx.db, TEAM)).pending).toBe(0);
  });
});
