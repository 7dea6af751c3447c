import { describe, expect, it } from 'vitest';
import { LAWRENCE, makeContext, ME } from '../../test/support/domain';
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import { saveAnnotatedCopy } from './annotations';
import { hiddenEntries, redactionRefusal } from './authority';
import { NotFoundError, ValidationError } from './errors';
import { declareIncident } from './operations';
import { readTimeline } from './queries';
import { addScreenshot, removeScreenshot, replaceWithRedactedCopy, type EncodedScreenshot } from './screenshots';
import { timelineEntries } from './timeline-entries';

const THUMB = 'data:image/webp;base64,AAAA';
const MALLORY = { userId: '0190a000-0000-7000-8000-0000000000ee', displayName: 'Mallory' };

const encoded = (text: string): EncodedScreenshot => ({
  bytes: new Blob([text], { type: 'image/webp' }),
  mimeType: 'image/webp',
  width: 4,
  height: 3,
  thumbnail: THUMB,
});

/** I declare (so I lead) and take a screenshot of a dashboard. */
async function myScreenshot() {
  const ctx = makeContext();
  const incident = await declareIncident(ctx, { title: 'Latency spike' });
  const { eventId: shotId } = await addScreenshot(ctx, incident.id, {
    ...encoded('original pixels'),
    source: 'element',
    pageUrl: 'https://grafana.example/d/latency',
    pageTitle: 'Latency',
  });
  const as = (actor: typeof ME) => ({ ...ctx, actor });
  const timeline = () => readTimeline(ctx.db, incident.id);
  return { ctx, incident, shotId, as, timeline };
}

/** The timeline's entries as [shown id, original id], leaving out the "Removed a screenshot" entries. */
const shownIds = (events: readonly IncidentEvent[]) =>
  timelineEntries(events)
    .filter((t) => t.event.kind !== 'redacted')
    .map((t) => [t.event.id, t.original?.id]);

describe('saveAnnotatedCopy', () => {
  it('stores the copy as a new screenshot pointing at the original, with its own image, shown in its place', async () => {
    const { ctx, incident, shotId, timeline } = await myScreenshot();
    ctx.advance(60_000);
    const { eventId } = await saveAnnotatedCopy(ctx, incident.id, shotId, encoded('annotated pixels'));

    const copy = (await ctx.db.events.get(eventId)) as ScreenshotEvent;
    expect(copy.body).toMatchObject({
      annotatesEventId: shotId,
      source: 'element',
      pageUrl: 'https://grafana.example/d/latency',
      pageTitle: 'Latency',
    });
    expect(await (await ctx.db.blobs.get(copy.body.blobId))!.bytes.text()).toBe('annotated pixels');
    const original = (await ctx.db.events.get(shotId)) as ScreenshotEvent;
    expect(await (await ctx.db.blobs.get(original.body.blobId))!.bytes.text()).toBe('original pixels');
    // The copy sits where the original was (second, after the declaration), not at the end.
    expect(shownIds(await timeline())).toEqual([[incident.id, undefined], [eventId, shotId]]);
    // Queued for sync like any screenshot.
    expect(await ctx.db.outbox.where('eventId').equals(eventId).count()).toBe(1);
  });

  it('annotating the copy again points at the original, and the newest copy is the one shown', async () => {
    const { ctx, incident, shotId, timeline } = await myScreenshot();
    const first = await saveAnnotatedCopy(ctx, incident.id, shotId, encoded('one arrow'));
    ctx.advance(1_000);
    const second = await saveAnnotatedCopy(ctx, incident.id, first.eventId, encoded('two arrows'));
    expect(((await ctx.db.events.get(second.eventId)) as ScreenshotEvent).body.annotatesEventId).toBe(shotId);
    expect(shownIds(await timeline())).toEqual([[incident.id, undefined], [second.eventId, shotId]]);
  });

  it('refuses an empty image or a removed screenshot, and writes nothing', async () => {
    const { ctx, incident, shotId } = await myScreenshot();
    const before = await ctx.db.events.count();
    await expect(saveAnnotatedCopy(ctx, incident.id, shotId, { ...encoded(''), bytes: new Blob([]) })).rejects.toThrow(ValidationError);
    await removeScreenshot(ctx, incident.id, shotId);
    const afterRemoval = await ctx.db.events.count();
    await expect(saveAnnotatedCopy(ctx, incident.id, shotId, encoded('x'))).rejects.toThrow(NotFoundError);
    expect(afterRemoval).toBe(before + 1);
    expect(await ctx.db.events.count()).toBe(afterRemoval);
  });
});

