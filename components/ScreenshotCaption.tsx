import { formatDateTime } from '../lib/format/time';
import type { ScreenshotEvent } from '../lib/model/event';

/** When it was taken, its size, and the page it shows (a link only for http(s)). */
export function ScreenshotCaption({ event }: { event: ScreenshotEvent }) {
  const { pageUrl: url } = event.body;
  const pageUrl = url && /^https?:\/\//i.test(url) ? url : null;
  return (
    <p className="muted">
      <time dateTime={event.createdAt}>{formatDateTime(event.createdAt)}</time> · {event.body.width} × {event.body.height} px
      {pageUrl && (
        <>
          {' · '}
          <a href={pageUrl} target="_blank" rel="noopener noreferrer">
            {pageUrl}
          </a>
        </>
      )}
    </p>
  );
}
