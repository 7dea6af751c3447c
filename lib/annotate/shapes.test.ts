import { describe, expect, it } from 'vitest';
import { cropRefusal, MIN_CROP_PX, shapeRefusal, TEXT_LABEL_MAX, toImagePoint, TOOL_KEYS, TOOLS } from './shapes';

const size = { width: 1280, height: 800 };

describe('what an annotation may be', () => {
  it('refuses a crop to zero size, a sliver, or off the image, and takes a real one', () => {
    expect(cropRefusal({ x: 10, y: 10, width: 0, height: 0 }, size)).toMatch(/at least 16 × 16/);
    expect(cropRefusal({ x: 10, y: 10, width: 400, height: MIN_CROP_PX - 1 }, size)).toMatch(/at least/);
    expect(cropRefusal({ x: 1000, y: 10, width: 400, height: 100 }, size)).toMatch(/on the image/);
    expect(cropRefusal({ x: 0, y: 0, width: 1280, height: 800 }, size)).toBeNull();
  });

  it('refuses an empty or over-long text label and takes one at the cap', () => {
    const label = (text: string) => ({ kind: 'text' as const, colour: '#ffd60a' as const, at: { x: 5, y: 5 }, text });
    expect(shapeRefusal(label('   '), size)).toMatch(/Type the label/);
    expect(shapeRefusal(label('x'.repeat(TEXT_LABEL_MAX + 1)), size)).toMatch(/at most 120 characters/);
    expect(shapeRefusal(label('x'.repeat(TEXT_LABEL_MAX)), size)).toBeNull();
  });

  it('refuses a click where a box or arrow was meant', () => {
    expect(shapeRefusal({ kind: 'box', colour: '#ff3b30', x: 1, y: 1, width: 2, height: 40 }, size)).not.toBeNull();
    expect(shapeRefusal({ kind: 'arrow', colour: '#ff3b30', from: { x: 1, y: 1 }, to: { x: 3, y: 3 } }, size)).not.toBeNull();
    expect(shapeRefusal({ kind: 'arrow', colour: '#ff3b30', from: { x: 1, y: 1 }, to: { x: 60, y: 3 } }, size)).toBeNull();
  });

  it('maps a point on the image as shown to image pixels, clamped', () => {
    expect(toImagePoint({ x: 320, y: 200 }, { width: 640, height: 400 }, size)).toEqual({ x: 640, y: 400 });
    expect(toImagePoint({ x: -5, y: 900 }, { width: 640, height: 400 }, size)).toEqual({ x: 0, y: 800 });
  });

  it('gives every tool its own shortcut key', () => {
    expect(new Set(TOOLS.map((t) => TOOL_KEYS[t])).size).toBe(TOOLS.length);
  });
});
