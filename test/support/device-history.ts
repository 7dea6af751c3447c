import { makeContext, LAWRENCE } from './domain';
import { appendEvents } from '../../lib/incidents/append';
import { addFollowUp, addNote, changeLead, declareIncident, resolveIncident, setFollowUpDone } from '../../lib/incidents/operations';
import { addScreenshot, removeScreenshot, type ScreenshotInput } from '../../lib/incidents/screenshots';

export type TestContext = ReturnType<typeof makeContext>;

export const IMAGE_BYTES = 'RIFF....WEBPVP8 not really a picture, but bytes all the same';

export async function screenshot(
  ctx: TestContext,
  incidentId: string,
  text = IMAGE_BYTES,
  pageTitle = 'Checkout',
  extra: Pick<ScreenshotInput, 'network'> = {},
) {
  return addScreenshot(ctx, incidentId, {
    ...extra,
    bytes: new Blob([text], { type: 'image/webp' }),
    mimeType: 'image/webp',
    width: 4,
    height: 3,
    thumbnail: 'data:image/webp;base64,AAAA',
    source: 'visible',
    pageUrl: 'https://shop.example/checkout',
    pageTitle,
  });
}

/**
 * A device with some history: a resolved incident with notes, a log, follow-ups,
 * a customer update, a screenshot and a removed one; and an active incident.
 */
export async function deviceWithHistory(ctx: TestContext = makeContext()) {
  const checkout = await declareIncident(ctx, { title: 'Checkout 500s', severity: 'major', summary: 'Card payments fail' });
  ctx.advance(60_000);
  await addNote(ctx, checkout.id, { text: 'Rolled back deploy 412' });
  await addNote(ctx, checkout.id, { text: 'ERROR pool exhausted\n  at connect()', format: 'log' });
  const { followUps } = await addFollowUp(ctx, checkout.id, 'Alert on pool exhaustion');
  await setFollowUpDone(ctx, checkout.id, followUps[0]!.id, true);
  await appendEvents(ctx, checkout.id, [{ kind: 'customer_update', body: { channel: 'email', text: 'We are on it.' } }]);
  const kept = await screenshot(ctx, checkout.id);
  const removed = await screenshot(ctx, checkout.id, 'a picture showing a customer email', 'Customer record');
  await removeScreenshot(ctx, checkout.id, removed.eventId);
  await changeLead(ctx, checkout.id, { id: LAWRENCE.userId, name: LAWRENCE.displayName });
  ctx.advance(30 * 60_000);
  await resolveIncident(ctx, checkout.id, 'fixed');
  const search = await declareIncident(ctx, { title: 'Slow search' });
  return { ctx, checkout, search, kept, removed };
}

/** What the round trip must preserve, in a stable order. */
export async function snapshot(ctx: TestContext) {
  const { db } = ctx;
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  const blobs = await Promise.all(
    byId(await db.blobs.toArray()).map(async (b) => ({ ...b, bytes: await b.bytes.text() })),
  );
  return {
    events: byId(await db.events.toArray()),
    incidents: byId(await db.incidents.toArray()),
    blobs,
  };
}
