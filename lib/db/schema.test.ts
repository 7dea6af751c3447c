import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { IncidentDatabase, type OutboxRow } from './database';
import { makeContext } from '../../test/support/domain';
import { addNote, declareIncident } from '../incidents/operations';
import { LATEST_VERSION, SCHEMA_VERSIONS } from './schema';

let n = 0;
const freshName = () => `schema-test-${++n}`;

/**
 * A database at an older `version`, holding what `write` wrote through
 * today's domain code: the write path targets the latest schema (a table an
 * older version lacks cannot be in its transactions), so the rows are written
 * on a scratch latest database and copied over as the old version stored them.
 */
async function seedAtVersion(version: number, write: (ctx: ReturnType<typeof makeContext>) => Promise<void>) {
  const name = freshName();
  const scratch = makeContext({ db: new IncidentDatabase(freshName()) });
  await write(scratch);
  const old = new IncidentDatabase(name, undefined, version);
  await old.open();
  for (const table of old.tables) {
    if (!scratch.db.tables.some((t) => t.name === table.name)) continue;
    await table.bulkPut(await scratch.db.table(table.name).toArray());
  }
  scratch.db.close();
  const ctx = { ...scratch, db: old };
  return { name, ctx };
}

function indexNames(db: Dexie, table: string): string[] {
  const schema = db.table(table).schema;
  return [schema.primKey.name, ...schema.indexes.map((i) => i.name)].sort();
}

