import { ANNOTATION_COLOURS, TOOL_KEYS, TOOL_LABEL, TOOLS, type AnnotationColour, type Tool } from '../lib/annotate/shapes';

/** "Box (B)": the shortcut is in the name a person reads and the one a screen reader announces. */
const keyLabel = (tool: Tool) => TOOL_KEYS[tool].toUpperCase();

/** The editor's tools, colours, undo/redo, leave and save. Shortcuts: components/AnnotateEditor.tsx. */
export function AnnotateToolbar({
  tool,
  colour,
  canUndo,
  canRedo,
  canSave,
  busy,
  onTool,
  onColour,
  onUndo,
  onRedo,
  onExit,
  onSave,
}: {
  tool: Tool;
  colour: AnnotationColour;
  canUndo: boolean;
  canRedo: boolean;
  canSave: boolean;
  busy: boolean;
  onTool: (tool: Tool) => void;
  onColour: (colour: AnnotationColour) => void;
  onUndo: () => void;
  onRedo: () => void;
  onExit: () => void;
  onSave: () => void;
}) {
  return (
    <div className="row viewer-toolbar annotate-toolbar">
      <div className="row" role="group" aria-label="Annotation tools">
        {TOOLS.map((t) => (
          <button
            key={t}
            type="button"
            aria-pressed={tool === t}
            aria-keyshortcuts={keyLabel(t)}
            title={`${TOOL_LABEL[t]} (${keyLabel(t)})`}
            onClick={() => onTool(t)}
          >
            {TOOL_LABEL[t]} ({keyLabel(t)})
          </button>
        ))}
      </div>
      <div className="row" role="group" aria-label="Colour">
        {ANNOTATION_COLOURS.map((c, i) => (
          <button
            key={c.value}
            type="button"
            className="swatch"
            aria-label={c.name}
            aria-pressed={colour === c.value}
            aria-keyshortcuts={String(i + 1)}
            title={`${c.name} (${i + 1})`}
            style={{ background: c.value }}
            onClick={() => onColour(c.value)}
          />
        ))}
      </div>
      <button type="button" disabled={busy || !canUndo} onClick={onUndo} title="Undo (Ctrl+Z)" aria-keyshortcuts="Control+Z Meta+Z">
        Undo
      </button>
      <button
        type="button"
        disabled={busy || !canRedo}
        onClick={onRedo}
        title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        Redo
      </button>
      <button type="button" disabled={busy} onClick={onExit} title="Leave the editor without saving (Esc)" aria-keyshortcuts="Escape">
        Cancel
      </button>
      <button type="button" className="primary" disabled={busy || !canSave} onClick={onSave}>
        Save annotated copy
      </button>
      {!canSave && <span className="muted">Nothing to save yet: draw on the image first.</span>}
    </div>
  );
}
