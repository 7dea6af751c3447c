import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import {
  clockItem,
  dirtyIncidentsItem,
  INITIAL_SYNC_STATE,
  lastSeenItems,
  nodeIdItem,
  pullCursors,
  legacySlackPostedItem,
  announceStatusItem,
  announceDeliveriesItem,
  syncStateItem,
} from './meta-items';
import { META_KEY, META_PREFIX } from './names';

describe('the meta rows', () => {
  it('each have their own key', () => {
    const keys = [...Object.values(META_KEY), ...Object.values(META_PREFIX)];
    expect(new Set(keys).size).toBe(keys.length);
    for (const prefix of Object.values(META_PREFIX)) {
      expect(Object.values(META_KEY).filter((k) => k.startsWith(prefix))).toEqual([]);
    }
  });

  it('read what an earlier version stored: a partial sync state gains the defaults', async () => {
    const { db } = makeContext();
    await db.meta.put({ key: META_KEY.syncState, value: { state: 'offline', attempt: 3 } });
    expect(await syncStateItem.get(db)).toEqual({ ...INITIAL_SYNC_STATE, state: 'offline', attempt: 3 });
  });

  it('read malformed values as their fallbacks', async () => {
    const { db } = makeContext();
    await db.meta.bulkPut([
      { key: clockItem.key, value: 'not a clock' },
      { key: nodeIdItem.key, value: 'Has Spaces' },
      { key: syncStateItem.key, value: { state: 'on fire' } },
      { key: dirtyIncidentsItem.key, value: 'a,b' },
      { key: legacySlackPostedItem.key, value: [1, 2] },
      { key: announceStatusItem.key, value: { a: { ok: 'yes' } } },
      { key: announceDeliveriesItem.key, value: 'sent' },
      { key: pullCursors.key('team'), value: '12' },
      { key: lastSeenItems.key('incident'), value: 'yesterday' },
    ]);
    expect(await clockItem.get(db)).toBeNull();
    expect(await nodeIdItem.get(db)).toBeNull();
    expect(await syncStateItem.get(db)).toEqual(INITIAL_SYNC_STATE);
    expect(await dirtyIncidentsItem.get(db)).toEqual([]);
    expect(await legacySlackPostedItem.get(db)).toEqual([]);
    expect(await announceStatusItem.get(db)).toEqual({});
    expect(await announceDeliveriesItem.get(db)).toEqual({});
    expect(await pullCursors.get(db, 'team')).toBeUndefined();
    expect(await lastSeenItems.get(db, 'incident')).toBeUndefined();
  });

  it('read well-formed values as stored', async () => {
    const { db } = makeContext();
    await clockItem.put(db, '001764147600000-00003-ab12');
    await nodeIdItem.put(db, 'ab12');
    await announceStatusItem.put(db, { a: { ok: false, message: 'Webhook gone', at: '2026-11-30T14:00:00.000Z' } });
    expect(await clockItem.get(db)).toBe('001764147600000-00003-ab12');
    expect(await nodeIdItem.get(db)).toBe('ab12');
    expect(await announceStatusItem.get(db)).toEqual({ a: { ok: false, message: 'Webhook gone', at: '2026-11-30T14:00:00.000Z' } });
  });
});
