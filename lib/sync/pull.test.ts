import { describe, expect, it } from 'vitest';
import { MemoryServer } from '../../test/support/memory-server';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import type { IncidentDatabase } from '../db/database';
import { dirtyIncidentsItem, syncStateItem } from '../db/meta-items';
import { addNote, declareIncident } from '../incidents/operations';
import { rebuildProjections } from '../incidents/rebuild';
import { syncOnce } from './engine';
import { pullTeam, type PullProgress } from './pull';
import { describeSync } from './status';
import type { SyncTransport } from './transport';

const TEAM = '0190a000-0000-7000-8000-0000000000a1';

/** A team whose server holds `incidents` incidents of `notes` notes each, written by Sophie. */
async function teamWith(incidents: number, notes: number) {
  const server = new MemoryServer();
  server.join(TEAM, ME.userId);
  server.join(TEAM, LAWRENCE.userId);
  const sophie = makeContext({ actor: ME, teamId: TEAM });
  for (let i = 0; i < incidents; i++) {
    const { id } = await declareIncident(sophie, { title: `Incident ${i}` });
    for (let n = 0; n < notes; n++) await addNote(sophie, id, { text: `note ${n} of ${i}` });
  }
  await syncOnce({ db: sophie.db, transport: server.transport(ME.userId), teamId: TEAM, authorId: ME.userId, now: sophie.now }, { force: true });
  return server;
}

const rows = async (db: IncidentDatabase) => ({
  incidents: await db.incidents.orderBy('id').toArray(),
  facts: await db.facts.orderBy('id').toArray(),
});

