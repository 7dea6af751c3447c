import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { normaliseBox } from '../lib/capture/redact';
import type { AnnotationDoc } from '../lib/annotate/history';
import { drawShapes, shadeOutside } from '../lib/annotate/render';
import {
  cropRefusal,
  shapeFromDrag,
  shapeRefusal,
  TEXT_LABEL_MAX,
  toImagePoint,
  type AnnotationColour,
  type Point,
  type Rect,
  type Shape,
  type Size,
  type Tool,
} from '../lib/annotate/shapes';

/**
 * The image with a transparent canvas over it, drawn by the same code that
 * draws the saved copy (lib/annotate/render.ts), so what is seen is what is
 * saved. Pointer events serve mouse, pen and touch alike
 * (https://developer.mozilla.org/en-US/docs/Web/API/Pointer_events); the
 * canvas has `touch-action: none` so a finger draws instead of scrolling.
 */
export function AnnotationSurface({
  url,
  alt,
  natural,
  doc,
  tool,
  colour,
  onShape,
  onCrop,
  onRefuse,
  onLabelDone,
}: {
  url: string;
  alt: string;
  natural: Size;
  doc: AnnotationDoc;
  tool: Tool;
  colour: AnnotationColour;
  onShape: (shape: Shape) => void;
  onCrop: (crop: Rect) => void;
  onRefuse: (message: string) => void;
  /** A label was committed or dropped: focus goes back to the editor, so its shortcuts work again. */
  onLabelDone: () => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ from: Point; to: Point } | null>(null);
  const [label, setLabelState] = useState<{ at: Point; left: number; top: number; text: string } | null>(null);
  // Read by commitLabel: a blur fired while Esc removes the input must find the label already gone.
  const labelNow = useRef(label);
  const setLabel = (next: typeof label) => {
    labelNow.current = next;
    setLabelState(next);
  };
  const draft = drag && shapeFromDrag(tool, colour, drag.from, drag.to);

  useEffect(() => {
    const g = canvas.current?.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, natural.width, natural.height);
    drawShapes(g, draft ? [...doc.shapes, draft] : doc.shapes, natural);
    const crop = tool === 'crop' && drag ? normaliseBox(drag.from, drag.to) : doc.crop;
    if (crop) shadeOutside(g, crop, natural);
  }, [doc, draft, drag, tool, natural]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const css = { x: e.clientX - r.left, y: e.clientY - r.top };
    return { css, image: toImagePoint(css, { width: r.width, height: r.height }, natural) };
  };

  function finish(e: PointerEvent<HTMLCanvasElement>) {
    if (!drag) return;
    setDrag(null);
    const to = at(e).image;
    if (tool === 'crop') {
      const crop = normaliseBox(drag.from, to);
      const reason = cropRefusal(crop, natural);
      return reason ? onRefuse(reason) : onCrop(crop);
    }
    const shape = shapeFromDrag(tool, colour, drag.from, to);
    if (!shape) return;
    const reason = shapeRefusal(shape, natural);
    return reason ? onRefuse(reason) : onShape(shape);
  }

  function commitLabel() {
    const open = labelNow.current;
    if (!open) return;
    setLabel(null);
    onLabelDone();
    if (!open.text.trim()) return;
    const shape: Shape = { kind: 'text', colour, at: open.at, text: open.text.trim() };
    const reason = shapeRefusal(shape, natural);
    return reason ? onRefuse(reason) : onShape(shape);
  }

  return (
    <div className="viewer-stage fit">
      <div className="viewer-frame">
        <img src={url} alt={alt} draggable={false} />
        <canvas
          ref={canvas}
          className="annotation-layer"
          width={natural.width}
          height={natural.height}
          aria-label={`Drawing area: drag to draw with the ${tool === 'text' ? 'text label (click where it goes)' : tool} tool`}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            const p = at(e);
            if (tool === 'text') {
              // The input takes focus on the next frame, after this pointerdown's default focus change.
              e.preventDefault();
              return setLabel({ at: p.image, left: p.css.x, top: p.css.y, text: '' });
            }
            // Keep receiving moves when the pointer leaves the image mid-drag.
            e.currentTarget.setPointerCapture(e.pointerId);
            setDrag({ from: p.image, to: p.image });
          }}
          onPointerMove={(e) => drag && setDrag({ from: drag.from, to: at(e).image })}
          onPointerUp={finish}
          onPointerCancel={() => setDrag(null)}
        />
        {label && (
          <input
            className="annotation-label-input"
            aria-label="Label text"
            autoFocus
            maxLength={TEXT_LABEL_MAX}
            value={label.text}
            style={{ left: label.left, top: label.top, color: colour }}
            onChange={(e) => setLabel({ ...label, text: e.target.value })}
            onBlur={commitLabel}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitLabel();
              } else if (e.key === 'Escape') {
                // Esc leaves the label first, not the editor or the viewer.
                e.preventDefault();
                e.stopPropagation();
                setLabel(null);
                onLabelDone();
              }
            }}
          />
        )}
      </div>
    </div>
  );
}
