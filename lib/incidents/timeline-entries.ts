// Zod-free, like ./authority.ts: the side panel, the Markdown copy and the
// printable report all read it.
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import { hiddenEntries } from './authority';

/** One row of a timeline as every view shows it. */
export interface TimelineEntry {
  event: IncidentEvent;
  /** For an annotated copy shown in place of its screenshot: that original ("Show original"). */
  original?: ScreenshotEvent;
}

/**
 * The entries a timeline shows, oldest first: what counted redactions hide and
 * what does not count (./authority.ts) are left out, and so are reactions,
 * which belong to another entry. The timeline, the Markdown copy and the
 * printable report all call this, so no view can disagree with another.
 */
export function timelineEntries(events: readonly IncidentEvent[]): TimelineEntry[] {
  const hidden = hiddenEntries(events);
  return events.filter((e) => !hidden.has(e.id) && e.kind !== 'reaction').map((event) => ({ event }));
}
