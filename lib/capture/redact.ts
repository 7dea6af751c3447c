import type { Rect } from './mask-geometry';

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The rectangle between where a drag started and where it is now, whichever way the pointer went. */
export function normaliseBox(start: Point, end: Point): Rect {
  return {
    x: Math.min(start.x, end.x),
    y: Math.min(start.y, end.y),
    width: Math.abs(end.x - start.x),
    height: Math.abs(end.y - start.y),
  };
}

/**
 * A box drawn on the image as shown (CSS pixels, the image scaled to fit or
 * not) in the image's own pixels, clamped to the image. Edges round outward:
 * a redaction may cover a sliver more than was drawn, never less. A box wholly
 * outside the image comes back with zero width or height.
 */
export function toImagePixels(rect: Rect, displayed: Size, natural: Size): Rect {
  const sx = natural.width / displayed.width;
  const sy = natural.height / displayed.height;
  const clampX = (v: number) => Math.min(natural.width, Math.max(0, v));
  const clampY = (v: number) => Math.min(natural.height, Math.max(0, v));
  const left = clampX(Math.floor(rect.x * sx));
  const top = clampY(Math.floor(rect.y * sy));
  const right = clampX(Math.ceil((rect.x + rect.width) * sx));
  const bottom = clampY(Math.ceil((rect.y + rect.height) * sy));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/**
 * The image with every box (image pixels) filled solid black. Always opaque
 * fills, never blur or pixelation: those keep enough of the original to be
 * reversed (e.g. "Depix", https://github.com/spipm/Depix, recovers pixelated
 * text). The pixels under a box are overwritten here, so nothing of them
 * reaches the encoder.
 */
export function drawRedactions(source: ImageBitmap, boxes: readonly Rect[]): OffscreenCanvas {
  const canvas = new OffscreenCanvas(source.width, source.height);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('No 2D canvas available');
  g.drawImage(source, 0, 0);
  // Set explicitly: nothing may let the original show through a box.
  g.globalAlpha = 1;
  g.globalCompositeOperation = 'source-over';
  g.filter = 'none';
  g.fillStyle = '#000';
  for (const box of boxes) {
    if (box.width > 0 && box.height > 0) g.fillRect(box.x, box.y, box.width, box.height);
  }
  return canvas;
}
