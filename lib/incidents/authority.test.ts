import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import { formatHlc } from '../clock/hlc';
import type { IncidentEvent } from '../model/event';
import { hiddenEntries, incidentAuthority, mayRemove } from './authority';
import { ValidationError } from './errors';
import { foldIncident } from './fold';
import { changeLead, declareIncident } from './operations';
import { addScreenshot, removeScreenshot } from './screenshots';

const THUMB = 'data:image/webp;base64,AAAA';
const MALLORY = '0190a000-0000-7000-8000-0000000000ee';

async function incidentWithScreenshot() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Checkout 500s' });
  const shot = await addScreenshot(ctx, incident.id, {
    bytes: new Blob(['pixels']),
    mimeType: 'image/webp',
    width: 4,
    height: 3,
    thumbnail: THUMB,
    source: 'visible',
  });
  const events = await ctx.db.events.toArray();
  return { ctx, incident, shotId: shot.eventId, events };
}

let forgedCount = 0;

/** An event someone else wrote, stamped `wall` ms (hlc) after the epoch. */
function forged(base: IncidentEvent, patch: Partial<IncidentEvent> & Pick<IncidentEvent, 'kind' | 'body'>, wall: number): IncidentEvent {
  const id = `0190a000-0000-7000-8000-${String(++forgedCount).padStart(12, '0')}`;
  return { ...base, id, authorId: MALLORY, hlc: formatHlc({ wall, counter: 0, node: 'zz' }), ...patch } as IncidentEvent;
}

describe('authority over the record', () => {
  it('a second `declared` stamped in 1970 takes nothing over: title, severity, lead and declarer stay', async () => {
    const { events, incident } = await incidentWithScreenshot();
    const takeover = forged(
      events[0]!,
      { kind: 'declared', body: { title: 'Mine now', severity: 'major', leadId: MALLORY, leadName: 'Mallory' } },
      1,
    );
    const folded = foldIncident([...events, takeover])!;
    expect(folded).toMatchObject({ title: 'Checkout 500s', severity: 'minor', leadId: ME.userId, declaredBy: ME.userId });
    expect(folded.eventCount).toBe(incident.eventCount + 1);
    expect(incidentAuthority([...events, takeover]).ignored).toEqual(new Set([takeover.id]));
  });

  it("a teammate's redaction of someone else's screenshot hides nothing; the author's own does", async () => {
    const { events, shotId } = await incidentWithScreenshot();
    const later = Date.UTC(2026, 10, 26, 10);
    const byMallory = forged(events[0]!, { kind: 'redacted', body: { eventId: shotId, reason: 'removed' } }, later);
    expect(foldIncident([...events, byMallory])!.screenshotCount).toBe(1);
    expect(hiddenEntries([...events, byMallory])).toEqual(new Set([byMallory.id]));

    const byAuthor = { ...byMallory, id: '0190a000-0000-7000-8000-0000000000f1', authorId: ME.userId };
    expect(foldIncident([...events, byAuthor])!.screenshotCount).toBe(0);
    expect(hiddenEntries([...events, byAuthor])).toEqual(new Set([shotId]));
  });

  it('the lead as of the redaction may remove it; a lead made after it, or a far-future handover, does not count earlier', async () => {
    const { events, shotId } = await incidentWithScreenshot();
    const t = Date.UTC(2026, 10, 26, 10);
    const handover = forged(events[0]!, { kind: 'lead_changed', body: { leadId: MALLORY, leadName: 'Mallory' } }, t);
    const removal = forged(events[0]!, { kind: 'redacted', body: { eventId: shotId, reason: 'removed' } }, t + 1);
    expect(hiddenEntries([...events, handover, removal]).has(shotId)).toBe(true);
    // The same handover stamped after the removal: Mallory was not the lead when removing.
    const lateHandover = { ...handover, hlc: formatHlc({ wall: t + 2, counter: 0, node: 'zz' }) };
    expect(hiddenEntries([...events, lateHandover, removal]).has(shotId)).toBe(false);
  });

  it('a redaction naming an entry of another incident hides nothing', async () => {
    const { events, shotId } = await incidentWithScreenshot();
    const other = '0190a000-0000-7000-8000-0000000000dd';
    const stray = { ...forged(events[0]!, { kind: 'redacted', body: { eventId: shotId, reason: 'removed' } }, 5), incidentId: other, authorId: ME.userId };
    expect(hiddenEntries([...events, stray]).has(shotId)).toBe(false);
  });

  it('offers removal to the author and the current lead only', () => {
    expect(mayRemove({ authorId: ME.userId }, LAWRENCE.userId, ME.userId)).toBe(true);
    expect(mayRemove({ authorId: LAWRENCE.userId }, ME.userId, ME.userId)).toBe(true);
    expect(mayRemove({ authorId: LAWRENCE.userId }, LAWRENCE.userId, ME.userId)).toBe(false);
    expect(mayRemove({ authorId: ME.userId }, ME.userId, undefined)).toBe(false);
  });

  it("refuses to remove a screenshot for someone who neither took it nor leads, and changes nothing", async () => {
    const { ctx, incident, shotId } = await incidentWithScreenshot();
    await changeLead(ctx, incident.id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
    const mallory = { ...ctx, actor: { userId: MALLORY, displayName: 'Mallory' } };
    const before = await ctx.db.events.count();
    await expect(removeScreenshot(mallory, incident.id, shotId)).rejects.toThrow(ValidationError);
    expect(await ctx.db.events.count()).toBe(before);
    expect((await ctx.db.incidents.get(incident.id))?.screenshotCount).toBe(1);
    // The lead may.
    const lawrence = { ...ctx, actor: LAWRENCE };
    await removeScreenshot(lawrence, incident.id, shotId);
    expect((await ctx.db.incidents.get(incident.id))?.screenshotCount).toBe(0);
  });
});
