import type { RefObject } from 'react';

/**
 * Remove a screenshot for everyone, after a confirmation whose safe choice
 * ("Keep") takes focus. Only its author or the incident's lead may; anyone else
 * is told so. The parent owns `confirming` and the focus moves (ScreenshotViewer).
 */
export function RemoveControl({
  canRemove,
  confirming,
  busy,
  onConfirming,
  onRemove,
  keepButton,
  removeButton,
}: {
  canRemove: boolean;
  confirming: boolean;
  busy: boolean;
  onConfirming: (confirming: boolean) => void;
  onRemove: () => void;
  keepButton: RefObject<HTMLButtonElement | null>;
  removeButton: RefObject<HTMLButtonElement | null>;
}) {
  if (!canRemove) return <span className="muted">Only the person who took it or the incident's lead can remove or redact it.</span>;
  if (confirming) {
    return (
      <span className="row" role="group" aria-label="Remove this screenshot?">
        <span>Remove this screenshot for everyone?</span>
        <button type="button" className="danger" disabled={busy} onClick={onRemove}>
          Remove for everyone
        </button>
        <button type="button" ref={keepButton} disabled={busy} onClick={() => onConfirming(false)}>
          Keep
        </button>
      </span>
    );
  }
  return (
    <button type="button" ref={removeButton} disabled={busy} onClick={() => onConfirming(true)}>
      Remove screenshot
    </button>
  );
}
