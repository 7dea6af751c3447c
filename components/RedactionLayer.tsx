import { useState, type PointerEvent } from 'react';
import type { Rect } from '../lib/capture/mask-geometry';
import { normaliseBox, toImagePixels, type Point, type Size } from '../lib/capture/redact';

// A click, or a slip of the hand, is not a box.
const MIN_BOX_CSS_PX = 3;

const percent = (part: number, whole: number) => `${(part / whole) * 100}%`;

/**
 * A surface the size of the shown image where a person drags boxes. Boxes are
 * kept in image pixels, so switching Fit / Actual size keeps them in place.
 */
export function RedactionLayer({ natural, boxes, onAdd }: { natural: Size; boxes: readonly Rect[]; onAdd: (box: Rect) => void }) {
  const [drag, setDrag] = useState<{ start: Point; end: Point } | null>(null);

  const at = (e: PointerEvent): Point => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  function finish(e: PointerEvent) {
    if (!drag) return;
    setDrag(null);
    const shown = normaliseBox(drag.start, at(e));
    if (shown.width < MIN_BOX_CSS_PX || shown.height < MIN_BOX_CSS_PX) return;
    const r = e.currentTarget.getBoundingClientRect();
    const box = toImagePixels(shown, { width: r.width, height: r.height }, natural);
    if (box.width > 0 && box.height > 0) onAdd(box);
  }

  const draft = drag && normaliseBox(drag.start, drag.end);
  return (
    <div
      className="redaction-layer"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        // Keep receiving moves when the pointer leaves the image mid-drag.
        e.currentTarget.setPointerCapture(e.pointerId);
        setDrag({ start: at(e), end: at(e) });
      }}
      onPointerMove={(e) => drag && setDrag({ start: drag.start, end: at(e) })}
      onPointerUp={finish}
      onPointerCancel={() => setDrag(null)}
    >
      {boxes.map((b, i) => (
        <div
          key={i}
          className="redaction-box"
          aria-hidden="true"
          style={{
            left: percent(b.x, natural.width),
            top: percent(b.y, natural.height),
            width: percent(b.width, natural.width),
            height: percent(b.height, natural.height),
          }}
        />
      ))}
      {draft && (
        <div
          className="redaction-box draft"
          aria-hidden="true"
          style={{ left: draft.x, top: draft.y, width: draft.width, height: draft.height }}
        />
      )}
    </div>
  );
}
