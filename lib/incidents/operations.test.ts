import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { clockItem } from '../db/meta-items';
import { StorageFullError, ValidationError } from './errors';
import {
  addFollowUp,
  addCustomerUpdate,
  addFeedback,
  addNote,
  changeLead,
  markReviewed,
  changeSeverity,
  changeSummary,
  changeTitle,
  declareIncident,
  reopenIncident,
  resolveIncident,
  setFollowUpDone,
} from './operations';
import { findMyCurrentIncident, readTimeline } from './queries';
import { listView } from './views';

async function counts(ctx: ReturnType<typeof makeContext>) {
  const { db } = ctx;
  return { events: await db.events.count(), incidents: await db.incidents.count(), outbox: await db.outbox.count() };
}

describe('declareIncident', () => {
  it('writes the declared event, the projection and the outbox entry together', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: '  Checkout 500s  ', sourceUrl: 'https://sentry.io/issues/1' });
    expect(incident).toMatchObject({
      title: 'Checkout 500s',
      severity: 'minor',
      status: 'active',
      leadId: ME.userId,
      leadName: 'Sophie',
      sourceUrl: 'https://sentry.io/issues/1',
      eventCount: 1,
    });
    const [event] = await readTimeline(ctx.db, incident.id);
    expect(event).toMatchObject({ id: incident.id, incidentId: incident.id, kind: 'declared', authorId: ME.userId });
    expect((await ctx.db.outbox.toArray()).map((o) => o.eventId)).toEqual([incident.id]);
  });

  it('drops a source URL that is not http(s) rather than failing', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: 'From the new tab page', sourceUrl: 'chrome://newtab/' });
    expect(incident.sourceUrl).toBeNull();
  });

  it.each([
    ['', /Give the incident a title/],
    ['   \t ', /Give the incident a title/],
    ['x'.repeat(201), /200 characters or fewer/],
    ['Disk\tfull', /control characters/],
    ['line\nbreak', /control characters/],
    ['bell\u0007', /control characters/],
  ])('refuses the title %j with a clear message and writes nothing', async (title, message) => {
    const ctx = makeContext();
    const error = await declareIncident(ctx, { title }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(message);
    expect((error as ValidationError).field).toBe('title');
    expect(await counts(ctx)).toEqual({ events: 0, incidents: 0, outbox: 0 });
  });

  it('accepts exactly 200 characters', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: 'é'.repeat(200) });
    expect(incident.title).toHaveLength(200);
  });

  it('keeps markup in a title as text', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: '<img src=x onerror=alert(1)>' });
    expect(incident.title).toBe('<img src=x onerror=alert(1)>');
  });

  it('leaves no half-written incident when the disk is full', async () => {
    const ctx = makeContext();
    // The outbox write is the last of the transaction: fail it as a full disk would.
    ctx.db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await declareIncident(ctx, { title: 'Database CPU at 100%' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/out of storage space/);
    expect(await counts(ctx)).toEqual({ events: 0, incidents: 0, outbox: 0 });
    expect(await ctx.db.meta.get(clockItem.key)).toBeUndefined();
  });
});

