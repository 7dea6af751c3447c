import { describe, expect, it } from 'vitest';
import { arrowHead, drawShapes, HALO, labelPlate, strokeWidthFor, type Context2D } from './render';
import type { Shape } from './shapes';

/** A 2D context that records what was drawn, with the style in force at each call. */
function recorder() {
  const calls: { op: string; args: unknown[]; style: { stroke: unknown; fill: unknown; width: number; alpha: number } }[] = [];
  const state = { strokeStyle: '', fillStyle: '', lineWidth: 1, globalAlpha: 1 };
  const record =
    (op: string) =>
    (...args: unknown[]) => {
      calls.push({ op, args, style: { stroke: g.strokeStyle, fill: g.fillStyle, width: g.lineWidth, alpha: g.globalAlpha } });
    };
  const g = {
    ...state,
    lineJoin: 'miter',
    lineCap: 'butt',
    font: '',
    textBaseline: 'alphabetic',
    save: record('save'),
    restore: record('restore'),
    beginPath: record('beginPath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    closePath: record('closePath'),
    stroke: record('stroke'),
    fill: record('fill'),
    strokeRect: record('strokeRect'),
    fillRect: record('fillRect'),
    fillText: record('fillText'),
    measureText: (text: string) => ({ width: text.length * 10 }) as TextMetrics,
  } as unknown as Context2D;
  return { g, calls };
}

const size = { width: 1280, height: 800 };

describe('drawing annotations', () => {
  it('strokes a box twice on its own edges: a dark halo, then the colour on top', () => {
    const { g, calls } = recorder();
    drawShapes(g, [{ kind: 'box', colour: '#ff3b30', x: 100, y: 50, width: 200, height: 120 }], size);
    const rects = calls.filter((c) => c.op === 'strokeRect');
    expect(rects.map((c) => c.args)).toEqual([
      [100, 50, 200, 120],
      [100, 50, 200, 120],
    ]);
    expect(rects[0]!.style).toMatchObject({ stroke: HALO, width: strokeWidthFor(size) + 4 });
    expect(rects[1]!.style).toMatchObject({ stroke: '#ff3b30', width: strokeWidthFor(size) });
  });

  it('fills a highlight see-through and leaves the alpha at 1 for what follows', () => {
    const { g, calls } = recorder();
    const shapes: Shape[] = [
      { kind: 'highlight', colour: '#ffd60a', x: 0, y: 0, width: 50, height: 20 },
      { kind: 'box', colour: '#00e5ff', x: 0, y: 0, width: 50, height: 20 },
    ];
    drawShapes(g, shapes, size);
    const fill = calls.find((c) => c.op === 'fillRect')!;
    expect(fill.style.alpha).toBeGreaterThan(0);
    expect(fill.style.alpha).toBeLessThan(1);
    expect(calls.filter((c) => c.op === 'strokeRect').every((c) => c.style.alpha === 1)).toBe(true);
  });

  it("puts an arrow's head at its tip, pointing back along the shaft", () => {
    const [left, right] = arrowHead({ x: 0, y: 0 }, { x: 100, y: 0 }, 20);
    expect(left.x).toBeCloseTo(100 - 20 * Math.cos(Math.PI / 6));
    expect(right.x).toBeCloseTo(left.x);
    expect(left.y).toBeCloseTo(-right.y);
    expect(Math.abs(left.y)).toBeCloseTo(10);
  });

  it('writes a label on a dark plate wide enough for its text', () => {
    const { g, calls } = recorder();
    drawShapes(g, [{ kind: 'text', colour: '#ff2bd6', at: { x: 10, y: 20 }, text: 'spike' }], size);
    const plate = calls.find((c) => c.op === 'fillRect')!;
    const text = calls.find((c) => c.op === 'fillText')!;
    expect(plate.style.fill).toBe(HALO);
    expect(plate.args).toEqual(Object.values(labelPlate({ x: 10, y: 20 }, 50, 20)));
    expect(text.style.fill).toBe('#ff2bd6');
    expect(text.args[0]).toBe('spike');
  });

  it('scales the stroke with the image and never below 3 px', () => {
    expect(strokeWidthFor({ width: 1280, height: 800 })).toBe(4);
    expect(strokeWidthFor({ width: 200, height: 100 })).toBe(3);
    expect(strokeWidthFor({ width: 30_000, height: 100 })).toBe(12);
  });
});
