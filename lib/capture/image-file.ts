import type { EncodedScreenshot } from '../incidents/screenshots';
import { ValidationError } from '../incidents/errors';
import { encodeScreenshot } from './canvas-codec';
import { readImageSize, type ImageSize } from './image-size';

export const MAX_IMAGE_FILE_BYTES = 25 * 1024 * 1024;

/**
 * The largest image we decode. A side: 32,767 pixels, the most a screenshot
 * event may record (screenshotBodySchema) and Firefox's canvas limit on a side
 * (Chrome 83+ allows 65,535). In all: 50 megapixels. Decoding takes 4 bytes a
 * pixel and re-encoding draws a same-size canvas, so 50 MP is about 400 MB at
 * the peak: what a side panel's renderer can hold without being killed, and
 * well under the canvas area limits (Chrome 268 MP, Firefox about 125 MP;
 * https://github.com/jhildenbiddle/canvas-size#test-results). A 4K screen is
 * 8.3 MP, a 6K one 20 MP; a tall full-page capture beyond 50 MP should be cropped.
 */
export const MAX_IMAGE_SIDE = 32_767;
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Checks what the person pasted or dropped before decoding it; the reason is one sentence. */
export function refuseImageFile(file: { type: string; size: number }): string | null {
  if (!file.type.startsWith('image/')) return 'Only images can be added as screenshots.';
  if (file.size === 0) return 'That image is empty.';
  if (file.size > MAX_IMAGE_FILE_BYTES) return 'That image is larger than 25 MB; crop or shrink it first.';
  return null;
}

const n = (x: number) => x.toLocaleString('en');

/** Refuses pixel dimensions too large to decode safely; the reason is one sentence. */
export function refuseImageSize({ width, height }: ImageSize): string | null {
  if (width === 0 || height === 0) return 'That image has no pixels; is the file damaged?';
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return (
      `That image is ${n(width)} × ${n(height)} pixels, too large to add: images can be at most ` +
      `${n(MAX_IMAGE_SIDE)} pixels on a side and ${n(MAX_IMAGE_PIXELS / 1_000_000)} megapixels in all. Crop or shrink it first.`
    );
  }
  return null;
}

/**
 * A pasted or dropped image, re-encoded like a capture (budget, thumbnail).
 * Its size is read from the header first, so an oversized image is refused
 * before the browser decodes it; formats whose header we do not read (AVIF,
 * say) are checked on the decoded bitmap, before it is drawn again.
 */
export async function encodeImageFile(file: Blob): Promise<EncodedScreenshot> {
  const refused = refuseImageFile(file);
  if (refused) throw new ValidationError(refused);
  const declared = await readImageSize(file);
  const tooLarge = declared && refuseImageSize(declared);
  if (tooLarge) throw new ValidationError(tooLarge);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ValidationError('That image could not be read. Is the file damaged?');
  }
  try {
    const decodedTooLarge = refuseImageSize(bitmap);
    if (decodedTooLarge) throw new ValidationError(decodedTooLarge);
    return await encodeScreenshot(bitmap);
  } finally {
    bitmap.close();
  }
}
