import { describe, expect, it } from 'vitest';
import { addShape, canRedo, canUndo, hasChanges, redo, setCrop, startHistory, undo } from './history';
import type { Shape } from './shapes';

const box: Shape = { kind: 'box', colour: '#ff3b30', x: 10, y: 10, width: 50, height: 40 };
const arrow: Shape = { kind: 'arrow', colour: '#00e5ff', from: { x: 0, y: 0 }, to: { x: 30, y: 40 } };

describe('annotation history', () => {
  it('starts empty, with nothing to undo, redo or save', () => {
    const h = startHistory();
    expect(h.present).toEqual({ shapes: [], crop: null });
    expect([canUndo(h), canRedo(h), hasChanges(h.present)]).toEqual([false, false, false]);
  });

  it('undoes and redoes shapes and crops in the order they were made', () => {
    let h = addShape(startHistory(), box);
    h = setCrop(h, { x: 0, y: 0, width: 100, height: 80 });
    h = addShape(h, arrow);
    expect(h.present.shapes).toEqual([box, arrow]);

    h = undo(h);
    expect(h.present).toEqual({ shapes: [box], crop: { x: 0, y: 0, width: 100, height: 80 } });
    h = undo(h);
    expect(h.present).toEqual({ shapes: [box], crop: null });
    expect(canRedo(h)).toBe(true);
    h = redo(redo(h));
    expect(h.present).toEqual({ shapes: [box, arrow], crop: { x: 0, y: 0, width: 100, height: 80 } });
    expect(canRedo(h)).toBe(false);
  });

  it('a new change after an undo clears what could be redone', () => {
    let h = undo(addShape(addShape(startHistory(), box), arrow));
    expect(canRedo(h)).toBe(true);
    h = addShape(h, { ...box, kind: 'highlight' });
    expect(canRedo(h)).toBe(false);
    expect(h.present.shapes.map((s) => s.kind)).toEqual(['box', 'highlight']);
  });

  it('undo and redo at the ends change nothing', () => {
    const h = startHistory();
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('a crop alone is something to save', () => {
    expect(hasChanges(setCrop(startHistory(), { x: 1, y: 1, width: 20, height: 20 }).present)).toBe(true);
  });
});
