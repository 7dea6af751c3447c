import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { announceStatusItem } from '../db/meta-items';
import { recordStatus } from './record-status';

describe('recordStatus', () => {
  it('sets one destination’s status and keeps the others, even when written at the same time', async () => {
    const { db } = makeContext();
    const at = '2026-11-30T22:00:00.000Z';
    await Promise.all([
      recordStatus(db, 'a', { ok: true, message: 'Sent', at }),
      recordStatus(db, 'b', { ok: false, message: 'Refused', at }),
      recordStatus(db, 'c', { ok: true, message: 'Test message sent', at }),
    ]);
    expect(Object.keys(await announceStatusItem.get(db)).sort()).toEqual(['a', 'b', 'c']);
    await recordStatus(db, 'b', { ok: true, message: 'Sent', at });
    expect((await announceStatusItem.get(db)).b).toEqual({ ok: true, message: 'Sent', at });
  });
});
