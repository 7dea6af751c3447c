import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { changeLead, declareIncident } from '../incidents/operations';
import type { IncidentEvent } from '../model/event';
import { planNotices } from './notice-plan';
import { noticesFor } from './what-to-notify';

const on = { notifyMajorDeclared: true, notifyMadeLead: true };
const names = (id: string) => (id === LAWRENCE.userId ? 'Lawrence' : 'Someone');

describe('noticesFor', () => {
  it("notifies me of a teammate's Major incident and of being made lead, never of my own events", async () => {
    const ctx = makeContext();
    const lawrence = { ...ctx, actor: LAWRENCE };
    const major = await declareIncident(lawrence, { title: 'DB down', severity: 'major', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    const minor = await declareIncident(lawrence, { title: 'Flaky', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    await changeLead(lawrence, minor.id, { id: ME.userId, name: 'Sophie' });
    await declareIncident(ctx, { title: 'Mine', severity: 'major' });
    const events = (await ctx.db.events.toArray()) as IncidentEvent[];
    const notices = noticesFor(events, ME.userId, on, names, ctx.now());
    expect(notices.map((n) => n.title).sort()).toEqual(['Major incident: DB down', 'You are now leading an incident']);
    expect(notices.find((n) => n.incidentId === major.id)?.message).toBe('Lawrence is leading. Join in if you can help.');
    expect(noticesFor(events, ME.userId, { notifyMajorDeclared: false, notifyMadeLead: false }, names, ctx.now())).toEqual([]);
    // An hour's clock skew still rings; history pulled on joining a team, or after days offline, does not.
    expect(noticesFor(events, ME.userId, on, names, ctx.now() + 60 * 60_000)).toHaveLength(2);
    expect(noticesFor(events, ME.userId, on, names, ctx.now() + 121 * 60_000)).toEqual([]);
  });

  it('a pull of fifteen Major incidents gives three notifications and one summary of twelve', async () => {
    const ctx = makeContext();
    const lawrence = { ...ctx, actor: LAWRENCE };
    for (let i = 0; i < 15; i++) await declareIncident(lawrence, { title: `Outage ${i}`, severity: 'major', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    const events = (await ctx.db.events.toArray()) as IncidentEvent[];
    const plan = planNotices(noticesFor(events, ME.userId, on, names, ctx.now()));
    expect(plan.show).toHaveLength(3);
    expect(plan.summary?.message).toBe("…and 12 more updates in your team's incidents.");
  });
});