describe('changes to an incident', () => {
  it('lands each change on the timeline in order and refolds the projection', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Slow search', severity: 'minor' });
    ctx.advance(1_000);
    await changeSeverity(ctx, id, 'major');
    await changeTitle(ctx, id, 'Search timing out for EU customers');
    await changeLead(ctx, id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
    await addNote(ctx, id, { text: 'p99 is 12s since the deploy' });
    const incident = await resolveIncident(ctx, id, 'fixed');

    expect(incident).toMatchObject({
      title: 'Search timing out for EU customers',
      severity: 'major',
      leadName: 'Lawrence',
      status: 'resolved',
      outcome: 'fixed',
      noteCount: 1,
      eventCount: 6,
    });
    expect(incident.resolvedAt).toBe(new Date(ctx.now()).toISOString());
    const kinds = (await readTimeline(ctx.db, id)).map((e) => e.kind);
    expect(kinds).toEqual(['declared', 'severity_changed', 'title_changed', 'lead_changed', 'note', 'status_changed']);
    expect(await ctx.db.outbox.count()).toBe(6);
  });

  it('appends nothing for a change that changes nothing', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Flaky login', severity: 'major' });
    await changeSeverity(ctx, id, 'major');
    await changeTitle(ctx, id, ' Flaky login ');
    await reopenIncident(ctx, id);
    expect(await ctx.db.events.count()).toBe(1);
  });

  // Nothing in the UI calls changeSummary yet: issue 11 (step 5) adds summary
  // editing in the side panel on top of it, so it is kept, and held here.
  it('logs a summary change, trimmed, and nothing when the summary is unchanged', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Payments failing', summary: 'Stripe webhooks 500' });
    await changeSummary(ctx, id, ' Stripe webhooks 500 ');
    expect(await ctx.db.events.count()).toBe(1);
    const incident = await changeSummary(ctx, id, '  Webhook secret rotated without a deploy ');
    expect(incident.summary).toBe('Webhook secret rotated without a deploy');
    expect((await readTimeline(ctx.db, id)).map((e) => e.kind)).toEqual(['declared', 'summary_changed']);
  });

  it('refuses to resolve twice, and reopening clears the outcome', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Webhook retries' });
    await resolveIncident(ctx, id, 'deferred', { followUp: 'Move retries to a queue' });
    await expect(resolveIncident(ctx, id, 'fixed')).rejects.toThrow(/already resolved/);
    const reopened = await reopenIncident(ctx, id);
    expect(reopened).toMatchObject({ status: 'active', outcome: null, resolvedAt: null });
  });

  it('keeps a pasted log exactly, leading indentation included', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'OOM' });
    const log = '\n    at Object.<anonymous> (index.js:1:1)\n\tat next (router.js:9:2)\n\n';
    await addNote(ctx, id, { text: log, format: 'log' });
    const note = (await readTimeline(ctx.db, id)).find((e) => e.kind === 'note');
    expect(note?.kind === 'note' && note.body).toEqual({
      text: '    at Object.<anonymous> (index.js:1:1)\n\tat next (router.js:9:2)',
      format: 'log',
    });
  });

  it('refuses an empty note and writes nothing', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'OOM' });
    await expect(addNote(ctx, id, { text: '  \n ' })).rejects.toThrow(/Write something first/);
    expect(await ctx.db.events.count()).toBe(1);
  });

  it('tracks follow-ups being added and ticked off', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Cert expired' });
    const withItem = await addFollowUp(ctx, id, 'Alert 14 days before expiry');
    const item = withItem.followUps[0]!;
    expect(item).toMatchObject({ text: 'Alert 14 days before expiry', done: false });
    const ticked = await setFollowUpDone(ctx, id, item.id, true);
    expect(ticked.followUps[0]?.done).toBe(true);
    const unticked = await setFollowUpDone(ctx, id, item.id, false);
    expect(unticked.followUps[0]?.done).toBe(false);
  });

  it('refuses changes to an incident that does not exist', async () => {
    const ctx = makeContext();
    await expect(addNote(ctx, '0190a000-0000-7000-8000-0000000000ff', { text: 'hi' })).rejects.toThrow(/no longer exists/);
    expect(await ctx.db.events.count()).toBe(0);
  });
});

