import { encodeScreenshot, type Drawable } from '../capture/canvas-codec';
import type { EncodedScreenshot } from '../incidents/screenshots';
import { ValidationError } from '../incidents/errors';
import type { AnnotationDoc } from './history';
import { drawShapes } from './render';
import { cropRefusal } from './shapes';

/** Decodes a stored image for the editor; bytes that are no image get a sentence, not a DOMException. */
export async function decodeForAnnotation(
  bytes: Blob | undefined,
  decode: (b: Blob) => Promise<ImageBitmap> = (b) => createImageBitmap(b),
): Promise<ImageBitmap> {
  if (!bytes || bytes.size === 0) throw new ValidationError('This image is not on this device, so it cannot be annotated.');
  try {
    return await decode(bytes);
  } catch {
    throw new ValidationError('This image could not be read (its bytes are damaged), so it cannot be annotated. Nothing was changed.');
  }
}

/**
 * The annotated copy, encoded like a capture (same size budget, same
 * thumbnail: lib/capture/canvas-codec.ts): the image with the shapes drawn
 * on at full size, then cut to the crop.
 */
export async function encodeAnnotated(source: Drawable, doc: AnnotationDoc): Promise<EncodedScreenshot> {
  const size = { width: source.width, height: source.height };
  const reason = doc.crop && cropRefusal(doc.crop, size);
  if (reason) throw new ValidationError(reason);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('No 2D canvas available');
  g.drawImage(source, 0, 0);
  drawShapes(g, doc.shapes, size);
  return encodeScreenshot(canvas, doc.crop ?? undefined);
}
