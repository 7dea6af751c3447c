import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { changeLead, declareIncident, resolveIncident } from './operations';
import { findMyCurrentIncident, listKnownPeople } from './queries';

const ANNA = { id: '0190a000-0000-7000-8000-0000000000a1', name: 'Anna' };

describe('listKnownPeople', () => {
  it('lists me first, then everyone who has led here once each, by name, with the name of their first incident', async () => {
    const ctx = makeContext();
    const me = { id: ME.userId, name: ME.displayName };
    expect(await listKnownPeople(ctx.db, me)).toEqual([me]);
    await declareIncident(ctx, { title: 'Mine' });
    await declareIncident(ctx, { title: 'Lawrence 1', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    ctx.advance(1_000);
    await declareIncident(ctx, { title: 'Lawrence 2', lead: { id: LAWRENCE.userId, name: 'Lawrence Renamed' } });
    await declareIncident(ctx, { title: 'Anna', lead: ANNA });
    expect(await listKnownPeople(ctx.db, me)).toEqual([me, ANNA, { id: LAWRENCE.userId, name: 'Lawrence' }]);
  });

  it('counts only current leads: a handed-over incident names its new lead', async () => {
    const ctx = makeContext();
    const me = { id: ME.userId, name: ME.displayName };
    const one = await declareIncident(ctx, { title: 'Handed over' });
    await changeLead(ctx, one.id, ANNA);
    expect(await listKnownPeople(ctx.db, me)).toEqual([me, ANNA]);
  });
});

describe('findMyCurrentIncident', () => {
  it('is the active incident I lead with the latest activity, never a resolved or someone else\'s', async () => {
    const ctx = makeContext();
    const older = await declareIncident(ctx, { title: 'Older' });
    ctx.advance(1_000);
    const newer = await declareIncident(ctx, { title: 'Newer' });
    ctx.advance(1_000);
    await declareIncident(ctx, { title: 'Theirs', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    expect((await findMyCurrentIncident(ctx.db, ME.userId))?.id).toBe(newer.id);
    ctx.advance(1_000);
    await resolveIncident(ctx, newer.id, 'fixed');
    expect((await findMyCurrentIncident(ctx.db, ME.userId))?.id).toBe(older.id);
  });
});
