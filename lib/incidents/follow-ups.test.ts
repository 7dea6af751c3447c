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
});
