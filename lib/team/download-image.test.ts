import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { declareIncident } from '../incidents/operations';
import { addScreenshot } from '../incidents/screenshots';
import { downloadImage, IMAGE_MISMATCH } from './download-image';

const TEAM = '10000000-0000-4000-8000-000000000001';

/** A teammate's screenshot as this device holds it after a pull: the event, not the bytes. */
async function pulledScreenshot() {
  const ctx = makeContext({ teamId: TEAM });
  const incident = await declareIncident(ctx, { title: 'Checkout 500s' });
  const { eventId } = await addScreenshot(ctx, incident.id, {
    bytes: new Blob(['the recorded pixels'], { type: 'image/webp' }),
    mimeType: 'image/webp',
    width: 4,
    height: 3,
    thumbnail: 'data:image/webp;base64,AAAA',
    source: 'visible',
  });
  await ctx.db.blobs.clear();
  const event = (await ctx.db.events.get(eventId))!;
  return { ctx, eventId, incidentId: incident.id, blobId: event.kind === 'screenshot' ? event.body.blobId : '' };
}

describe('downloadImage', () => {
  it('keeps bytes that match the recorded SHA-256, fetched from the event’s own path', async () => {
    const { ctx, eventId, incidentId, blobId } = await pulledScreenshot();
    const paths: string[] = [];
    const download = async (path: string) => (paths.push(path), new Blob(['the recorded pixels'], { type: 'image/webp' }));
    expect(await downloadImage({ db: ctx.db, download, now: ctx.now }, eventId)).toEqual({ bytes: 19 });
    expect(paths).toEqual([`${TEAM}/${incidentId}/${eventId}.webp`]);
    expect(await ctx.db.blobs.get(blobId)).toMatchObject({ incidentId, mimeType: 'image/webp' });
  });

  it.each([
    ['different bytes of the same length', 'the forged  pixels!'],
    ['different length', 'short'],
  ])('refuses %s: never stored, and says why', async (_, forged) => {
    const { ctx, eventId, blobId } = await pulledScreenshot();
    const download = async () => new Blob([forged], { type: 'image/webp' });
    await expect(downloadImage({ db: ctx.db, download, now: ctx.now }, eventId)).rejects.toThrow(IMAGE_MISMATCH);
    expect(await ctx.db.blobs.get(blobId)).toBeUndefined();
  });

  it('refuses a screenshot that is not shared, without asking the server', async () => {
    const ctx = makeContext();
    const incident = await declareIncident(ctx, { title: 'Local only' });
    const { eventId } = await addScreenshot(ctx, incident.id, {
      bytes: new Blob(['x']),
      mimeType: 'image/png',
      width: 1,
      height: 1,
      thumbnail: 'data:image/png;base64,AAAA',
      source: 'visible',
    });
    let asked = false;
    const download = async () => ((asked = true), new Blob(['x']));
    await expect(downloadImage({ db: ctx.db, download, now: ctx.now }, eventId)).rejects.toThrow('not shared with a team');
    expect(asked).toBe(false);
  });
});
