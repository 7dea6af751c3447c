import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { dirtyIncidentsItem } from '../db/meta-items';
import { addNote, declareIncident } from '../incidents/operations';
import { rebuildProjections } from '../incidents/rebuild';
import { refoldDirty } from './refold-dirty';

/** Incidents whose rows are stale: declared, then notes written straight into the log and listed dirty, as a pull leaves them. */
async function staleIncidents(count: number) {
  const ctx = makeContext();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await declareIncident(ctx, { title: `Incident ${i}` })).id);
  const other = makeContext();
  for (const id of ids) {
    await other.db.incidents.put((await ctx.db.incidents.get(id))!);
    await other.db.events.bulkPut(await ctx.db.events.where('incidentId').equals(id).toArray());
    ctx.advance(1);
  }
  for (const id of ids) await addNote(ctx, id, { text: 'pulled later' });
  // `other` holds every event now but folded rows from before the notes.
  await other.db.events.bulkPut(await ctx.db.events.toArray());
  await dirtyIncidentsItem.put(other.db, ids);
  return { db: other.db, ids };
}

describe('refoldDirty', () => {
  it('folds every dirty incident, a few per transaction, emptying the persisted list as it goes', async () => {
    const { db, ids } = await staleIncidents(5);
    const left: number[] = [];
    expect(await refoldDirty(db, { chunk: 2, onChunk: (n) => left.push(n) })).toBe(5);
    expect(left).toEqual([3, 1, 0]);
    expect(await dirtyIncidentsItem.get(db)).toEqual([]);
    for (const id of ids) expect((await db.incidents.get(id))?.noteCount).toBe(1);
    const folded = await db.incidents.orderBy('id').toArray();
    await rebuildProjections(db);
    expect(await db.incidents.orderBy('id').toArray()).toEqual(folded);
  });

  it('lets a reader in between chunks instead of holding the incidents table until the end', async () => {
    const { db } = await staleIncidents(4);
    const refolding = refoldDirty(db, { chunk: 1 });
    // Queued behind the first chunk's transaction, ahead of the next ones.
    const read = await db.transaction('r', [db.incidents, db.meta], async () => ({
      rows: await db.incidents.count(),
      dirty: (await dirtyIncidentsItem.get(db)).length,
    }));
    expect(read.rows).toBe(4);
    expect(read.dirty).toBeGreaterThan(0); // the refold had not finished when the reader ran
    expect(read.dirty).toBeLessThan(4);
    await refolding;
    expect(await dirtyIncidentsItem.get(db)).toEqual([]);
  });

  it('does nothing when nothing is dirty', async () => {
    const { db } = makeContext();
    expect(await refoldDirty(db)).toBe(0);
  });
});
