import type { EncodedScreenshot } from '../incidents/screenshots';
import { ValidationError } from '../incidents/errors';
import { encodeScreenshot } from './canvas-codec';

export const MAX_IMAGE_FILE_BYTES = 25 * 1024 * 1024;

/** Checks what the person pasted or dropped before decoding it; the reason is one sentence. */
export function refuseImageFile(file: { type: string; size: number }): string | null {
  if (!file.type.startsWith('image/')) return 'Only images can be added as screenshots.';
  if (file.size === 0) return 'That image is empty.';
  if (file.size > MAX_IMAGE_FILE_BYTES) return 'That image is larger than 25 MB; crop or shrink it first.';
  return null;
}

/** A pasted or dropped image, re-encoded like a capture (budget, thumbnail). */
export async function encodeImageFile(file: Blob): Promise<EncodedScreenshot> {
  const refused = refuseImageFile(file);
  if (refused) throw new ValidationError(refused);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ValidationError('That image could not be read. Is the file damaged?');
  }
  try {
    return await encodeScreenshot(bitmap);
  } finally {
    bitmap.close();
  }
}