describe('triage and review', () => {
  it('refuses to defer without a follow-up, and adds the follow-up with the resolution', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Slow exports' });
    const error = await resolveIncident(ctx, id, 'deferred').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/Deferring needs a follow-up/);
    expect(await ctx.db.events.count()).toBe(1);
    const resolved = await resolveIncident(ctx, id, 'deferred', { followUp: 'Paginate the export query' });
    expect(resolved).toMatchObject({ status: 'resolved', outcome: 'deferred' });
    expect(resolved.followUps.map((f) => f.text)).toEqual(['Paginate the export query']);
  });

  it('defers with a follow-up already logged', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Flaky test' });
    await addFollowUp(ctx, id, 'Quarantine the test');
    expect((await resolveIncident(ctx, id, 'deferred')).outcome).toBe('deferred');
  });

  it('counts reviewers apart from the people who worked the incident, once each', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Reviewed later' });
    const reviewer = { ...ctx, actor: LAWRENCE };
    await markReviewed(reviewer, id);
    await markReviewed(reviewer, id);
    await addFeedback(reviewer, id, 'Great trail of graphs, thank you');
    const incident = await ctx.db.incidents.get(id);
    expect(incident?.reviewerIds).toEqual([LAWRENCE.userId]);
    expect(incident?.participantIds).toEqual([ME.userId]);
    expect(await ctx.db.events.count()).toBe(3);
  });

  it('logs customer updates and makes notes searchable', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Checkout Errors' });
    await addNote(ctx, id, { text: 'Stripe returns 402 for EU cards' });
    ctx.advance(60_000);
    const incident = await addCustomerUpdate(ctx, id, 'status_page', 'We are investigating failed payments.');
    expect(incident.customerUpdateCount).toBe(1);
    expect(incident.lastCustomerUpdateAt).toBe(new Date(ctx.now()).toISOString());
    expect(incident.searchText).toContain('stripe returns 402');
    expect(incident.searchText).toContain('checkout errors');
  });
});

describe('queries', () => {
  it('lists active and resolved incidents by last activity', async () => {
    const ctx = makeContext();
    const a = await declareIncident(ctx, { title: 'A' });
    ctx.advance(60_000);
    const b = await declareIncident(ctx, { title: 'B' });
    ctx.advance(60_000);
    const c = await declareIncident(ctx, { title: 'C' });
    ctx.advance(60_000);
    await resolveIncident(ctx, b.id, 'no_action');
    ctx.advance(60_000);
    await addNote(ctx, a.id, { text: 'still looking' });
    expect((await listView(ctx.db, 'active', ME.userId, ctx.now())).map((i) => i.title)).toEqual(['A', 'C']);
    expect((await listView(ctx.db, 'resolved', ME.userId, ctx.now())).map((i) => i.title)).toEqual(['B']);
    expect(c.status).toBe('active');
  });

  it('finds the active incident I lead with the latest activity', async () => {
    const ctx = makeContext();
    expect(await findMyCurrentIncident(ctx.db, ME.userId)).toBeNull();
    const first = await declareIncident(ctx, { title: 'First' });
    ctx.advance(1_000);
    await declareIncident(ctx, { title: 'Theirs', lead: { id: LAWRENCE.userId, name: 'Lawrence' } });
    expect((await findMyCurrentIncident(ctx.db, ME.userId))?.id).toBe(first.id);
    await resolveIncident(ctx, first.id, 'fixed');
    expect(await findMyCurrentIncident(ctx.db, ME.userId)).toBeNull();
  });

  it('orders the timeline by the clock even when ids would not', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Clock' });
    await addNote(ctx, id, { text: 'one' });
    await addNote(ctx, id, { text: 'two' });
    const timeline = await readTimeline(ctx.db, id);
    expect(timeline.map((e) => e.hlc)).toEqual(timeline.map((e) => e.hlc).sort());
    expect(await ctx.db.events.where('[incidentId+hlc]').between([id, Dexie.minKey], [id, Dexie.maxKey]).count()).toBe(3);
  });
});

describe('readTimeline with a limit', () => {
  it('reads only the start of a long log, in order', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Long' });
    for (let i = 0; i < 10; i++) await addNote(ctx, id, { text: `n${i}` });
    const head = await readTimeline(ctx.db, id, 4);
    const all = await readTimeline(ctx.db, id);
    expect(head).toEqual(all.slice(0, 4));
    expect(all).toHaveLength(11);
  });
});
