import { describe, expect, it } from 'vitest';
import { normaliseBox, toImagePixels } from './redact';

describe('normaliseBox', () => {
  it('gives the same positive rectangle whichever way the drag went', () => {
    const box = { x: 10, y: 20, width: 30, height: 40 };
    expect(normaliseBox({ x: 10, y: 20 }, { x: 40, y: 60 })).toEqual(box);
    expect(normaliseBox({ x: 40, y: 60 }, { x: 10, y: 20 })).toEqual(box);
    expect(normaliseBox({ x: 40, y: 20 }, { x: 10, y: 60 })).toEqual(box);
    expect(normaliseBox({ x: 10, y: 60 }, { x: 40, y: 20 })).toEqual(box);
  });

  it('is empty for a click without a drag', () => {
    expect(normaliseBox({ x: 5, y: 5 }, { x: 5, y: 5 })).toEqual({ x: 5, y: 5, width: 0, height: 0 });
  });
});

describe('toImagePixels', () => {
  const natural = { width: 2000, height: 1000 };

  it('scales a box on an image shown at half size up to image pixels', () => {
    expect(toImagePixels({ x: 10, y: 20, width: 100, height: 50 }, { width: 1000, height: 500 }, natural)).toEqual({
      x: 20,
      y: 40,
      width: 200,
      height: 100,
    });
  });

  it('leaves a box on an image shown at actual size as it is', () => {
    expect(toImagePixels({ x: 3, y: 4, width: 5, height: 6 }, natural, natural)).toEqual({ x: 3, y: 4, width: 5, height: 6 });
  });

  it('rounds outward so the redaction never covers less than was drawn', () => {
    // Shown at 1/3 size: 10.5 → 31.5 on the left, 20.2 → 60.6 on the right.
    const box = toImagePixels({ x: 10.5, y: 0.1, width: 9.7, height: 1 }, { width: 2000 / 3, height: 1000 / 3 }, natural);
    expect(box.x).toBeLessThanOrEqual(31.5);
    expect(box.x + box.width).toBeGreaterThanOrEqual(60.6);
    expect(box.y).toBe(0);
    expect(box.y + box.height).toBeGreaterThanOrEqual(3.3);
    expect(Number.isInteger(box.x) && Number.isInteger(box.width)).toBe(true);
  });

  it('clamps a box dragged past the edges to the image', () => {
    expect(toImagePixels({ x: -50, y: -10, width: 1200, height: 600 }, { width: 1000, height: 500 }, natural)).toEqual({
      x: 0,
      y: 0,
      width: 2000,
      height: 1000,
    });
  });

  it('is empty for a box wholly outside the image', () => {
    const box = toImagePixels({ x: 1100, y: 10, width: 50, height: 50 }, { width: 1000, height: 500 }, natural);
    expect(box.width).toBe(0);
  });
});
