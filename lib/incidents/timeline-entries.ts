// Zod-free, like ./authority.ts: the side panel, the Markdown copy and the
// printable report all read it.
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import { screenshotFamilies } from './screenshot-family';

/** One row of a timeline as every view shows it. */
export interface TimelineEntry {
  event: IncidentEvent;
  /** For an annotated copy shown in place of its screenshot: that original ("Show original"). */
  original?: ScreenshotEvent;
}

/**
 * The entries a timeline shows, oldest first: what counted redactions hide and
 * what does not count (./authority.ts) are left out, and so are reactions,
 * which belong to another entry. An annotated screenshot shows its newest
 * copy by (hlc, id) in the original's place (evidence keeps its capture
 * time), with the original alongside; older copies are not shown. A copy of a
 * hidden original is hidden too (./screenshot-family.ts). The timeline, the
 * Markdown copy and the printable report all call this, so no view can
 * disagree with another.
 */
export function timelineEntries(events: readonly IncidentEvent[]): TimelineEntry[] {
  const { families, hidden } = screenshotFamilies(events);
  const copies = new Set([...families.values()].flatMap((f) => f.copies.map((c) => c.id)));
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    if (hidden.has(event.id) || copies.has(event.id) || event.kind === 'reaction') continue;
    const shown = families.get(event.id)?.copies.at(-1);
    entries.push(shown && event.kind === 'screenshot' ? { event: shown, original: event } : { event });
  }
  return entries;
}
