import type { ScreenshotEvent } from '../lib/model/event';
import { screenshotLabel } from '../lib/model/labels';
import { NetworkRequests } from './NetworkRequests';
import { SafeLink } from './SafeLink';

/**
 * A screenshot on the timeline: its thumbnail opens the viewer. An annotated
 * copy shown in its original's place (lib/incidents/timeline-entries.ts) says
 * who annotated it, and "Show original" opens the original.
 */
export function ScreenshotEntry({
  event: e,
  onOpen,
  original,
  annotatedBy,
}: {
  event: ScreenshotEvent;
  onOpen?: ((e: ScreenshotEvent) => void) | undefined;
  original?: ScreenshotEvent | undefined;
  annotatedBy?: string | undefined;
}) {
  const { pageUrl, thumbnail, width, height } = e.body;
  const label = screenshotLabel(e.body);
  return (
    <figure className="shot">
      <button type="button" className="shot-open" onClick={() => onOpen?.(e)} aria-label={`Open ${label.toLowerCase()}`}>
        {thumbnail ? <img src={thumbnail} alt={label} width={320} /> : <span className="muted">{label}</span>}
      </button>
      <figcaption className="muted">
        <span className="text">{label}</span> · {width}×{height}
        {pageUrl && (
          <>
            {' · '}
            <SafeLink href={pageUrl}>page</SafeLink>
          </>
        )}
        {original && (
          <>
            {' · '}
            <span className="text">Annotated by {annotatedBy ?? 'a teammate'}</span>{' '}
            <button type="button" className="link" onClick={() => onOpen?.(original)}>
              Show original
            </button>
          </>
        )}
      </figcaption>
      {e.body.network && <NetworkRequests network={e.body.network} />}
    </figure>
  );
}
