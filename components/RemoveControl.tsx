import type { RefObject } from 'react';
import type { ViewerRights } from './screenshot-rights';

/** The confirmation's question: what goes with the removal. */
function question({ scope, copies }: ViewerRights): string {
  if (scope === 'copy') return 'Remove your annotated copy for everyone? The original shows again.';
  if (copies === 0) return 'Remove this screenshot for everyone?';
  return `Remove this screenshot and its ${copies === 1 ? 'annotated copy' : `${copies} annotated copies`} for everyone?`;
}

/**
 * Remove a screenshot for everyone, after a confirmation whose safe choice
 * ("Keep") takes focus. Only its author or the incident's lead may (with its
 * annotated copies), or an annotator their own copy; anyone else is told who can. The parent owns `confirming` and the focus moves (ScreenshotViewer).
 */
export function RemoveControl({
  rights,
  confirming,
  busy,
  onConfirming,
  onRemove,
  keepButton,
  removeButton,
}: {
  /** Who may remove what, and who can when this person cannot (./screenshot-rights.ts). */
  rights: ViewerRights;
  confirming: boolean;
  busy: boolean;
  onConfirming: (confirming: boolean) => void;
  onRemove: () => void;
  keepButton: RefObject<HTMLButtonElement | null>;
  removeButton: RefObject<HTMLButtonElement | null>;
}) {
  if (rights.scope === 'none') return <span className="muted">{rights.refusal}</span>;
  if (confirming) {
    return (
      <span className="row" role="group" aria-label="Remove this screenshot?">
        <span>{question(rights)}</span>
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
