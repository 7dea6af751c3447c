import { THUMBNAIL_MAX_CHARS } from '../model/limits';

export const THUMBNAIL_BOX = { width: 320, height: 200 };

/** The size of a thumbnail that fits the box, keeping the aspect ratio (never upscales). */
export function thumbnailSize(width: number, height: number, box = THUMBNAIL_BOX): { width: number; height: number } {
  const scale = Math.min(1, box.width / width, box.height / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function blobToDataUrl(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${blob.type};base64,${btoa(binary)}`;
}

/**
 * The inline thumbnail a timeline shows without loading the image: WebP at
 * falling quality, then smaller, until its data URL fits the event
 * (≤ 10 KB). `encode(quality, scale)` draws the thumbnail-sized image.
 */
export async function makeThumbnail(
  encode: (quality: number, scale: number) => Promise<Blob>,
  maxChars = THUMBNAIL_MAX_CHARS,
): Promise<string> {
  for (const scale of [1, 0.75, 0.5, 0.3]) {
    for (const quality of [0.6, 0.4, 0.2]) {
      const url = await blobToDataUrl(await encode(quality, scale));
      if (url.length <= maxChars) return url;
    }
  }
  throw new Error('Could not make a thumbnail small enough');
}
