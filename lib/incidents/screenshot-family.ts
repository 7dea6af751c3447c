// Zod-free, like ./authority.ts: the timeline and the viewer read it.
import type { IncidentEvent, ScreenshotEvent } from '../model/event';
import { compareEvents } from '../model/order';
import { annotatedId, incidentAuthority, mayRemove } from './authority';

/**
 * A screenshot and the annotated copies drawn from it. Every copy points at
 * the first screenshot (an annotation of an annotation points past its source
 * to the original, ./annotations.ts), so a family is one level deep.
 */
export interface ScreenshotFamily {
  original: ScreenshotEvent;
  /** Copies still shown, in (hlc, id) order: the last one is what the timeline shows. */
  copies: ScreenshotEvent[];
}

/** Follows `annotatesEventId` to the first screenshot (a guard stops a forged loop). */
export function originalOf(e: ScreenshotEvent, byId: ReadonlyMap<string, IncidentEvent>): ScreenshotEvent | undefined {
  let at: ScreenshotEvent = e;
  for (let step = 0; step < 8; step++) {
    const next = byId.get(annotatedId(at) ?? '');
    if (next?.kind !== 'screenshot' || next.incidentId !== e.incidentId) return at === e ? undefined : at;
    at = next;
  }
  return undefined;
}

/**
 * Every family of one incident's events, by original id, and the copies that
 * may not be shown. A copy goes with its original: when the original is hidden
 * by a redaction that counts (or the server emptied it before this device saw
 * it, and its redaction is here), the copy is hidden too, for it shows the
 * same pixels. A copy whose original this device does not hold stands alone.
 */
export function screenshotFamilies(events: readonly IncidentEvent[]): {
  families: Map<string, ScreenshotFamily>;
  hidden: Set<string>;
} {
  const { hidden: redacted, ignored } = incidentAuthority(events);
  const hidden = new Set([...redacted, ...ignored]);
  const byId = new Map(events.map((e) => [e.id, e]));
  const named = new Set(events.flatMap((e) => (e.kind === 'redacted' && !ignored.has(e.id) ? [e.body.eventId] : [])));
  const families = new Map<string, ScreenshotFamily>();
  for (const e of [...events].sort(compareEvents)) {
    if (e.kind !== 'screenshot' || hidden.has(e.id)) continue;
    const annotates = annotatedId(e);
    if (!annotates) continue;
    const original = originalOf(e, byId);
    if (!original) {
      if (named.has(annotates)) hidden.add(e.id);
      continue;
    }
    if (hidden.has(original.id)) {
      hidden.add(e.id);
      continue;
    }
    const family = families.get(original.id) ?? { original, copies: [] };
    family.copies.push(e);
    families.set(original.id, family);
  }
  return { families, hidden };
}

/** The family `eventId` belongs to (as original or copy); a lone screenshot is a family without copies. */
export function familyOf(events: readonly IncidentEvent[], eventId: string): ScreenshotFamily | null {
  const { families, hidden } = screenshotFamilies(events);
  const e = events.find((x) => x.id === eventId);
  if (e?.kind !== 'screenshot' || hidden.has(e.id)) return null;
  for (const family of families.values()) {
    if (family.original.id === e.id || family.copies.some((c) => c.id === e.id)) return family;
  }
  return { original: e, copies: [] };
}

/**
 * What `userId` may remove from the family through `target`:
 * - 'family': the original and every copy (its author or the lead; the copies'
 *   redactions count for them too, ./authority.ts);
 * - 'copy': only `target`, their own annotated copy (the original then shows again);
 * - 'none'.
 */
export type RemovalScope = 'family' | 'copy' | 'none';

export function removalScope(
  family: ScreenshotFamily,
  target: ScreenshotEvent,
  currentLeadId: string,
  userId: string | undefined,
): RemovalScope {
  if (mayRemove(family.original, currentLeadId, userId)) return 'family';
  if (target.id !== family.original.id && mayRemove(target, currentLeadId, userId)) return 'copy';
  return 'none';
}

/** What the viewer needs to offer removal of `eventId`: its family and this person's scope over it. */
export function screenshotRights(
  events: readonly IncidentEvent[],
  eventId: string,
  currentLeadId: string,
  userId: string | undefined,
): { family: ScreenshotFamily | null; scope: RemovalScope } {
  const family = familyOf(events, eventId);
  const target = family && [family.original, ...family.copies].find((e) => e.id === eventId);
  return { family, scope: family && target ? removalScope(family, target, currentLeadId, userId) : 'none' };
}