// Each test writes a team of up to 91 events first: seconds on a loaded 2-core machine.
describe('a long pull (first sync of a big team)', { timeout: 30_000 }, () => {
  it('counts what lies ahead once and reports each page against it; the persisted state reads "Syncing n of N"', async () => {
    const server = await teamWith(6, 9); // 60 events
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport = server.transport(LAWRENCE.userId);
    const seen: string[] = [];
    const watching: SyncTransport = {
      ...transport,
      pull: async (...args) => {
        // What the side panel reads at this moment.
        seen.push(describeSync({ ...(await syncStateItem.get(lawrence.db)), pending: 0 }));
        return transport.pull(...args);
      },
    };
    const final = await syncOnce({ db: lawrence.db, transport: watching, teamId: TEAM, authorId: LAWRENCE.userId, now: lawrence.now, pullLimit: 25 }, { force: true });
    // Each page is asked for while the one before is applied, so each call sees the state one page behind.
    expect(seen).toEqual(['Synced', 'Syncing 0 of 60', 'Syncing 25 of 60']);
    expect(final).toMatchObject({ state: 'synced', progress: null });
    expect(describeSync({ ...(await syncStateItem.get(lawrence.db)), pending: 0 })).toBe('Synced');
  });

  it('asks for the next page while applying the one before, and a page that fails after it stops the pull with the earlier pages applied', async () => {
    const server = await teamWith(3, 9); // 30 events
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport = server.transport(LAWRENCE.userId);
    const log: string[] = [];
    const tracing: SyncTransport = {
      ...transport,
      pull: async (t, after, limit) => {
        log.push(`ask after ${after} (holding ${await lawrence.db.events.count()})`);
        if (log.length === 3) throw new Error('network gone');
        return transport.pull(t, after, limit);
      },
    };
    await expect(pullTeam(lawrence.db, tracing, TEAM, { limit: 10 })).rejects.toThrow('network gone');
    const seqs = server.rows.map((r) => r.server_seq);
    expect(log).toEqual([`ask after 0 (holding 0)`, `ask after ${seqs[9]} (holding 0)`, `ask after ${seqs[19]} (holding 10)`]);
    expect(await lawrence.db.events.count()).toBe(20); // both pages it held were applied
    await pullTeam(lawrence.db, transport, TEAM, { limit: 10 });
    expect(await lawrence.db.events.count()).toBe(30);
  });

  it('a pull of one page says nothing about progress (every minute’s sync would flicker)', async () => {
    const server = await teamWith(1, 3);
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const progress: PullProgress[] = [];
    await pullTeam(lawrence.db, server.transport(LAWRENCE.userId), TEAM, { limit: 25, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([]);
  });

  it('an older server without pull_status: no total, "Syncing…", and the pull completes', async () => {
    const server = await teamWith(3, 9);
    server.hasPullStatus = false;
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const progress: PullProgress[] = [];
    const pulled = await pullTeam(lawrence.db, server.transport(LAWRENCE.userId), TEAM, { limit: 10, onProgress: (p) => progress.push(p) });
    // Three full pages, then an empty one that ends the pull.
    expect(progress).toEqual([{ done: 10, total: null }, { done: 20, total: null }, { done: 30, total: null }]);
    expect(describeSync({ state: 'syncing', pending: 0, lastError: null, progress: progress[0]! })).toBe('Syncing…');
    expect(pulled.added).toBe(30);
    expect(await lawrence.db.incidents.count()).toBe(3);
  });

  it('a status call that fails does not fail the pull', async () => {
    const server = await teamWith(2, 9);
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport: SyncTransport = { ...server.transport(LAWRENCE.userId), status: () => Promise.reject(new Error('503')) };
    const progress: PullProgress[] = [];
    await pullTeam(lawrence.db, transport, TEAM, { limit: 10, onProgress: (p) => progress.push(p) });
    expect(progress.every((p) => p.total === null)).toBe(true);
    expect(await lawrence.db.incidents.count()).toBe(2);
  });

  it('never shows more done than the total when rows arrive during the pull', async () => {
    const server = await teamWith(2, 9); // 20 events counted
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport = server.transport(LAWRENCE.userId);
    const growing: SyncTransport = { ...transport, status: async (t, a) => ({ ...(await transport.status!(t, a))!, remaining: 5 }) };
    const progress: PullProgress[] = [];
    await pullTeam(lawrence.db, growing, TEAM, { limit: 10, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([{ done: 10, total: 10 }, { done: 20, total: 20 }]);
  });

  it('folds incidents while the pull runs, every few pages, so they appear before it ends', async () => {
    const server = await teamWith(8, 9); // 80 events, an incident's 10 together in server order
    const lawrence = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport = server.transport(LAWRENCE.userId);
    const shown: number[] = [];
    const watching: SyncTransport = {
      ...transport,
      pull: async (...args) => (shown.push(await lawrence.db.incidents.count()), transport.pull(...args)),
    };
    await pullTeam(lawrence.db, watching, TEAM, { limit: 10, foldEveryPages: 2 });
    // Page k+1 is asked for while page k is applied: folded after pages 2, 4, 6
    // and 8 (whole incidents by then: 10 events each).
    expect(shown).toEqual([0, 0, 0, 2, 2, 4, 4, 6, 6]);
    expect(await lawrence.db.incidents.count()).toBe(8);
  });

  it('a pull killed mid-way resumes and ends with the rows of an uninterrupted one, which equal a full refold', async () => {
    const server = await teamWith(7, 12); // 91 events
    const whole = makeContext({ actor: LAWRENCE, teamId: TEAM });
    await pullTeam(whole.db, server.transport(LAWRENCE.userId), TEAM, { limit: 10, foldEveryPages: 3, foldChunk: 2 });

    const cut = makeContext({ actor: LAWRENCE, teamId: TEAM });
    const transport = server.transport(LAWRENCE.userId);
    let pages = 0;
    const dying: SyncTransport = {
      ...transport,
      pull: async (...args) => {
        if (++pages === 6) throw new Error('worker killed');
        return transport.pull(...args);
      },
    };
    await expect(pullTeam(cut.db, dying, TEAM, { limit: 10, foldEveryPages: 3, foldChunk: 2 })).rejects.toThrow('worker killed');
    expect(await cut.db.events.count()).toBe(50);
    expect(await cut.db.incidents.count()).toBeGreaterThan(0); // folded after page 3
    expect((await dirtyIncidentsItem.get(cut.db)).length).toBeGreaterThan(0); // pages 4 and 5 wait, listed
    await pullTeam(cut.db, transport, TEAM, { limit: 10, foldEveryPages: 3, foldChunk: 2 });

    expect(await dirtyIncidentsItem.get(cut.db)).toEqual([]);
    const resumed = await rows(cut.db);
    expect(resumed.incidents).toHaveLength(7);
    expect(resumed).toEqual(await rows(whole.db));
    await rebuildProjections(cut.db);
    expect(await rows(cut.db)).toEqual(resumed);
  });
});
