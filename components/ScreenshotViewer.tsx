import { useEffect, useId, useRef, useState } from 'react';
import type { Rect } from '../lib/capture/mask-geometry';
import type { Size } from '../lib/capture/redact';
import type { DomainContext } from '../lib/incidents/context';
import { removeScreenshot } from '../lib/incidents/screenshots';
import type { ScreenshotEvent } from '../lib/model/event';
import { RedactionLayer } from './RedactionLayer';
import { screenshotFileName } from './screenshot-file-name';
import { extensionPort } from './extension-port';
import { request } from '../lib/messaging/send';
import { AnnotateEditor } from './AnnotateEditor';
import { ImageStatus, ZoomToggle } from './ImageStatus';
import { RedactToolbar } from './RedactToolbar';
import { ScreenshotCaption } from './ScreenshotCaption';
import { RemoveControl } from './RemoveControl';
import type { ViewerRights } from './screenshot-rights';
import { useAction } from './use-action';
import { useAnnotate } from './use-annotate';
import { useRedact } from './use-redact';
import { CopyStatus, useCopyImage } from './use-copy-image';
import { useScreenshotImage } from './use-screenshot-image';

export { screenshotFileName };

export type { ScreenshotEvent };

export interface ScreenshotViewerProps {
  ctx: DomainContext;
  incidentId: string;
  event: ScreenshotEvent;
  /** Who may remove or redact it, with its annotated copies or only their own copy (./screenshot-rights.ts). */
  rights: ViewerRights;
  onClose: () => void;
}

/** A screenshot at full size: look, copy, download, annotate, redact or remove it. */
export function ScreenshotViewer({ ctx, incidentId, event, rights, onClose }: ScreenshotViewerProps) {
  const { body } = event;
  const dialog = useRef<HTMLDialogElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const redactButton = useRef<HTMLButtonElement>(null);
  const redactHint = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  // A teammate's image is not on this device until someone opens it: fetch it from the team's Storage.
  const image = useScreenshotImage(
    ctx,
    body.blobId,
    event.teamId && body.thumbnail
      ? () => request(extensionPort, { type: 'downloadImage', eventId: event.id })
      : undefined,
  );
  const [actualSize, setActualSize] = useState(false);
  const [natural, setNatural] = useState<Size>({ width: body.width, height: body.height });
  const [boxes, setBoxes] = useState<Rect[] | null>(null); // null: not redacting
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const { copy, copied } = useCopyImage();

  const remove = useAction(() => removeScreenshot(ctx, incidentId, event.id));
  const redact = useRedact(ctx, incidentId, event.id);
  const annotate = useAnnotate(ctx, incidentId, event.id);
  const busy = remove.busy || redact.busy || annotate.save.busy || annotate.open.busy;
  const error = remove.error ?? redact.error ?? annotate.save.error ?? annotate.open.error;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  // The controls swap in place, so focus follows them instead of falling to the page.
  const redacting = boxes !== null;
  const seen = useRef({ redacting, confirmingRemove });
  useEffect(() => {
    const before = seen.current;
    seen.current = { redacting, confirmingRemove };
    if (redacting && !before.redacting) redactHint.current?.focus();
    else if (!redacting && before.redacting) redactButton.current?.focus();
    // The safe choice has focus, so a second Enter does not delete.
    else if (confirmingRemove && !before.confirmingRemove) keepButton.current?.focus();
    else if (!confirmingRemove && before.confirmingRemove) removeButton.current?.focus();
  }, [redacting, confirmingRemove]);

  const title = body.pageTitle || 'untitled page';

  async function saveRedacted(blob: Blob, drawn: Rect[]) {
    if ((await redact.run(blob, drawn)) !== undefined) onClose();
  }

  async function confirmRemove() {
    if ((await remove.run()) !== undefined) onClose();
  }

  // Also offered when the image is not on this device: a teammate's screenshot
  // can still be taken off the timeline (its thumbnail shows there).
  const removeControl = (
    <RemoveControl
      rights={rights}
      confirming={confirmingRemove}
      busy={busy}
      onConfirming={setConfirmingRemove}
      onRemove={() => void confirmRemove()}
      keepButton={keepButton}
      removeButton={removeButton}
    />
  );

  const annotateButton = (
    <button type="button" disabled={busy} onClick={() => void annotate.open.run(image.status === 'ready' ? image.blob : undefined)}>
      Annotate
    </button>
  );

  return (
    <dialog
      ref={dialog}
      className="viewer"
      aria-labelledby={headingId}
      onCancel={(e) => {
        // Esc: let the parent unmount us rather than the browser closing the dialog under React.
        // While annotating, the editor has already taken Esc to leave itself.
        e.preventDefault();
        if (!annotate.annotating) onClose();
      }}
    >
      <div className="viewer-header row">
        <h2 id={headingId}>Screenshot: {title}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ScreenshotCaption event={event} />

      <ImageStatus image={image} />
      {(image.status === 'missing' || image.status === 'error') && (
        <div className="row viewer-toolbar">
          {annotateButton}
          {removeControl}
        </div>
      )}
      {rights.scope === 'copy' && <p className="muted">{rights.refusal}</p>}
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}

      {image.status === 'ready' && annotate.annotating && (
        <AnnotateEditor
          url={image.url}
          alt={`Screenshot of ${title}`}
          natural={natural}
          busy={busy}
          onSave={(doc) => void annotate.save.run(image.blob, doc).then((saved) => saved !== undefined && onClose())}
          onExit={annotate.leave}
        />
      )}
      {image.status === 'ready' && !annotate.annotating && (
        <>
          <div className="row viewer-toolbar">
            <ZoomToggle actualSize={actualSize} onChange={setActualSize} />
            {!redacting && (
              <>
                <button type="button" onClick={() => window.open(image.url, '_blank', 'noopener')}>
                  Open in new tab
                </button>
                <a className="button" href={image.url} download={screenshotFileName(event.createdAt, body.mimeType)}>
                  Download
                </a>
                <button type="button" onClick={() => void copy(image.blob)}>
                  Copy image
                </button>
                {annotateButton}
                {rights.scope === 'family' && (
                  <button type="button" ref={redactButton} disabled={busy} onClick={() => setBoxes([])}>
                    Redact…
                  </button>
                )}
                {removeControl}
              </>
            )}
          </div>

          {boxes !== null && (
            <RedactToolbar
              boxes={boxes}
              busy={busy}
              hint={redactHint}
              onUndo={() => setBoxes(boxes.slice(0, -1))}
              onCancel={() => setBoxes(null)}
              onSave={() => void saveRedacted(image.blob, boxes)}
            />
          )}

          <CopyStatus copied={copied} />
          <div className={`viewer-stage ${actualSize ? 'actual' : 'fit'}`}>
            <div className="viewer-frame">
              <img
                src={image.url}
                alt={`Screenshot of ${title}`}
                draggable={false}
                onLoad={(e) => {
                  const img = e.currentTarget;
                  // The decoded size is what the boxes are drawn on; the event's size is the fallback.
                  if (img.naturalWidth && img.naturalHeight) setNatural({ width: img.naturalWidth, height: img.naturalHeight });
                }}
              />
              {boxes !== null && (
                <RedactionLayer natural={natural} boxes={boxes} onAdd={(b) => setBoxes((prev) => [...(prev ?? []), b])} />
              )}
            </div>
          </div>
        </>
      )}
    </dialog>
  );
}
