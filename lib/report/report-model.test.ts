import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext } from '../../test/support/domain';
import { screenshot } from '../../test/support/device-history';
import { appendEvents } from '../incidents/append';
import { addFollowUp, addNote, changeLead, declareIncident, resolveIncident, setFollowUpDone } from '../incidents/operations';
import { saveAnnotatedCopy } from '../incidents/annotations';
import { removeScreenshot } from '../incidents/screenshots';
import { incidentNumbers } from '../db/meta-items';
import { loadIncidentReport } from './load-report';
import { UNKNOWN_AUTHOR } from './report-model';

const PARIS = { locale: 'en-GB', timeZone: 'Europe/Paris' };

describe('buildIncidentReport / loadIncidentReport', () => {
  it('holds the header facts, follow-ups open and done, and the whole dated timeline without redacted screenshots', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major', summary: 'Card payments fail' });
    await ctx.db.meta.put({ key: incidentNumbers.key(id), value: 12 });
    ctx.advance(60_000);
    await addNote(ctx, id, { text: 'Rolled back deploy 412' });
    const { followUps } = await addFollowUp(ctx, id, 'Alert on pool exhaustion');
    await addFollowUp(ctx, id, 'Load test checkout');
    await setFollowUpDone(ctx, id, followUps[0]!.id, true);
    const kept = await screenshot(ctx, id);
    const hidden = await screenshot(ctx, id, 'secret', 'Customer record');
    await removeScreenshot(ctx, id, hidden.eventId);
    ctx.advance(65 * 60_000);
    await resolveIncident(ctx, id, 'fixed');

    const report = (await loadIncidentReport(ctx.db, id, { now: ctx.now(), ...PARIS }))!;
    expect(report).toMatchObject({
      ref: 'INC-12',
      title: 'Checkout 500s',
      severity: 'Major',
      status: 'Resolved',
      lead: 'Sophie',
      summary: 'Card payments fail',
      outcome: 'Fixed',
      duration: 'Took 1 h 6 min',
      declared: { utc: '2026-11-26 09:00 UTC', local: '26 Nov 2026, 10:00 CET' },
      resolved: { utc: '2026-11-26 10:06 UTC', local: '26 Nov 2026, 11:06 CET' },
      generated: { utc: '2026-11-26 10:06 UTC' },
    });
    expect(report.followUps.open.map((f) => f.text)).toEqual(['Load test checkout']);
    expect(report.followUps.done.map((f) => f.text)).toEqual(['Alert on pool exhaustion']);
    expect(report.followUpText.get(followUps[0]!.id)).toBe('Alert on pool exhaustion');
    expect(report.entries.map((e) => e.event.kind)).toEqual([
      'declared',
      'note',
      'follow_up_added',
      'follow_up_added',
      'follow_up_done',
      'screenshot',
      'redacted', // the removal stays on record ("Removed a screenshot."); the screenshot it hides does not
      'status_changed',
    ]);
    expect(report.screenshots.map((s) => s.id)).toEqual([kept.eventId]);
    expect(report.entries.some((e) => e.event.id === hidden.eventId)).toBe(false);
    expect(report.entries[1]).toMatchObject({ author: 'Sophie', at: { utc: '2026-11-26 09:01 UTC', local: '26 Nov 2026, 10:01 CET' } });
  });

  it('says how long an active incident has been running, with no resolution or outcome', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Slow search', severity: 'minor' });
    const report = (await loadIncidentReport(ctx.db, id, { now: ctx.now() + 90 * 60_000, ...PARIS }))!;
    expect(report).toMatchObject({ status: 'Active', severity: 'Minor', resolved: null, outcome: null, duration: 'Running for 1 h 30 min' });
    expect(report.ref).toMatch(/^[0-9a-f]{8}$/); // local-only: the end of the id
  });

  it('names authors from the caller, then from the log, then as a teammate', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'DNS', severity: 'minor' });
    await changeLead(ctx, id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
    const stranger = '0190a000-0000-7000-8000-0000000000ff';
    await appendEvents({ ...ctx, actor: { userId: stranger, displayName: 'X' } }, id, [{ kind: 'note', body: { text: 'hi' } }]);
    await appendEvents({ ...ctx, actor: LAWRENCE }, id, [{ kind: 'note', body: { text: 'on it' } }]);
    const report = (await loadIncidentReport(ctx.db, id, { now: ctx.now(), nameOf: (u) => (u === ctx.actor.userId ? 'Me' : undefined) }))!;
    expect(report.entries.map((e) => e.author)).toEqual(['Me', 'Me', UNKNOWN_AUTHOR, 'Lawrence']);
    // Names still being read (extension storage) are waited for, alongside the log.
    const later = (await loadIncidentReport(ctx.db, id, { now: ctx.now(), nameOf: Promise.resolve(() => 'Later') }))!;
    expect(later.entries.map((e) => e.author)).toEqual(['Later', 'Later', 'Later', 'Later']);
    expect(report.lead).toBe('Lawrence');
  });

  it('shows an annotated copy in its original\'s place, dated and named as the original, with who annotated it', async () => {
    const ctx = makeContext();
    const { id } = await declareIncident(ctx, { title: 'Spike', severity: 'minor' });
    const original = await screenshot(ctx, id);
    ctx.advance(10 * 60_000);
    const lawrence = { ...ctx, actor: LAWRENCE };
    const copy = await saveAnnotatedCopy(lawrence, id, original.eventId, {
      bytes: new Blob(['annotated'], { type: 'image/webp' }),
      mimeType: 'image/webp',
      width: 4,
      height: 3,
      thumbnail: 'data:image/webp;base64,AAAA',
    });
    const nameOf = (u: string) => (u === LAWRENCE.userId ? 'Lawrence' : undefined);
    const report = (await loadIncidentReport(ctx.db, id, { now: ctx.now(), nameOf, ...PARIS }))!;
    const shots = report.entries.filter((e) => e.event.kind === 'screenshot');
    expect(shots).toHaveLength(1);
    expect(shots[0]).toMatchObject({ event: { id: copy.eventId }, author: 'Sophie', annotatedBy: 'Lawrence', at: { utc: '2026-11-26 09:00 UTC' } });
    expect(report.screenshots.map((s) => s.id)).toEqual([copy.eventId]);
  });

  it('keeps a title with markup as plain text, exactly as typed', async () => {
    const ctx = makeContext();
    const title = '<img src=x onerror=alert(1)> & "quotes"';
    const { id } = await declareIncident(ctx, { title, severity: 'minor' });
    const report = (await loadIncidentReport(ctx.db, id, { now: ctx.now() }))!;
    expect(report.title).toBe(title);
  });

  it('answers null for an incident that is not on this device, and writes nothing', async () => {
    const ctx = makeContext();
    expect(await loadIncidentReport(ctx.db, '0190a000-0000-7000-8000-00000000abcd', { now: ctx.now() })).toBeNull();
    expect(await ctx.db.events.count()).toBe(0);
  });
});
