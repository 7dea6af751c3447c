import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import type { IncidentEvent } from '../model/event';
import { foldIncident } from './fold';
import {
  addFollowUp,
  addNote,
  changeLead,
  changeSeverity,
  changeTitle,
  declareIncident,
  reopenIncident,
  resolveIncident,
  setFollowUpDone,
} from './operations';
import { readTimeline } from './queries';
import { rebuildProjections } from './rebuild';

// Deterministic shuffle so a failure can be replayed.
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function busyIncident() {
  const ctx = makeContext();
  const { id } = await declareIncident(ctx, { title: 'Payments failing', summary: 'Stripe webhooks 500' });
  const steps = [
    () => changeSeverity(ctx, id, 'major'),
    () => addNote(ctx, id, { text: 'Looks like the new deploy' }),
    () => changeLead(ctx, id, { id: LAWRENCE.userId, name: 'Lawrence' }),
    () => addFollowUp(ctx, id, 'Add an alert on webhook error rate'),
    () => changeTitle(ctx, id, 'Payments failing after deploy 412'),
    () => resolveIncident(ctx, id, 'deferred'),
    () => reopenIncident(ctx, id),
    () => changeSeverity(ctx, id, 'minor'),
    () => resolveIncident(ctx, id, 'fixed'),
  ];
  for (const step of steps) {
    ctx.advance(5_000);
    await step();
  }
  const incident = await ctx.db.incidents.get(id);
  await setFollowUpDone(ctx, id, incident!.followUps[0]!.id, true);
  return { ctx, id, events: await readTimeline(ctx.db, id) };
}

describe('foldIncident', () => {
  it('gives the same state whatever order the events arrive in', async () => {
    const { events, ctx, id } = await busyIncident();
    const expected = await ctx.db.incidents.get(id);
    expect(expected).toMatchObject({ title: 'Payments failing after deploy 412', status: 'resolved', outcome: 'fixed' });
    for (let seed = 1; seed <= 50; seed++) {
      expect(foldIncident(shuffled(events, seed))).toEqual(expected);
    }
  });

  it('is last-writer-wins by clock, not by arrival', () => {
    const base = {
      incidentId: '0190a000-0000-7000-8000-0000000000aa',
      teamId: null,
      authorId: LAWRENCE.userId,
      createdAt: '2026-11-26T09:00:00.000Z',
    };
    const declared: IncidentEvent = {
      ...base,
      id: base.incidentId,
      hlc: '001764147600000-00000-a',
      kind: 'declared',
      body: { title: 'T', severity: 'minor', leadId: LAWRENCE.userId, leadName: 'Lawrence' },
    };
    const fromB: IncidentEvent = {
      ...base,
      id: '0190a000-0000-7000-8000-0000000000bb',
      hlc: '001764147600005-00000-b',
      kind: 'severity_changed',
      body: { severity: 'minor' },
    };
    const fromA: IncidentEvent = {
      ...base,
      id: '0190a000-0000-7000-8000-0000000000cc',
      hlc: '001764147600004-00000-a',
      kind: 'severity_changed',
      body: { severity: 'major' },
    };
    expect(foldIncident([declared, fromB, fromA])?.severity).toBe('minor');
    expect(foldIncident([fromA, declared, fromB])?.severity).toBe('minor');
  });

  it('has no incident until it has seen the declaration', async () => {
    const { events } = await busyIncident();
    expect(foldIncident(events.filter((e) => e.kind !== 'declared'))).toBeNull();
  });
});

describe('rebuildProjections', () => {
  it('rebuilds rows identical to the ones kept incrementally', async () => {
    const { ctx } = await busyIncident();
    for (let i = 0; i < 5; i++) {
      const { id } = await declareIncident(ctx, { title: `Incident ${i}`, severity: i % 2 ? 'major' : 'minor' });
      await addNote(ctx, id, { text: `note ${i}` });
      if (i % 3 === 0) await resolveIncident(ctx, id, 'no_action');
    }
    const before = await ctx.db.incidents.orderBy('id').toArray();
    await ctx.db.incidents.clear();
    expect(await rebuildProjections(ctx.db)).toBe(6);
    expect(await ctx.db.incidents.orderBy('id').toArray()).toEqual(before);
  });
});
