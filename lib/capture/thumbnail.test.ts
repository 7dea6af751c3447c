import { describe, expect, it } from 'vitest';
import { blobToDataUrl, makeThumbnail, thumbnailSize } from './thumbnail';

describe('thumbnailSize', () => {
  it.each([
    [1280, 800, { width: 320, height: 200 }],
    [2560, 1600, { width: 320, height: 200 }],
    [800, 1280, { width: 125, height: 200 }],
    [100, 50, { width: 100, height: 50 }],
    [5000, 10, { width: 320, height: 1 }],
  ])('%i×%i fits as %o', (w, h, expected) => {
    expect(thumbnailSize(w, h)).toEqual(expected);
  });
});

describe('makeThumbnail', () => {
  it('encodes a data URL', async () => {
    expect(await blobToDataUrl(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' }))).toBe(
      'data:image/webp;base64,AQID',
    );
  });

  it('steps quality and size down until the data URL fits', async () => {
    const asked: string[] = [];
    const url = await makeThumbnail(async (quality, scale) => {
      asked.push(`${quality}x${scale}`);
      return new Blob([new Uint8Array(Math.round(20_000 * quality * scale))], { type: 'image/webp' });
    }, 10_240);
    expect(url.length).toBeLessThanOrEqual(10_240);
    expect(url.startsWith('data:image/webp;base64,')).toBe(true);
    expect(asked[0]).toBe('0.6x1');
    expect(asked.length).toBeGreaterThan(1);
  });

  it('fails rather than store an oversized thumbnail', async () => {
    await expect(makeThumbnail(async () => new Blob([new Uint8Array(50_000)], { type: 'image/webp' }))).rejects.toThrow(
      /small enough/,
    );
  });
});
