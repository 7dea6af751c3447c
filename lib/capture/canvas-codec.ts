import type { EncodedScreenshot } from '../incidents/screenshots';
import { encodeWithinBudget, SCREENSHOT_PLAN, type Encoder } from './encode';
import type { Rect } from './mask-geometry';
import { makeThumbnail, thumbnailSize } from './thumbnail';

/** Anything drawable with a size: an ImageBitmap, an OffscreenCanvas. Works in pages and the service worker. */
export type Drawable = (ImageBitmap | OffscreenCanvas) & { width: number; height: number };

function draw(source: Drawable, crop: Rect, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('No 2D canvas available');
  g.imageSmoothingQuality = 'high';
  g.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, width, height);
  return canvas;
}

/**
 * Encodes a captured image (optionally a crop of it) for the timeline: the
 * stored image within the size budget, plus its inline thumbnail.
 */
export async function encodeScreenshot(source: Drawable, crop?: Rect): Promise<EncodedScreenshot> {
  const region = crop ?? { x: 0, y: 0, width: source.width, height: source.height };
  let fullSize: OffscreenCanvas | null = null;
  const encoder: Encoder = (type, quality, scale) => {
    const w = Math.max(1, Math.round(region.width * scale));
    const h = Math.max(1, Math.round(region.height * scale));
    const canvas = scale === 1 ? (fullSize ??= draw(source, region, w, h)) : draw(source, region, w, h);
    return canvas.convertToBlob({ type, quality });
  };
  const encoded = await encodeWithinBudget(encoder, SCREENSHOT_PLAN);
  const thumb = thumbnailSize(region.width, region.height);
  const thumbnail = await makeThumbnail((quality, scale) =>
    draw(
      source,
      region,
      Math.max(1, Math.round(thumb.width * scale)),
      Math.max(1, Math.round(thumb.height * scale)),
    ).convertToBlob({ type: 'image/webp', quality }),
  );
  return {
    bytes: encoded.blob,
    mimeType: encoded.type,
    width: Math.max(1, Math.round(region.width * encoded.scale)),
    height: Math.max(1, Math.round(region.height * encoded.scale)),
    thumbnail,
  };
}

export async function decodeDataUrl(dataUrl: string): Promise<ImageBitmap> {
  return createImageBitmap(await (await fetch(dataUrl)).blob());
}
