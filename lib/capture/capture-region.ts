import type { Rect } from './mask-geometry';

/**
 * The longest side an image of a rendered page or element may have, in image
 * px. WebP, the stored format, cannot encode a side longer than 16,383 px
 * (libwebp's WEBP_MAX_DIMENSION; Firefox's convertToBlob throws
 * NS_ERROR_FAILURE at 16,384, probed on ESR 153), and canvases are capped
 * near there too. A page longer than this is cut here and marked `truncated`.
 * Shared by the html2canvas path (render.content.ts) and Firefox's captureTab path.
 */
export const MAX_RENDER_SIDE = 16_383;

export type RenderTarget = 'picked' | 'page';

/** What the page reports for a region capture: the target's box in document CSS px. */
export interface PageRegion {
  /** Relative to the document's top-left corner (viewport rect + scroll offsets). */
  rect: Rect;
  devicePixelRatio: number;
}

/** The rect to pass to `tabs.captureTab`, the scale to take it at, and whether it was cut. */
export interface RegionCapture {
  rect: Rect;
  scale: number;
  truncated: boolean;
}

/**
 * Turns the page's measurement into a capture request, as the html2canvas
 * path renders: the whole page at 1 image px per CSS px (it can be very
 * long, and 1× stays legible), a picked element at the display's density up
 * to 2× (it is usually small, and it is what the person wants to read).
 * Either is cut to MAX_RENDER_SIDE image px a side. Null when there is
 * nothing to capture (an element with no size).
 */
export function regionToCapture(target: RenderTarget, region: PageRegion): RegionCapture | null {
  const scale = target === 'page' ? 1 : Math.min(Math.max(region.devicePixelRatio || 1, 1), 2);
  const x = Math.max(0, Math.floor(region.rect.x));
  const y = Math.max(0, Math.floor(region.rect.y));
  const width = Math.ceil(region.rect.x + region.rect.width) - x;
  const height = Math.ceil(region.rect.y + region.rect.height) - y;
  if (!(width > 0) || !(height > 0)) return null;
  const maxCss = Math.floor(MAX_RENDER_SIDE / scale);
  return {
    rect: { x, y, width: Math.min(width, maxCss), height: Math.min(height, maxCss) },
    scale,
    truncated: width > maxCss || height > maxCss,
  };
}
