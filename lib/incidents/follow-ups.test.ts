import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { openFollowUps } from './follow-ups';
import { addFollowUp, declareIncident, setFollowUpDone } from './operations';

describe('openFollowUps', () => {
  it('lists open follow-ups across incidents, oldest first, without the done ones', async () => {
    const ctx = makeContext();
    const a = await declareIncident(ctx, { title: 'A' });
    const b = await declareIncident(ctx, { title: 'B' });
    await addFollowUp(ctx, a.id, 'first');
    ctx.advance(1_000);
    const withSecond = await addFollowUp(ctx, b.id, 'second');
    ctx.advance(1_000);
    await addFollowUp(ctx, a.id, 'third');
    await setFollowUpDone(ctx, b.id, withSecond.followUps[0]!.id, true);
    expect((await openFollowUps(ctx.db)).map((r) => `${r.incident.title}: ${r.followUp.text}`)).toEqual(['A: first', 'A: third']);
  });

  it('reads only incidents with a follow-up open, off the openFollowUpCount index', async () => {
    const ctx = makeContext();
    const quiet = await declareIncident(ctx, { title: 'No follow-ups' });
    const done = await declareIncident(ctx, { title: 'All done' });
    const open = await declareIncident(ctx, { title: 'One open' });
    const added = await addFollowUp(ctx, done.id, 'ticked off');
    await setFollowUpDone(ctx, done.id, added.followUps[0]!.id, true);
    await addFollowUp(ctx, open.id, 'still open');
    const twice = await addFollowUp(ctx, open.id, 'also open');
    expect(twice.openFollowUpCount).toBe(2);
    expect((await ctx.db.incidents.get(done.id))!.openFollowUpCount).toBe(0);
    expect((await ctx.db.incidents.get(quiet.id))!.openFollowUpCount).toBe(0);
    expect(await ctx.db.incidents.where('openFollowUpCount').above(0).primaryKeys()).toEqual([open.id]);
    expect((await openFollowUps(ctx.db)).map((r) => r.followUp.text)).toEqual(['still open', 'also open']);
  });
});