describe('local schema', () => {
  it('declares versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('v1: a fresh install opens with every table and index', async () => {
    const db = new IncidentDatabase(freshName(), undefined, 1);
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['blobs', 'events', 'incidents', 'meta', 'outbox']);
    expect(indexNames(db, 'events')).toEqual(['[incidentId+hlc]', 'hlc', 'id'].sort());
    expect(indexNames(db, 'incidents')).toEqual(
      ['id', 'status', 'lastActivityAt', 'leadId', '[statusRank+lastActivityAt]'].sort(),
    );
    expect(indexNames(db, 'outbox')).toEqual(['eventId', 'seq']);
    db.close();
  });

  it('v1: the outbox refuses to queue one event twice', async () => {
    const db = new IncidentDatabase(freshName(), undefined, 1);
    const row = { eventId: 'e1', incidentId: 'i1', enqueuedAt: '2026-11-26T09:00:00.000Z', attempts: 0 };
    await db.outbox.add({ ...row } as OutboxRow);
    await expect(db.outbox.add({ ...row } as OutboxRow)).rejects.toThrow(/ConstraintError|unique/i);
    db.close();
  });

  it('v2: refolds v1 projection rows so they gain screenshotCount, keeping every event', async () => {
    let id = '';
    const { name, ctx } = await seedAtVersion(1, async (c) => {
      id = (await declareIncident(c, { title: 'Before screenshots' })).id;
      await addNote(c, id, { text: 'old note' });
    });
    // A v1 row as v1 wrote it: no screenshotCount.
    const { screenshotCount: _, ...v1Row } = (await ctx.db.incidents.get(id))!;
    await ctx.db.incidents.put(v1Row as never);
    ctx.db.close();

    const upgraded = new IncidentDatabase(name, undefined, 2);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect(await upgraded.events.count()).toBe(2);
    expect(await upgraded.incidents.get(id)).toMatchObject({ title: 'Before screenshots', noteCount: 1, screenshotCount: 0 });
    upgraded.close();
  });

  it('v3: adds the dead-letter and quarantine tables, keeping every row', async () => {
    let id = '';
    const { name, ctx } = await seedAtVersion(2, async (c) => {
      id = (await declareIncident(c, { title: 'Before sync' })).id;
    });
    ctx.db.close();
    const upgraded = new IncidentDatabase(name, undefined, 3);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect(await upgraded.incidents.get(id)).toMatchObject({ title: 'Before sync' });
    expect(await upgraded.outbox.count()).toBe(1);
    await upgraded.deadLetters.add({ eventId: id, incidentId: id, teamId: id, reason: 'x', failedAt: '2026-11-26T09:00:00.000Z' });
    await upgraded.quarantine.add({ teamId: id, serverSeq: 7, reason: 'bad', row: {}, receivedAt: '2026-11-26T09:00:00.000Z' });
    expect(await upgraded.quarantine.where('teamId').equals(id).count()).toBe(1);
    upgraded.close();
  });

  it('v4: refolds rows so they gain reviewers, customer-update counts and search text', async () => {
    let id = '';
    const { name, ctx } = await seedAtVersion(3, async (c) => {
      id = (await declareIncident(c, { title: 'Search Me' })).id;
      await addNote(c, id, { text: 'Redis OOM' });
    });
    const { reviewerIds: _r, customerUpdateCount: _c, lastCustomerUpdateAt: _l, searchText: _s, ...v3Row } = (await ctx.db.incidents.get(id))!;
    await ctx.db.incidents.put(v3Row as never);
    ctx.db.close();
    const upgraded = new IncidentDatabase(name, undefined, 4);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect(await upgraded.incidents.get(id)).toMatchObject({ reviewerIds: [], customerUpdateCount: 0, searchText: 'search me\n\nredis oom' });
    upgraded.close();
  });

  it("v5: outbox rows gain their event's author, so only the signed-in account's are pushed", async () => {
    const { name, ctx } = await seedAtVersion(4, async (c) => {
      const { id } = await declareIncident(c, { title: 'Queued before v5' });
      await addNote(c, id, { text: 'also queued' });
    });
    // v4 rows as v4 wrote them: no author.
    const rows = await ctx.db.outbox.toArray();
    await ctx.db.outbox.bulkPut(rows.map(({ authorId: _, ...row }) => row as OutboxRow));
    ctx.db.close();
    const upgraded = new IncidentDatabase(name, undefined, 5);
    await upgraded.open();
    expect(upgraded.verno).toBe(5);
    const upgradedRows = await upgraded.outbox.toArray();
    expect(upgradedRows).toHaveLength(2);
    expect(upgradedRows.every((r) => r.authorId === ctx.actor.userId)).toBe(true);
    expect(indexNames(upgraded, 'outbox')).toContain('[teamId+authorId]');
    upgraded.close();
  });

  it('v6: refolds rows so they gain search words and the first customer update, and folds the Insights facts', async () => {
    let id = '';
    const { name, ctx } = await seedAtVersion(5, async (c) => {
      id = (await declareIncident(c, { title: 'Checkout 502s', severity: 'major' })).id;
      await addNote(c, id, { text: 'Postgres pool exhausted' });
    });
    const { searchWords: _w, firstCustomerUpdateAt: _f, ...v5Row } = (await ctx.db.incidents.get(id))!;
    await ctx.db.incidents.put(v5Row as never);
    ctx.db.close();
    const upgraded = new IncidentDatabase(name, undefined, 6);
    await upgraded.open();
    expect(upgraded.verno).toBe(6);
    expect(await upgraded.incidents.get(id)).toMatchObject({ firstCustomerUpdateAt: null, searchWords: ['checkout', '502s', 'postgres', 'pool', 'exhausted'] });
    expect(await upgraded.facts.get(id)).toMatchObject({ id, severity: 'major', status: 'active', reviewedByOutsider: false });
    expect(await upgraded.incidents.where('searchWords').startsWith('postg').primaryKeys()).toEqual([id]);
    expect(indexNames(upgraded, 'incidents')).toEqual(
      [
        'id',
        'status',
        'lastActivityAt',
        'leadId',
        'resolvedAt',
        '[statusRank+lastActivityAt]',
        '[leadId+statusRank+lastActivityAt]',
        '[severity+statusRank+lastActivityAt]',
        'searchWords',
        'openFollowUpCount',
      ].sort(),
    );
    upgraded.close();
  });

  it('opens a database created by the latest version without losing rows', async () => {
    const name = freshName();
    const first = new IncidentDatabase(name);
    await first.meta.put({ key: 'nodeId', value: 'abc' });
    first.close();
    const second = new IncidentDatabase(name);
    expect(await second.meta.get('nodeId')).toEqual({ key: 'nodeId', value: 'abc' });
    expect(second.verno).toBe(LATEST_VERSION);
    second.close();
  });
});
