import type { Rect, Shape } from './shapes';

/** What the image will look like: the shapes in drawing order, and the crop (null: the whole image). */
export interface AnnotationDoc {
  shapes: readonly Shape[];
  crop: Rect | null;
}

/**
 * Undo and redo as snapshots (the "past, present, future" shape of Redux's
 * undo recipe, https://redux.js.org/usage/implementing-undo-history): a doc is
 * a few dozen shapes, so whole copies are cheaper to reason about than
 * inverse operations. A new change clears the redo stack.
 */
export interface AnnotationHistory {
  past: readonly AnnotationDoc[];
  present: AnnotationDoc;
  future: readonly AnnotationDoc[];
}

export const EMPTY_DOC: AnnotationDoc = { shapes: [], crop: null };

export function startHistory(): AnnotationHistory {
  return { past: [], present: EMPTY_DOC, future: [] };
}

function commit(h: AnnotationHistory, present: AnnotationDoc): AnnotationHistory {
  return { past: [...h.past, h.present], present, future: [] };
}

export function addShape(h: AnnotationHistory, shape: Shape): AnnotationHistory {
  return commit(h, { ...h.present, shapes: [...h.present.shapes, shape] });
}

/** Sets the crop; a later crop replaces an earlier one (it is not a crop of the crop). */
export function setCrop(h: AnnotationHistory, crop: Rect | null): AnnotationHistory {
  return commit(h, { ...h.present, crop });
}

export const canUndo = (h: AnnotationHistory) => h.past.length > 0;
export const canRedo = (h: AnnotationHistory) => h.future.length > 0;

export function undo(h: AnnotationHistory): AnnotationHistory {
  const previous = h.past.at(-1);
  return previous ? { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] } : h;
}

export function redo(h: AnnotationHistory): AnnotationHistory {
  const [next, ...rest] = h.future;
  return next ? { past: [...h.past, h.present], present: next, future: rest } : h;
}

/** Whether saving would store anything but a copy of the original. */
export function hasChanges(doc: AnnotationDoc): boolean {
  return doc.shapes.length > 0 || doc.crop !== null;
}
