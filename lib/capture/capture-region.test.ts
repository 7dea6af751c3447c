import { describe, expect, it } from 'vitest';
import { MAX_RENDER_SIDE, regionToCapture } from './capture-region';

describe('regionToCapture', () => {
  it('takes the whole page at 1×, from the document’s top-left', () => {
    expect(regionToCapture('page', { rect: { x: 0, y: 0, width: 1280, height: 2100 }, devicePixelRatio: 2 })).toEqual({
      rect: { x: 0, y: 0, width: 1280, height: 2100 },
      scale: 1,
      truncated: false,
    });
  });

  it('cuts a page longer than the canvas limit and says so', () => {
    const capture = regionToCapture('page', { rect: { x: 0, y: 0, width: 1280, height: 40_000 }, devicePixelRatio: 1 });
    expect(capture).toEqual({ rect: { x: 0, y: 0, width: 1280, height: MAX_RENDER_SIDE }, scale: 1, truncated: true });
  });

  it('takes a picked element at the display density, at most 2×, and whole pixels around it', () => {
    const rect = { x: 10.4, y: 1500.6, width: 300.2, height: 2000 };
    expect(regionToCapture('picked', { rect, devicePixelRatio: 3 })).toEqual({
      rect: { x: 10, y: 1500, width: 301, height: 2001 },
      scale: 2,
      truncated: false,
    });
    expect(regionToCapture('picked', { rect, devicePixelRatio: 1.5 })?.scale).toBe(1.5);
    expect(regionToCapture('picked', { rect, devicePixelRatio: 0 })?.scale).toBe(1);
  });

  it('keeps a 2× element within the limit in image pixels', () => {
    const capture = regionToCapture('picked', { rect: { x: 0, y: 100, width: 800, height: 10_000 }, devicePixelRatio: 2 });
    expect(capture).toEqual({ rect: { x: 0, y: 100, width: 800, height: Math.floor(MAX_RENDER_SIDE / 2) }, scale: 2, truncated: true });
  });

  it('is null for an element with no size', () => {
    expect(regionToCapture('picked', { rect: { x: 5, y: 5, width: 0, height: 20 }, devicePixelRatio: 1 })).toBeNull();
  });
});
