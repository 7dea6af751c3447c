import type { RefObject } from 'react';
import type { Rect } from '../lib/capture/mask-geometry';

/** While redacting: how it works, the boxes drawn so far, undo, cancel and save. */
export function RedactToolbar({
  boxes,
  busy,
  hint,
  onUndo,
  onCancel,
  onSave,
}: {
  boxes: readonly Rect[];
  busy: boolean;
  /** Focused when redacting starts, so a screen reader hears how it works. */
  hint: RefObject<HTMLParagraphElement | null>;
  onUndo: () => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  return (
    <div className="row viewer-toolbar">
      <p className="hint" ref={hint} tabIndex={-1}>
        Drag over what to hide. Saving deletes the original and puts this redacted copy in its place.
      </p>
      <span className="visually-hidden" role="status">
        {boxes.length === 1 ? '1 box drawn.' : `${boxes.length} boxes drawn.`}
      </span>
      <button type="button" disabled={busy || boxes.length === 0} onClick={onUndo}>
        Undo last box
      </button>
      <button type="button" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
      <button type="button" className="primary" disabled={busy || boxes.length === 0} onClick={onSave}>
        Save redacted copy
      </button>
    </div>
  );
}
