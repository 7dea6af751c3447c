// The annotation model: what a person drew on a screenshot, in the image's own
// pixels. Pure data (no DOM, no React), so the editor, the render and the
// tests share one definition.
import type { Rect } from '../capture/mask-geometry';
import type { Point, Size } from '../capture/redact';

export type { Point, Rect, Size };

/**
 * Saturated colours that read on dark dashboards (Grafana's default dark
 * theme is near-black #111217) and, drawn over a dark halo (./render.ts), on
 * light pages too. No blue or green: dashboards use them for their own series.
 */
export const ANNOTATION_COLOURS = [
  { name: 'Red', value: '#ff3b30' },
  { name: 'Yellow', value: '#ffd60a' },
  { name: 'Cyan', value: '#00e5ff' },
  { name: 'Magenta', value: '#ff2bd6' },
] as const;
export type AnnotationColour = (typeof ANNOTATION_COLOURS)[number]['value'];

export const TOOLS = ['box', 'arrow', 'text', 'highlight', 'crop'] as const;
export type Tool = (typeof TOOLS)[number];

/** One key per tool, shown in the buttons' titles (components/AnnotateToolbar.tsx). */
export const TOOL_KEYS: Readonly<Record<Tool, string>> = { box: 'b', arrow: 'a', text: 't', highlight: 'h', crop: 'c' };
export const TOOL_LABEL: Readonly<Record<Tool, string>> = {
  box: 'Box',
  arrow: 'Arrow',
  text: 'Text label',
  highlight: 'Highlight',
  crop: 'Crop',
};

/** Long enough for "p99 jumps here after the 14:02 deploy", short enough to stay a label. */
export const TEXT_LABEL_MAX = 120;
/** A crop smaller than this is a slip of the hand, not a picture. */
export const MIN_CROP_PX = 16;
/** A box or highlight thinner than this, or an arrow shorter, is a click, not a shape. */
export const MIN_SHAPE_PX = 4;

export type Shape =
  | ({ kind: 'box' | 'highlight'; colour: AnnotationColour } & Rect)
  | { kind: 'arrow'; colour: AnnotationColour; from: Point; to: Point }
  | { kind: 'text'; colour: AnnotationColour; at: Point; text: string };

/** Why a shape cannot go on an image of `size`, or null when it can. */
export function shapeRefusal(shape: Shape, size: Size): string | null {
  switch (shape.kind) {
    case 'box':
    case 'highlight':
      return shape.width < MIN_SHAPE_PX || shape.height < MIN_SHAPE_PX ? 'Drag further to draw a shape.' : null;
    case 'arrow':
      return Math.hypot(shape.to.x - shape.from.x, shape.to.y - shape.from.y) < MIN_SHAPE_PX * 2
        ? 'Drag further to draw an arrow.'
        : null;
    case 'text': {
      const text = shape.text.trim();
      if (!text) return 'Type the label first.';
      if (text.length > TEXT_LABEL_MAX) return `A label can be at most ${TEXT_LABEL_MAX} characters.`;
      if (shape.at.x < 0 || shape.at.y < 0 || shape.at.x > size.width || shape.at.y > size.height) {
        return 'Put the label on the image.';
      }
      return null;
    }
  }
}

/** Why `crop` cannot crop an image of `size`, or null when it can. */
export function cropRefusal(crop: Rect, size: Size): string | null {
  const inside = crop.x >= 0 && crop.y >= 0 && crop.x + crop.width <= size.width && crop.y + crop.height <= size.height;
  if (!inside) return 'A crop must lie on the image.';
  if (crop.width < MIN_CROP_PX || crop.height < MIN_CROP_PX) {
    return `Crop to at least ${MIN_CROP_PX} × ${MIN_CROP_PX} pixels.`;
  }
  return null;
}

/** A point on the image as shown (CSS pixels) in image pixels, clamped to the image. */
export function toImagePoint(p: Point, displayed: Size, natural: Size): Point {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  return {
    x: clamp(Math.round((p.x * natural.width) / displayed.width), natural.width),
    y: clamp(Math.round((p.y * natural.height) / displayed.height), natural.height),
  };
}

/**
 * The shape a drag from `from` to `to` (image pixels) makes with `tool`, or
 * null for the tools that do not draw by dragging (text, crop).
 */
export function shapeFromDrag(tool: Tool, colour: AnnotationColour, from: Point, to: Point): Shape | null {
  if (tool === 'arrow') return { kind: 'arrow', colour, from, to };
  if (tool !== 'box' && tool !== 'highlight') return null;
  return {
    kind: tool,
    colour,
    x: Math.min(from.x, to.x),
    y: Math.min(from.y, to.y),
    width: Math.abs(to.x - from.x),
    height: Math.abs(to.y - from.y),
  };
}
