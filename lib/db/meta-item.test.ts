import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeContext } from '../../test/support/domain';
import { metaFamily, metaItem } from './meta-item';

const counter = metaItem('test:counter', z.number().int(), 0);
const scores = metaFamily('test:score:', z.number());

describe('metaItem', () => {
  it('reads the fallback when nothing is stored, and what was put afterwards', async () => {
    const { db } = makeContext();
    expect(await counter.get(db)).toBe(0);
    await counter.put(db, 7);
    expect(await counter.get(db)).toBe(7);
    expect(await db.meta.get('test:counter')).toEqual({ key: 'test:counter', value: 7 });
  });

  it('reads a malformed stored value as the fallback instead of throwing', async () => {
    const { db } = makeContext();
    for (const bad of ['7', 1.5, null, { n: 7 }, [7]]) {
      await db.meta.put({ key: 'test:counter', value: bad });
      await expect(counter.get(db)).resolves.toBe(0);
    }
  });

  it('can be awaited inside a Dexie transaction, many times over, without committing it early', async () => {
    const { db } = makeContext();
    const total = await db.transaction('rw', [db.meta, db.events], async () => {
      for (let i = 0; i < 200; i++) await counter.put(db, (await counter.get(db)) + 1);
      await db.events.count(); // the transaction is still open here
      return counter.get(db);
    });
    expect(total).toBe(200);
  });
});

describe('metaFamily', () => {
  it('keys each id under the prefix and reads back only what parses', async () => {
    const { db } = makeContext();
    await scores.putAll(db, new Map([['a', 1], ['b', 2]]));
    await db.meta.bulkPut([
      { key: scores.key('c'), value: 'three' },
      { key: 'test:other', value: 4 },
    ]);
    expect(scores.key('a')).toBe('test:score:a');
    expect(await scores.get(db, 'a')).toBe(1);
    expect(await scores.get(db, 'c')).toBeUndefined();
    expect(await scores.get(db, 'z')).toBeUndefined();
    expect(await scores.all(db)).toEqual(new Map([['a', 1], ['b', 2]]));
  });

  it('writes nothing for no entries', async () => {
    const { db } = makeContext();
    await scores.putAll(db, []);
    expect(await db.meta.count()).toBe(0);
  });
});
