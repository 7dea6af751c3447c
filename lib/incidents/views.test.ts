import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { addCustomerUpdate, addNote, changeSeverity, declareIncident, markReviewed, resolveIncident } from './operations';
import { customerUpdateDue, listView, readIncidents, viewHead, viewIds, VIEWS } from './views';

async function fixture() {
  const ctx = makeContext();
  const theirs = { ...ctx, actor: LAWRENCE };
  const mine = await declareIncident(ctx, { title: 'My minor' });
  ctx.advance(60_000);
  const major = await declareIncident(theirs, { title: 'Their major', severity: 'major', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
  ctx.advance(60_000);
  const notMine = await declareIncident(theirs, { title: 'Resolved without me', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
  await addNote(theirs, notMine.id, { text: 'Redis evictions spiked' });
  await resolveIncident(theirs, notMine.id, 'fixed');
  ctx.advance(60_000);
  const helped = await declareIncident(theirs, { title: 'I helped', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
  await addNote(ctx, helped.id, { text: 'I looked at the graphs' });
  await resolveIncident(theirs, helped.id, 'no_action');
  return { ctx, theirs, mine, major, notMine, helped };
}

describe('side panel views', () => {
  it('Active, Mine, Major and Resolved', async () => {
    const { ctx, mine, major, notMine, helped } = await fixture();
    const titles = async (view: Parameters<typeof listView>[1]) => (await listView(ctx.db, view, ME.userId, ctx.now())).map((i) => i.title);
    expect(await titles('active')).toEqual([major.title, mine.title]);
    expect(await titles('mine')).toEqual([mine.title]);
    expect(await titles('major')).toEqual([major.title]);
    expect(await titles('resolved')).toEqual([helped.title, notMine.title]);
  });

  it('Not involved: resolved incidents I took no part in, until I review them', async () => {
    const { ctx, notMine } = await fixture();
    const queue = async () => (await listView(ctx.db, 'not_involved', ME.userId, ctx.now())).map((i) => i.id);
    expect(await queue()).toEqual([notMine.id]);
    await markReviewed(ctx, notMine.id);
    expect(await queue()).toEqual([]);
    // Older than the review window: not asked for any more.
    const later = makeContext({ db: ctx.db, actor: { userId: '0190a000-0000-7000-8000-0000000000d9', displayName: 'New hire' } });
    expect((await listView(later.db, 'not_involved', later.actor.userId, ctx.now() + 31 * 86_400_000)).length).toBe(0);
  });

  it('orders equal activity times by id, newest first, the same on every read', async () => {
    const ctx = makeContext();
    // No clock advance: three declarations with the same lastActivityAt.
    const made = [await declareIncident(ctx, { title: 'One' }), await declareIncident(ctx, { title: 'Two' }), await declareIncident(ctx, { title: 'Three' })];
    const byIdDesc = made.map((i) => i.id).sort().reverse();
    expect(await viewIds(ctx.db, 'active', ME.userId, ctx.now())).toEqual(byIdDesc);
    expect(await viewIds(ctx.db, 'mine', ME.userId, ctx.now())).toEqual(byIdDesc);
    ctx.advance(60_000);
    await addNote(ctx, made[0]!.id, { text: 'moves up' });
    expect((await viewIds(ctx.db, 'active', ME.userId, ctx.now()))[0]).toBe(made[0]!.id);
  });

  it('puts active incidents first in Mine and Major, each by last activity, however recent the resolved ones', async () => {
    const ctx = makeContext();
    const oldActive = await declareIncident(ctx, { title: 'Old active', severity: 'major' });
    ctx.advance(60_000);
    const newerActive = await declareIncident(ctx, { title: 'Newer active', severity: 'major' });
    ctx.advance(60_000);
    const resolvedOld = await declareIncident(ctx, { title: 'Resolved first', severity: 'major' });
    ctx.advance(60_000);
    await resolveIncident(ctx, resolvedOld.id, 'fixed');
    ctx.advance(60_000);
    const resolvedNew = await declareIncident(ctx, { title: 'Resolved last', severity: 'major' });
    await resolveIncident(ctx, resolvedNew.id, 'fixed');
    await declareIncident(ctx, { title: 'Minor, not mine', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    const expected = [newerActive.id, oldActive.id, resolvedNew.id, resolvedOld.id];
    expect(await viewIds(ctx.db, 'mine', ME.userId, ctx.now())).toEqual(expected);
    expect(await viewIds(ctx.db, 'major', ME.userId, ctx.now())).toEqual(expected);
    expect(await viewIds(ctx.db, 'mine', LAWRENCE.userId, ctx.now())).toHaveLength(1);
  });

  it('reads the first ids of every view without the rest, in the same order as the whole view', async () => {
    const ctx = makeContext();
    const theirs = { ...ctx, actor: LAWRENCE };
    // 14 incidents: ties in activity time (no clock advance between pairs), both leads, both
    // severities, resolved ones more recent than active ones, and some reviewed.
    for (let i = 0; i < 7; i++) {
      const who = i % 2 ? theirs : ctx;
      const lead = i % 2 ? { id: LAWRENCE.userId, name: 'Lawrence' } : undefined;
      const a = await declareIncident(who, { title: `A${i}`, severity: i % 3 ? 'minor' : 'major', ...(lead ? { lead } : {}) });
      const b = await declareIncident(who, { title: `B${i}`, severity: i % 2 ? 'major' : 'minor', ...(lead ? { lead } : {}) });
      ctx.advance(60_000);
      if (i % 3 === 0 && i > 0) await resolveIncident(who, a.id, 'fixed');
      if (i % 4 === 0) await resolveIncident(theirs, b.id, 'no_action');
      ctx.advance(60_000);
    }
    for (const view of VIEWS) {
      for (const me of [ME.userId, LAWRENCE.userId]) {
        const whole = await viewIds(ctx.db, view, me, ctx.now());
        for (const limit of [0, 1, 3, 5, whole.length, whole.length + 10]) {
          expect([view, me, limit, await viewHead(ctx.db, view, me, ctx.now(), limit)]).toEqual([view, me, limit, whole.slice(0, limit)]);
        }
      }
    }
    // The fixture reaches the cases the cursor must get right: a view longer than the limit,
    // and Mine and Major with both active and resolved rows.
    expect((await viewIds(ctx.db, 'active', ME.userId, ctx.now())).length).toBeGreaterThan(5);
    const major = await listView(ctx.db, 'major', ME.userId, ctx.now());
    expect(new Set(major.map((i) => i.status))).toEqual(new Set(['active', 'resolved']));
  });

  it('reads a page of rows as they are now: a row changed after its view was read comes changed, a removed one is left out', async () => {
    const { ctx, theirs, mine, major } = await fixture();
    const ids = await viewIds(ctx.db, 'active', ME.userId, ctx.now());
    expect(ids).toEqual([major.id, mine.id]);
    ctx.advance(60_000);
    await addNote(ctx, mine.id, { text: 'written while the list was open' });
    await resolveIncident(theirs, major.id, 'fixed');
    await ctx.db.incidents.delete(major.id); // as a rebuild that drops a row would
    const page = await readIncidents(ctx.db, ids);
    expect(page.map((i) => [i.id, i.eventCount])).toEqual([[mine.id, 2]]);
    // The live view's ids move on: the resolved one has left Active.
    expect(await viewIds(ctx.db, 'active', ME.userId, ctx.now())).toEqual([mine.id]);
  });

  it('nudges for a customer update on an active Major incident after the set time', async () => {
    const { ctx, theirs, major, mine } = await fixture();
    const at = (minutes: number) => Date.parse(major.declaredAt) + minutes * 60_000;
    expect(customerUpdateDue(major, at(29), 30)).toBe(false);
    expect(customerUpdateDue(major, at(30), 30)).toBe(true);
    expect(customerUpdateDue(mine, at(300), 30)).toBe(false); // Minor: no nudge
    ctx.advance(40 * 60_000);
    const updated = await addCustomerUpdate(theirs, major.id, 'email', 'We are on it.');
    expect(customerUpdateDue(updated, ctx.now() + 10 * 60_000, 30)).toBe(false);
    expect(customerUpdateDue(updated, ctx.now() + 30 * 60_000, 30)).toBe(true);
    const minor = await changeSeverity(theirs, major.id, 'minor');
    expect(customerUpdateDue(minor, ctx.now() + 300 * 60_000, 30)).toBe(false);
  });
});
