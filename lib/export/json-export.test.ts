import { describe, expect, it } from 'vitest';
import { makeContext } from '../../test/support/domain';
import { compareEvents } from '../model/order';
import { sha256Hex } from '../incidents/screenshots';
import { base64ToBytes } from './base64';
import { exportFileSchema } from './export-file';
import { buildExport, exportJson } from './json-export';
import { deviceWithHistory, IMAGE_BYTES } from '../../test/support/device-history';

describe('buildExport', () => {
  it('holds every event in (hlc, id) order and parses as an export file', async () => {
    const { ctx } = await deviceWithHistory();
    const file = await buildExport(ctx.db, { includeImages: false, now: () => Date.UTC(2026, 10, 27) });
    expect(file).toMatchObject({ format: 'incident-capture-export', version: 1, exportedAt: '2026-11-27T00:00:00.000Z' });
    const stored = (await ctx.db.events.toArray()).sort(compareEvents);
    expect(file.events).toEqual(stored);
    expect(exportFileSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('lists every screenshot with the SHA-256 of its stored bytes, images only when asked', async () => {
    const { ctx, kept, removed } = await deviceWithHistory();
    const expected = await sha256Hex(new Blob([IMAGE_BYTES]));

    const without = await buildExport(ctx.db, { includeImages: false });
    expect(without.screenshots).toEqual([
      expect.objectContaining({ eventId: kept.eventId, sha256: expected, status: 'verified', byteLength: IMAGE_BYTES.length }),
      // Removed: its image is gone from this device; the hash is what its event recorded.
      expect.objectContaining({ eventId: removed.eventId, status: 'not_stored' }),
    ]);
    expect(without.screenshots.some((s) => 'data' in s)).toBe(false);

    const withImages = await buildExport(ctx.db, { includeImages: true });
    const [first, second] = withImages.screenshots;
    expect(new TextDecoder().decode(base64ToBytes(first!.data!))).toBe(IMAGE_BYTES);
    expect(second!.data).toBeUndefined();
  });

  it('flags stored bytes that no longer match the hash their event recorded, and leaves them out', async () => {
    const { ctx, kept } = await deviceWithHistory();
    const event = await ctx.db.events.get(kept.eventId);
    if (event?.kind !== 'screenshot') throw new Error('expected a screenshot');
    await ctx.db.blobs.update(event.body.blobId, { bytes: new Blob(['altered'], { type: 'image/webp' }) });

    const file = await buildExport(ctx.db, { includeImages: true });
    expect(file.screenshots[0]).toMatchObject({
      eventId: kept.eventId,
      status: 'mismatch',
      sha256: await sha256Hex(new Blob(['altered'])),
      byteLength: 7,
    });
    expect(file.screenshots[0]!.data).toBeUndefined();
  });

  it('exports an empty device as an empty, valid file', async () => {
    const text = await exportJson(makeContext().db, { includeImages: true });
    expect(exportFileSchema.parse(JSON.parse(text))).toMatchObject({ events: [], screenshots: [] });
  });
});
