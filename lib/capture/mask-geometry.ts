/** A rectangle in CSS pixels relative to the viewport (as getBoundingClientRect gives it). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
}

/**
 * The opaque boxes that hide sensitive elements before a capture: each element
 * rect grown by `pad` pixels (anti-aliased edges and focus rings must not leak
 * a glyph), clipped to the viewport, empty or off-screen ones dropped.
 */
export function maskBoxes(rects: readonly Rect[], viewport: Viewport, pad = 2): Rect[] {
  const boxes: Rect[] = [];
  for (const r of rects) {
    const left = Math.max(0, Math.floor(r.x - pad));
    const top = Math.max(0, Math.floor(r.y - pad));
    const right = Math.min(viewport.width, Math.ceil(r.x + r.width + pad));
    const bottom = Math.min(viewport.height, Math.ceil(r.y + r.height + pad));
    if (r.width <= 0 || r.height <= 0 || right <= left || bottom <= top) continue;
    boxes.push({ x: left, y: top, width: right - left, height: bottom - top });
  }
  return boxes;
}

/** Whether an element is wholly visible, so it can be cropped from a viewport capture. */
export function insideViewport(rect: Rect, viewport: Viewport): boolean {
  return rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= viewport.width && rect.y + rect.height <= viewport.height;
}

/**
 * Where an element lies in a captured image, in image pixels. The capture is
 * taken at the device pixel ratio (and any page zoom), so the scale is read
 * from the image itself: image width / viewport width.
 */
export function cropInImage(rect: Rect, viewport: Viewport, image: { width: number; height: number }): Rect {
  const sx = image.width / viewport.width;
  const sy = image.height / viewport.height;
  const x = Math.max(0, Math.round(rect.x * sx));
  const y = Math.max(0, Math.round(rect.y * sy));
  return {
    x,
    y,
    width: Math.max(1, Math.min(image.width - x, Math.round(rect.width * sx))),
    height: Math.max(1, Math.min(image.height - y, Math.round(rect.height * sy))),
  };
}