describe('removing and redacting annotated screenshots', () => {
  it('removing the shown copy takes the original with it, and scrubs both images', async () => {
    const { ctx, incident, shotId, as, timeline } = await myScreenshot();
    const { eventId: copyId } = await saveAnnotatedCopy(as(LAWRENCE), incident.id, shotId, encoded('drawn by Lawrence'));
    await removeScreenshot(ctx, incident.id, copyId);
    const events = await timeline();
    expect(shownIds(events)).toEqual([[incident.id, undefined]]);
    expect(await ctx.db.blobs.count()).toBe(0);
    const scrubbed = events.filter((e): e is ScreenshotEvent => e.kind === 'screenshot').map((e) => e.body.thumbnail);
    expect(scrubbed).toEqual(['', '']);
  });

  it("a teammate who annotated my screenshot may remove only their copy; the original shows again", async () => {
    const { incident, shotId, as, timeline } = await myScreenshot();
    const lawrence = as(LAWRENCE);
    const { eventId: copyId } = await saveAnnotatedCopy(lawrence, incident.id, shotId, encoded('drawn by Lawrence'));
    await removeScreenshot(lawrence, incident.id, copyId);
    expect(shownIds(await timeline())).toEqual([[incident.id, undefined], [shotId, undefined]]);
    expect(await lawrence.db.blobs.count()).toBe(1);
  });

  it('a teammate may not redact an annotated copy of my screenshot (the original would stay), and nothing changes', async () => {
    const { incident, shotId, as, timeline } = await myScreenshot();
    const lawrence = as(LAWRENCE);
    const { eventId: copyId } = await saveAnnotatedCopy(lawrence, incident.id, shotId, encoded('drawn by Lawrence'));
    const before = await timeline();
    await expect(replaceWithRedactedCopy(lawrence, incident.id, copyId, encoded('black boxes'))).rejects.toThrow(
      /would leave the original showing/,
    );
    expect(await timeline()).toEqual(before);
  });

  it('redacting the shown copy hides the original and every copy; only the redacted copy is left', async () => {
    const { ctx, incident, shotId, as, timeline } = await myScreenshot();
    const older = await saveAnnotatedCopy(as(LAWRENCE), incident.id, shotId, encoded('older'));
    ctx.advance(1_000);
    const newer = await saveAnnotatedCopy(ctx, incident.id, shotId, encoded('newer'));
    await replaceWithRedactedCopy(ctx, incident.id, newer.eventId, encoded('black boxes'));
    const events = await timeline();
    const hidden = hiddenEntries(events);
    expect([shotId, older.eventId, newer.eventId].every((id) => hidden.has(id))).toBe(true);
    const shown = timelineEntries(events).filter((t) => t.event.kind === 'screenshot');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.event).toMatchObject({ body: { source: 'redacted_copy', replacesEventId: newer.eventId } });
    expect(shown[0]!.original).toBeUndefined();
    expect(await ctx.db.blobs.count()).toBe(1);
  });

  it('a copy of an original hidden by a redaction (say, from an older version that removed only the original) is hidden too', async () => {
    const { incident, shotId, as, timeline } = await myScreenshot();
    await saveAnnotatedCopy(as(LAWRENCE), incident.id, shotId, encoded('drawn'));
    const events = await timeline();
    const onlyOriginal = { ...events[0]!, id: '0190a000-0000-7000-8000-0000000000f1', kind: 'redacted', authorId: ME.userId,
      hlc: events.at(-1)!.hlc.replace(/^\d+/, (w) => String(Number(w) + 1).padStart(w.length, '0')),
      body: { eventId: shotId, reason: 'removed' } } as IncidentEvent;
    expect(shownIds([...events, onlyOriginal])).toEqual([[incident.id, undefined]]);
  });
});

describe('who may remove an annotated copy (the rule the server shares)', () => {
  const base = { incidentId: 'i', hlc: '000000000000001-00000-a' };
  const original = { ...base, id: 'o', authorId: ME.userId, kind: 'screenshot' as const };
  const copy = { ...base, id: 'c', authorId: MALLORY.userId };
  const redaction = (authorId: string, incidentId = 'i') => ({ ...base, id: 'r', authorId, incidentId, body: { eventId: 'c' } });

  it("counts from the original's author, the copy's author and the lead, and no one else", () => {
    expect(redactionRefusal(redaction(ME.userId), copy, LAWRENCE.userId, original)).toBeNull();
    expect(redactionRefusal(redaction(MALLORY.userId), copy, LAWRENCE.userId, original)).toBeNull();
    expect(redactionRefusal(redaction(LAWRENCE.userId), copy, LAWRENCE.userId, original)).toBeNull();
    expect(redactionRefusal(redaction('someone-else'), copy, LAWRENCE.userId, original)).not.toBeNull();
  });

  it("an 'original' in another incident gives its author no say", () => {
    expect(redactionRefusal(redaction(ME.userId), copy, LAWRENCE.userId, { ...original, incidentId: 'elsewhere' })).not.toBeNull();
  });

  it("a 'copy' that claims to annotate a note gives the note's author no say", () => {
    expect(redactionRefusal(redaction(ME.userId), copy, LAWRENCE.userId, { ...original, kind: 'note' })).not.toBeNull();
  });
});
