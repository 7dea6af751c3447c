import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { buildCatchUp, CATCH_UP_FOLLOW_UPS } from './catch-up';
import { addCustomerUpdate, addFollowUp, addNote, changeLead, changeSeverity, declareIncident, resolveIncident, setFollowUpDone } from './operations';
import { readTimeline } from './queries';

async function teammateIncident() {
  const lawrence = makeContext({ actor: LAWRENCE });
  const me = makeContext({ db: lawrence.db });
  const declared = await declareIncident(lawrence, { title: 'Checkout down', severity: 'minor' });
  return { lawrence, me, id: declared.id, declaredAt: Date.parse(declared.declaredAt) };
}

async function catchUp(ctx: ReturnType<typeof makeContext>, id: string, nowMs = ctx.now()) {
  const incident = (await ctx.db.incidents.get(id))!;
  return buildCatchUp(incident, await readTimeline(ctx.db, id), nowMs);
}

describe('buildCatchUp', () => {
  it('reads severity, lead, time active, the last customer update, open follow-ups and the last three notes off the log', async () => {
    const { lawrence, me, id, declaredAt } = await teammateIncident();
    await addNote(lawrence, id, { text: 'First look: 502s from payments-api' });
    await addCustomerUpdate(lawrence, id, 'email', 'We are investigating.');
    await changeSeverity(lawrence, id, 'major');
    await addNote(me, id, { text: 'Pool exhausted\n  at connect()', format: 'log' });
    await addCustomerUpdate(me, id, 'status_page', 'Card payments fail in the EU.');
    const { followUps } = await addFollowUp(lawrence, id, 'Alert on pool exhaustion');
    await addFollowUp(lawrence, id, 'Load test the pool');
    await addFollowUp(me, id, 'Write the runbook');
    await addFollowUp(me, id, 'Review timeouts');
    await setFollowUpDone(lawrence, id, followUps[0]!.id, true);
    await addNote(lawrence, id, { text: 'Rolled back 412' });
    await addNote(me, id, { text: '<b>not markup</b>, just text' });
    await changeLead(lawrence, id, { id: me.actor.userId, name: me.actor.displayName });

    const now = declaredAt + 75 * 60_000;
    const c = await catchUp(me, id, now);
    expect(c).toMatchObject({ severity: 'major', leadId: me.actor.userId, leadName: 'Sophie', status: 'active', outcome: null, durationMs: 75 * 60_000 });
    expect(c.lastCustomerUpdate).toMatchObject({ authorId: me.actor.userId, channel: 'status_page', text: 'Card payments fail in the EU.' });
    expect(c.openFollowUps.count).toBe(3);
    expect(c.openFollowUps.first.map((f) => f.text)).toEqual(['Load test the pool', 'Write the runbook', 'Review timeouts'].slice(0, CATCH_UP_FOLLOW_UPS));
    expect(c.lastNotes.map((n) => [n.authorId, n.text, n.format])).toEqual([
      [me.actor.userId, '<b>not markup</b>, just text', 'plain'],
      [LAWRENCE.userId, 'Rolled back 412', 'plain'],
      [me.actor.userId, 'Pool exhausted\n  at connect()', 'log'],
    ]);
  });

  it('says how long a resolved incident ran, whatever the time now', async () => {
    const { lawrence, id, declaredAt } = await teammateIncident();
    lawrence.advance(45 * 60_000);
    await resolveIncident(lawrence, id, 'fixed');
    const c = await catchUp(lawrence, id, declaredAt + 10 * 86_400_000);
    expect(c).toMatchObject({ status: 'resolved', outcome: 'fixed', durationMs: 45 * 60_000 });
  });

  it('has nothing to list for a fresh incident: no notes, no customer update, no follow-ups', async () => {
    const { lawrence, id } = await teammateIncident();
    const c = await catchUp(lawrence, id);
    expect(c.lastNotes).toEqual([]);
    expect(c.lastCustomerUpdate).toBeNull();
    expect(c.openFollowUps).toEqual({ count: 0, first: [] });
    expect(c.durationMs).toBe(0);
  });
});
