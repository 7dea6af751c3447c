import { describe, expect, it } from 'vitest';
import { cropInImage, insideViewport, maskBoxes } from './mask-geometry';

const viewport = { width: 1280, height: 800 };

describe('maskBoxes', () => {
  it('grows each box by the padding and snaps outward to whole pixels', () => {
    expect(maskBoxes([{ x: 100.4, y: 50.6, width: 200.2, height: 30 }], viewport)).toEqual([
      { x: 98, y: 48, width: 205, height: 35 },
    ]);
  });

  it('clips to the viewport and drops what is off-screen or empty', () => {
    const boxes = maskBoxes(
      [
        { x: -10, y: 790, width: 50, height: 40 },
        { x: 2000, y: 10, width: 50, height: 20 },
        { x: 10, y: 10, width: 0, height: 20 },
        { x: 10, y: -500, width: 100, height: 20 },
      ],
      viewport,
    );
    expect(boxes).toEqual([{ x: 0, y: 788, width: 42, height: 12 }]);
  });
});

describe('element crop', () => {
  it('knows whether an element is wholly in view', () => {
    expect(insideViewport({ x: 0, y: 0, width: 1280, height: 800 }, viewport)).toBe(true);
    expect(insideViewport({ x: 10, y: 700, width: 100, height: 101 }, viewport)).toBe(false);
    expect(insideViewport({ x: -1, y: 10, width: 10, height: 10 }, viewport)).toBe(false);
  });

  it('maps CSS pixels to image pixels on a 2× display', () => {
    expect(cropInImage({ x: 10, y: 20, width: 300, height: 100 }, viewport, { width: 2560, height: 1600 })).toEqual({
      x: 20,
      y: 40,
      width: 600,
      height: 200,
    });
  });

  it('never crops outside the image', () => {
    expect(cropInImage({ x: 1200, y: 780, width: 200, height: 100 }, viewport, { width: 1280, height: 800 })).toEqual({
      x: 1200,
      y: 780,
      width: 80,
      height: 20,
    });
  });
});
