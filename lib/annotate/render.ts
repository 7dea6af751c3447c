import type { Point, Rect, Shape, Size } from './shapes';

/**
 * What drawing needs of a 2D context: a CanvasRenderingContext2D (the editor's
 * preview) and an OffscreenCanvasRenderingContext2D (the saved copy) both fit,
 * and so does a recording fake in tests.
 */
export type Context2D = Pick<
  OffscreenCanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'strokeRect'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'globalAlpha'
  | 'font'
  | 'textBaseline'
>;

/** Dark, mostly opaque: a bright stroke on top of it reads on white pages and dark dashboards alike. */
export const HALO = 'rgba(0, 0, 0, 0.8)';
export const HIGHLIGHT_ALPHA = 0.35;

/** Stroke width in image pixels: 4 px on a 1280-wide capture, thicker on larger images, never hairline. */
export function strokeWidthFor(size: Size): number {
  return Math.min(12, Math.max(3, Math.round(Math.max(size.width, size.height) / 320)));
}

/** The two back corners of an arrow's head: 30° either side of the shaft, `length` back from the tip. */
export function arrowHead(from: Point, to: Point, length: number): [Point, Point] {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const side = (turn: number): Point => ({
    x: to.x - length * Math.cos(angle + turn),
    y: to.y - length * Math.sin(angle + turn),
  });
  return [side(Math.PI / 6), side(-Math.PI / 6)];
}

/** The label's font size in image pixels. */
export const fontSizeFor = (size: Size) => strokeWidthFor(size) * 5;

/** Where a text label's backing plate goes, given the label's measured width. */
export function labelPlate(at: Point, textWidth: number, fontSize: number): Rect {
  const pad = Math.round(fontSize / 4);
  return { x: at.x, y: at.y, width: textWidth + pad * 2, height: fontSize + pad * 2 };
}

function strokeTwice(g: Context2D, colour: string, width: number, path: () => void) {
  g.lineWidth = width + 4;
  g.strokeStyle = HALO;
  path();
  g.stroke();
  g.lineWidth = width;
  g.strokeStyle = colour;
  path();
  g.stroke();
}

function drawShape(g: Context2D, shape: Shape, width: number, fontSize: number) {
  switch (shape.kind) {
    case 'box':
      g.lineWidth = width + 4;
      g.strokeStyle = HALO;
      g.strokeRect(shape.x, shape.y, shape.width, shape.height);
      g.lineWidth = width;
      g.strokeStyle = shape.colour;
      g.strokeRect(shape.x, shape.y, shape.width, shape.height);
      return;
    case 'highlight':
      g.globalAlpha = HIGHLIGHT_ALPHA;
      g.fillStyle = shape.colour;
      g.fillRect(shape.x, shape.y, shape.width, shape.height);
      g.globalAlpha = 1;
      return;
    case 'arrow': {
      const [left, right] = arrowHead(shape.from, shape.to, width * 4);
      strokeTwice(g, shape.colour, width, () => {
        g.beginPath();
        g.moveTo(shape.from.x, shape.from.y);
        g.lineTo(shape.to.x, shape.to.y);
        g.moveTo(left.x, left.y);
        g.lineTo(shape.to.x, shape.to.y);
        g.lineTo(right.x, right.y);
      });
      return;
    }
    case 'text': {
      g.font = `bold ${fontSize}px system-ui, sans-serif`;
      g.textBaseline = 'top';
      const plate = labelPlate(shape.at, g.measureText(shape.text).width, fontSize);
      g.fillStyle = HALO;
      g.fillRect(plate.x, plate.y, plate.width, plate.height);
      g.fillStyle = shape.colour;
      const pad = Math.round(fontSize / 4);
      g.fillText(shape.text, shape.at.x + pad, shape.at.y + pad);
      return;
    }
  }
}

/**
 * Draws the shapes (image pixels) onto `g`, in order, over whatever it holds:
 * the image for a saved copy, nothing for the editor's transparent overlay.
 */
export function drawShapes(g: Context2D, shapes: readonly Shape[], size: Size): void {
  const width = strokeWidthFor(size);
  const fontSize = fontSizeFor(size);
  g.save();
  g.lineJoin = 'round';
  g.lineCap = 'round';
  g.globalAlpha = 1;
  for (const shape of shapes) drawShape(g, shape, width, fontSize);
  g.restore();
}

/** The editor's crop preview: everything outside the crop dimmed. */
export function shadeOutside(g: Context2D, crop: Rect, size: Size): void {
  g.save();
  g.fillStyle = 'rgba(0, 0, 0, 0.55)';
  g.fillRect(0, 0, size.width, crop.y);
  g.fillRect(0, crop.y + crop.height, size.width, size.height - crop.y - crop.height);
  g.fillRect(0, crop.y, crop.x, crop.height);
  g.fillRect(crop.x + crop.width, crop.y, size.width - crop.x - crop.width, crop.height);
  g.restore();
}
