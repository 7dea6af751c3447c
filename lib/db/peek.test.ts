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
