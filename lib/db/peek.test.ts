import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { declareIncident, resolveIncident } from '../incidents/operations';
import { findMyCurrentIncident } from '../incidents/queries';
import { peekActiveLeadIds } from './peek';

describe('peekActiveLeadIds', () => {
  it('agrees with findMyCurrentIncident as incidents come and go', async () => {
    const ctx = makeContext();
    const name = ctx.db.name;
    const both = async (userId: string) => [
      (await peekActiveLeadIds(indexedDB, name))?.has(userId),
      (await findMyCurrentIncident(ctx.db, userId)) !== null,
    ];
    await ctx.db.open();
    expect(await both(ME.userId)).toEqual([false, false]);
    const mine = await declareIncident(ctx, { title: 'Mine' });
    expect(await both(ME.userId)).toEqual([true, true]);
    expect(await both(LAWRENCE.userId)).toEqual([false, false]);
    await declareIncident(ctx, { title: 'Theirs', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    expect(await both(LAWRENCE.userId)).toEqual([true, true]);
    await resolveIncident(ctx, mine.id, 'fixed');
    expect(await both(ME.userId)).toEqual([false, false]);
  });

  it('finds every lead of an active incident among many leads, active and resolved mixed', async () => {
    const ctx = makeContext();
    const leads = Array.from({ length: 9 }, (_, i) => ({ id: `0190a000-0000-7000-8000-00000000010${i}`, name: `Lead ${i}` }));
    for (const [i, lead] of leads.entries()) {
      // Lead i declares i % 4 incidents and resolves the first i % 3 of them.
      const made = [];
      for (let n = 0; n < i % 4; n++) made.push(await declareIncident(ctx, { title: `${lead.name} #${n}`, lead }));
      for (const incident of made.slice(0, i % 3)) await resolveIncident(ctx, incident.id, 'fixed');
    }
    const expected = new Set((await ctx.db.incidents.toArray()).filter((i) => i.status === 'active').map((i) => i.leadId));
    expect(expected.size).toBeGreaterThan(2);
    expect(await peekActiveLeadIds(indexedDB, ctx.db.name)).toEqual(expected);
  });

  it('reads a database from before v6, which has no lead index yet, the old way', async () => {
    const name = `v5-${Math.random()}`;
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open(name, 50);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('incidents', { keyPath: 'id' });
        store.createIndex('status', 'status');
        store.put({ id: 'a', status: 'active', leadId: 'sophie' });
        store.put({ id: 'b', status: 'resolved', leadId: 'lawrence' });
      };
      open.onsuccess = () => {
        open.result.close();
        done();
      };
      open.onerror = () => fail(open.error);
    });
    expect(await peekActiveLeadIds(indexedDB, name)).toEqual(new Set(['sophie']));
  });

  it("answers don't know, not never, when a stored rank is one it cannot step past", async () => {
    const name = `odd-rank-${Math.random()}`;
    await new Promise<void>((done, fail) => {
      const open = indexedDB.open(name, 60);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('incidents', { keyPath: 'id' });
        store.createIndex('status', 'status');
        store.createIndex('[leadId+statusRank+lastActivityAt]', ['leadId', 'statusRank', 'lastActivityAt']);
        store.put({ id: 'a', status: 'active', leadId: 'sophie', statusRank: 0, lastActivityAt: '2026-12-01T00:00:00.000Z' });
        // A rank of [] sorts after every number and string: [lead, [] + 1] = [lead, ''] is behind it.
        store.put({ id: 'b', status: 'resolved', leadId: 'lawrence', statusRank: [], lastActivityAt: '2026-12-01T00:00:00.000Z' });
      };
      open.onsuccess = () => {
        open.result.close();
        done();
      };
      open.onerror = () => fail(open.error);
    });
    expect(await peekActiveLeadIds(indexedDB, name)).toBeNull();
  });

  it('answers no for a database that does not exist, without creating it', async () => {
    const name = `never-created-${Math.random()}`;
    expect(await peekActiveLeadIds(indexedDB, name)).toEqual(new Set());
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it("answers don't know when IndexedDB fails", async () => {
    const broken = {
      open() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await peekActiveLeadIds(broken)).toBeNull();
  });
});
