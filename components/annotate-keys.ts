import { ANNOTATION_COLOURS, TOOL_KEYS, TOOLS, type AnnotationColour, type Tool } from '../lib/annotate/shapes';

export type EditorCommand =
  | { type: 'tool'; tool: Tool }
  | { type: 'colour'; colour: AnnotationColour }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'exit' };

/**
 * The editor's shortcut for a key press, or null. Redo is Ctrl/Cmd+Shift+Z
 * (macOS, Photoshop, Figma) or Ctrl+Y (Windows); `key` is upper-case while
 * Shift is held, so letters compare case-blind.
 */
export function editorCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): EditorCommand | null {
  const key = e.key.toLowerCase();
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape') return { type: 'exit' };
  if (e.altKey) return null;
  if (mod && key === 'z') return { type: e.shiftKey ? 'redo' : 'undo' };
  if (mod && key === 'y') return { type: 'redo' };
  if (mod || e.shiftKey) return null;
  const tool = TOOLS.find((t) => TOOL_KEYS[t] === key);
  if (tool) return { type: 'tool', tool };
  const colour = ANNOTATION_COLOURS[Number(key) - 1];
  return /^[1-9]$/.test(key) && colour ? { type: 'colour', colour: colour.value } : null;
}
