import { v7 as uuidv7 } from 'uuid';
import type { IncidentDatabase } from '../db/database';
import type { ScreenshotBody, ScreenshotEvent } from '../model/event';
import type { Incident } from '../model/incident';
import type { NetworkContext } from '../model/network-context';
import { appendEvents } from './append';
import type { DomainContext } from './context';
import { NotFoundError, ValidationError } from './errors';
import { readTimeline } from './queries';
import { familyOf, removalScope, type RemovalScope } from './screenshot-family';

/** An encoded image ready to go on a timeline (see lib/capture/). */
export interface EncodedScreenshot {
  bytes: Blob;
  mimeType: ScreenshotBody['mimeType'];
  width: number;
  height: number;
  thumbnail: string;
}

export interface ScreenshotInput extends EncodedScreenshot {
  source: ScreenshotBody['source'];
  pageUrl?: string | undefined;
  pageTitle?: string | undefined;
  replacesEventId?: string;
  network?: NetworkContext | undefined;
  /** For an annotated copy: the screenshot it annotates (./annotations.ts). */
  annotatesEventId?: string;
}

export async function sha256Hex(bytes: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await bytes.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Puts a screenshot on the timeline: the image into `blobs`, the event (with
 * its thumbnail and hash) into the log, in one transaction. The hash is taken
 * first: nothing but Dexie may be awaited inside a Dexie transaction.
 */
export async function addScreenshot(
  ctx: DomainContext,
  incidentId: string,
  input: ScreenshotInput,
): Promise<{ incident: Incident; eventId: string }> {
  const [sha256, blobId] = [await sha256Hex(input.bytes), uuidv7()];
  const pageUrl = input.pageUrl && /^https?:\/\//i.test(input.pageUrl) ? input.pageUrl : undefined;
  const { incident, events } = await appendEvents(
    ctx,
    incidentId,
    [
      {
        kind: 'screenshot',
        body: {
          blobId,
          mimeType: input.mimeType,
          width: input.width,
          height: input.height,
          byteLength: input.bytes.size,
          sha256,
          thumbnail: input.thumbnail,
          source: input.source,
          ...(pageUrl ? { pageUrl } : {}),
          ...(input.pageTitle ? { pageTitle: input.pageTitle.slice(0, 1_000) } : {}),
          ...(input.replacesEventId ? { replacesEventId: input.replacesEventId } : {}),
          ...(input.network ? { network: input.network } : {}),
          ...(input.annotatesEventId ? { annotatesEventId: input.annotatesEventId } : {}),
        },
      },
    ],
    {
      blobs: [
        { id: blobId, incidentId, mimeType: input.mimeType, bytes: input.bytes, createdAt: new Date(ctx.now()).toISOString() },
      ],
    },
  );
  return { incident, eventId: events[0]!.id };
}

/**
 * Everything a redaction scrubs from this device: the image and the thumbnail.
 * Runs inside the caller's transaction (a local removal, or a pulled
 * `redacted` event in lib/sync/apply.ts).
 */
export async function scrubScreenshotEvent(db: IncidentDatabase, target: ScreenshotEvent): Promise<void> {
  await db.blobs.delete(target.body.blobId);
  await db.events.put({ ...target, body: { ...target.body, thumbnail: '' } });
}

/**
 * What removing `eventId` takes with it, for this person (./screenshot-family.ts):
 * the original and all its annotated copies when they may remove the original
 * (its author, or the incident's current lead), or only their own annotated
 * copy. The server and every teammate apply the same rule (./authority.ts),
 * so anyone else's removal would be ignored everywhere.
 */
async function removalPlan(ctx: DomainContext, incidentId: string, eventId: string) {
  const [events, incident] = await Promise.all([readTimeline(ctx.db, incidentId), ctx.db.incidents.get(incidentId)]);
  const target = events.find((e) => e.id === eventId);
  if (target?.kind !== 'screenshot' || !incident) throw new NotFoundError('That screenshot no longer exists.');
  // Already hidden: removing it again scrubs just it.
  const family = familyOf(events, eventId) ?? { original: target, copies: [] };
  const scope: RemovalScope = removalScope(family, target, incident.leadId, ctx.actor.userId);
  if (scope === 'none') {
    throw new ValidationError("Only the person who took this screenshot or the incident's lead can remove it.");
  }
  const members = scope === 'family' ? [family.original, ...family.copies] : [target];
  return { target, scope, members, scrub: (db: IncidentDatabase) => Promise.all(members.map((m) => scrubScreenshotEvent(db, m))) };
}

/**
 * Removes a screenshot everywhere it is shown: a `redacted` event hides it, and
 * its image and thumbnail are deleted from this device in the same transaction
 * (the one in-place change the log allows: privacy outranks immutability).
 * Its annotated copies go with it, or, for someone who may remove only their
 * own annotated copy, just that copy (see removalPlan).
 */
export async function removeScreenshot(ctx: DomainContext, incidentId: string, eventId: string): Promise<Incident> {
  const { members, scrub } = await removalPlan(ctx, incidentId, eventId);
  const { incident } = await appendEvents(
    ctx,
    incidentId,
    members.map((m) => ({ kind: 'redacted' as const, body: { eventId: m.id, reason: 'removed' as const } })),
    { alongside: async (db) => void (await scrub(db)) },
  );
  return incident;
}

/**
 * Replaces a screenshot with a redacted copy (opaque boxes drawn over it): the
 * original is scrubbed exactly as by removeScreenshot, and the copy goes on the
 * timeline pointing back at it. For an annotated screenshot the whole family
 * goes (the original and every copy show the same pixels), so only someone
 * who may remove the original may redact it.
 */
export async function replaceWithRedactedCopy(
  ctx: DomainContext,
  incidentId: string,
  eventId: string,
  copy: EncodedScreenshot,
): Promise<Incident> {
  if (copy.bytes.size === 0) throw new ValidationError('The redacted image is empty.');
  const { target: original, scope, members, scrub } = await removalPlan(ctx, incidentId, eventId);
  if (scope !== 'family') {
    throw new ValidationError(
      "Only the person who took the original screenshot or the incident's lead can redact it: redacting just your annotated copy would leave the original showing.",
    );
  }
  const [sha256, blobId] = [await sha256Hex(copy.bytes), uuidv7()];
  const { pageUrl, pageTitle } = original.body;
  const { incident } = await appendEvents(
    ctx,
    incidentId,
    [
      ...members.map((m) => ({
        kind: 'redacted' as const,
        body: { eventId: m.id, reason: m.id === eventId ? ('replaced' as const) : ('removed' as const) },
      })),
      {
        kind: 'screenshot',
        body: {
          blobId,
          mimeType: copy.mimeType,
          width: copy.width,
          height: copy.height,
          byteLength: copy.bytes.size,
          sha256,
          thumbnail: copy.thumbnail,
          source: 'redacted_copy',
          replacesEventId: eventId,
          ...(pageUrl ? { pageUrl } : {}),
          ...(pageTitle ? { pageTitle } : {}),
        },
      },
    ],
    {
      blobs: [
        { id: blobId, incidentId, mimeType: copy.mimeType, bytes: copy.bytes, createdAt: new Date(ctx.now()).toISOString() },
      ],
      alongside: async (db) => void (await scrub(db)),
    },
  );
  return incident;
}
