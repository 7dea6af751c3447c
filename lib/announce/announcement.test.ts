import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { addCustomerUpdate, changeLead, changeSeverity, declareIncident, resolveIncident } from '../incidents/operations';
import { readTimeline } from '../incidents/queries';
import { announcementFor, wants } from './announcement';

describe('announcementFor', () => {
  it('announces a Major declared and resolved, with the lead, summary, outcome, duration and link', async () => {
    const ctx = makeContext();
    const major = await declareIncident(ctx, { title: 'Payments down', severity: 'major', summary: 'EU cards', sourceUrl: 'https://sentry.io/issues/1' });
    ctx.advance(65 * 60_000);
    const resolved = await resolveIncident(ctx, major.id, 'fixed');
    const [declared, status] = await readTimeline(ctx.db, major.id);
    const a = announcementFor(declared!, resolved, { number: 12 })!;
    expect(a).toMatchObject({ what: 'declared', topics: ['declared', 'major'], headline: 'Major incident declared' });
    expect(a.incident).toMatchObject({ number: 12, title: 'Payments down', leadName: 'Sophie', summary: 'EU cards', link: 'https://sentry.io/issues/1' });
    const r = announcementFor(status!, resolved)!;
    expect(r).toMatchObject({ what: 'resolved', topics: ['major'], headline: 'Major incident resolved after 1 h 5 min' });
    expect(r.incident).toMatchObject({ outcome: 'Fixed', duration: '1 h 5 min' });
    expect(announcementFor(declared!, resolved, { includeLink: false })!.incident.link).toBeNull();
  });

  it('a Minor declared is for `declared` only; raising it to Major is `major`; lead and customer updates have their own topics', async () => {
    const ctx = makeContext();
    const minor = await declareIncident(ctx, { title: 'Flaky test' });
    const raised = await changeSeverity(ctx, minor.id, 'major');
    await changeLead(ctx, minor.id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
    const now = await addCustomerUpdate(ctx, minor.id, 'status_page', 'We are on it');
    const [declared, severity, lead, update] = await readTimeline(ctx.db, minor.id);
    expect(announcementFor(declared!, { ...raised, severity: 'minor' })!.topics).toEqual(['declared']);
    expect(announcementFor(severity!, raised)!.topics).toEqual(['major']);
    expect(announcementFor(lead!, now)).toMatchObject({ topics: ['lead_changed'], headline: 'Lawrence is now leading' });
    expect(announcementFor(update!, now)).toMatchObject({ topics: ['customer_update'], customerUpdate: { channel: 'status page', text: 'We are on it' } });
    expect(wants(['major'], announcementFor(declared!, { ...raised, severity: 'minor' })!)).toBe(false);
    expect(wants(['declared', 'lead_changed'], announcementFor(lead!, now)!)).toBe(true);
  });

  it('says nothing for a Minor resolved, a note, or an unknown incident', async () => {
    const ctx = makeContext();
    const minor = await declareIncident(ctx, { title: 'Minor' });
    const resolved = await resolveIncident(ctx, minor.id, 'no_action');
    const [declared, status] = await readTimeline(ctx.db, minor.id);
    expect(announcementFor(status!, resolved)).toBeNull();
    expect(announcementFor(declared!, undefined)).toBeNull();
  });
});
