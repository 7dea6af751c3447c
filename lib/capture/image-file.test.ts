import { afterEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../incidents/errors';
import { encodeImageFile, MAX_IMAGE_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, refuseImageFile, refuseImageSize } from './image-file';
import { jpeg, png } from './image-headers.fixture';

describe('pasted and dropped images', () => {
  it.each([
    [{ type: 'text/plain', size: 10 }, /Only images/],
    [{ type: 'image/png', size: 0 }, /empty/],
    [{ type: 'image/png', size: MAX_IMAGE_FILE_BYTES + 1 }, /larger than 25 MB/],
  ])('refuses %o', (file, reason) => {
    expect(refuseImageFile(file)).toMatch(reason);
  });

  it('accepts an ordinary image', () => {
    expect(refuseImageFile({ type: 'image/png', size: 120_000 })).toBeNull();
  });

  it('turns a refusal into a ValidationError before decoding anything', async () => {
    await expect(encodeImageFile(new Blob(['hello'], { type: 'text/plain' }))).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('pixel dimensions', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    [32_768, 10],
    [10, 40_000],
    [10_000, 5_001], // 50,010,000 pixels: within each side, over the total
  ])('refuses %i × %i pixels with a sentence that says so', (width, height) => {
    const reason = refuseImageSize({ width, height });
    expect(reason).toBe(
      `That image is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels, too large to add: ` +
        'images can be at most 32,767 pixels on a side and 50 megapixels in all. Crop or shrink it first.',
    );
  });

  it('accepts the largest allowed sizes and ordinary screens', () => {
    expect(MAX_IMAGE_SIDE).toBe(32_767); // screenshotBodySchema's largest side
    expect(refuseImageSize({ width: 10_000, height: 5_000 })).toBeNull(); // exactly 50 MP
    expect(refuseImageSize({ width: MAX_IMAGE_SIDE, height: Math.floor(MAX_IMAGE_PIXELS / MAX_IMAGE_SIDE) })).toBeNull();
    expect(refuseImageSize({ width: 3_840, height: 2_160 })).toBeNull();
  });

  it('refuses an oversized PNG or JPEG from its header, before decoding anything', async () => {
    const decode = vi.fn();
    vi.stubGlobal('createImageBitmap', decode);
    // A few hundred bytes that declare 40,000 × 40,000 pixels: 6.4 GB once decoded.
    const bomb = new File([png(40_000, 40_000) as BlobPart], 'bomb.png', { type: 'image/png' });
    await expect(encodeImageFile(bomb)).rejects.toThrow('That image is 40,000 × 40,000 pixels, too large to add');
    await expect(encodeImageFile(new Blob([jpeg(20_000, 20_000, 4_000) as BlobPart], { type: 'image/jpeg' }))).rejects.toThrow(
      /20,000 × 20,000 pixels, too large/,
    );
    expect(decode).not.toHaveBeenCalled();
  });

  it('checks the decoded size when the header is one it does not read', async () => {
    const close = vi.fn();
    vi.stubGlobal('createImageBitmap', vi.fn(async () => ({ width: 9_000, height: 9_000, close })));
    const avif = new Blob([new Uint8Array([0, 0, 0, 0x1c, ...new TextEncoder().encode('ftypavif'), ...new Uint8Array(64)])], { type: 'image/avif' });
    const refusal = encodeImageFile(avif);
    await expect(refusal).rejects.toBeInstanceOf(ValidationError);
    await expect(refusal).rejects.toThrow(/9,000 × 9,000 pixels, too large/);
    expect(close).toHaveBeenCalled();
  });

  it('lets an ordinary image through to decoding', async () => {
    const decode = vi.fn(async () => {
      throw new Error('stop here');
    });
    vi.stubGlobal('createImageBitmap', decode);
    await expect(encodeImageFile(new Blob([png(1_920, 1_080) as BlobPart], { type: 'image/png' }))).rejects.toThrow(/could not be read/);
    expect(decode).toHaveBeenCalledTimes(1);
  });
});
