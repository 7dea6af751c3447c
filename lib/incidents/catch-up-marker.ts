// Zod-free: the side panel's timeline reads it (types only from the model).
import type { IncidentDatabase } from '../db/database';
import { lastSeenItems } from '../db/meta-items';
import type { IncidentEvent } from '../model/event';

/**
 * "New since you last looked": what arrived after the newest entry this
 * device had seen of an incident.
 *
 * The last-seen point is one hybrid logical clock per incident (the newest
 * event's hlc when the person last had the end of the timeline on screen;
 * lib/db/meta-items.ts `lastSeenItems`), not a set of event ids: it stays one
 * short string however long the log. New = shown entries with a later clock
 * that someone else wrote; my own are never new. An entry a teammate wrote
 * offline before that point and synced later carries its earlier clock and
 * does not count: the marker errs on the quiet side rather than growing a
 * per-event list. No stored point (the first visit, or an incident I
 * declared myself) means no marker: the Catch up card covers a first look.
 */
export interface NewSince {
  /** How many entries are new. */
  count: number;
  /** The oldest new entry: the marker sits above it. Null when none is new. */
  firstId: string | null;
}

export const NOTHING_NEW: NewSince = { count: 0, firstId: null };

export function newSince(rows: readonly { event: IncidentEvent }[], seenHlc: string | null | undefined, me: string): NewSince {
  if (!seenHlc) return NOTHING_NEW;
  let count = 0;
  let firstId: string | null = null;
  for (const { event } of rows) {
    if (event.hlc <= seenHlc || event.authorId === me) continue;
    count++;
    firstId ??= event.id;
  }
  return { count, firstId };
}

/** The newest clock on a log in (hlc, id) order: what "seen up to here" records. */
export function newestHlc(events: readonly IncidentEvent[]): string | null {
  return events.at(-1)?.hlc ?? null;
}

/**
 * Records that the person saw the log up to `hlc`. Only ever moves forward
 * (two panels, or a stale one, never move it back), in one transaction.
 */
export function markSeen(db: IncidentDatabase, incidentId: string, hlc: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const seen = await lastSeenItems.get(db, incidentId);
    if (!seen || seen < hlc) await lastSeenItems.putAll(db, [[incidentId, hlc]]);
  });
}
