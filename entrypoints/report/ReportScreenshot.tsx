import { useEffect, useState } from 'react';
import { useScreenshotImage } from '../../components/use-screenshot-image';
import type { IncidentDatabase } from '../../lib/db/database';
import type { ScreenshotEvent } from '../../lib/model/event';
import { screenshotLabel } from '../../lib/model/labels';
import { SafeLink } from '../../components/SafeLink';
import { NetworkRequests } from '../../components/NetworkRequests';

type Props = {
  db: IncidentDatabase;
  event: ScreenshotEvent;
  /** For an annotated copy (lib/report/report-model.ts). */
  annotatedBy?: string | undefined;
  load: boolean;
  onSettled: (eventId: string) => void;
};

/**
 * A screenshot at full size (the bytes from the `blobs` table, not the
 * thumbnail), its caption, and the page's failed and slowest requests when the
 * capture read them. Reserves the image's box from the event's width and
 * height, so images arriving later do not move the text.
 */
export function ReportScreenshot({ db, event, annotatedBy, load, onSettled }: Props) {
  const { pageUrl, width, height, network } = event.body;
  const label = screenshotLabel(event.body);
  return (
    <figure className="report-shot">
      {load ? <FullImage db={db} event={event} label={label} onSettled={onSettled} /> : <Reserved width={width} height={height} />}
      <figcaption className="muted">
        <span className="text">{label}</span> · {width}×{height}
        {pageUrl && (
          <>
            {' · '}
            <SafeLink href={pageUrl}>{pageUrl}</SafeLink>
          </>
        )}
        {annotatedBy && <span className="text"> · Annotated by {annotatedBy}</span>}
      </figcaption>
      {network && <NetworkRequests network={network} allOpen />}
    </figure>
  );
}

function Reserved({ width, height }: { width: number; height: number }) {
  return <div className="report-image-slot" style={{ aspectRatio: `${width} / ${height}`, maxWidth: width }} />;
}

function FullImage({ db, event, label, onSettled }: Omit<Props, 'load' | 'annotatedBy'> & { label: string }) {
  // No fetch of a teammate's image that is not here: a report reads this device only.
  const image = useScreenshotImage({ db }, event.body.blobId);
  const [broken, setBroken] = useState(false);
  const settle = () => onSettled(event.id);
  useEffect(() => {
    if (image.status === 'missing' || image.status === 'error') onSettled(event.id);
  }, [image.status, event.id, onSettled]);
  if (image.status === 'loading') return <Reserved width={event.body.width} height={event.body.height} />;
  if (image.status === 'missing') return <Placeholder text="Image not on this device" />;
  if (image.status === 'error' || broken) return <Placeholder text="The image could not be shown" />;
  return (
    <img
      src={image.url}
      alt={label}
      width={event.body.width}
      height={event.body.height}
      decoding="async"
      // Ready means decoded, not just fetched: what prints is what has been decoded
      // (https://html.spec.whatwg.org/multipage/embedded-content.html#dom-img-decode).
      onLoad={(e) => void e.currentTarget.decode().then(settle, settle)}
      onError={() => {
        setBroken(true);
        settle();
      }}
    />
  );
}

function Placeholder({ text }: { text: string }) {
  return (
    <p className="report-image-missing" role="note">
      {text}
    </p>
  );
}
