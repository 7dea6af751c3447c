import { v7 as uuidv7 } from 'uuid';
import type { IncidentDatabase } from '../db/database';
import type { ScreenshotBody, ScreenshotEvent } from '../model/event';
import type { Incident } from '../model/incident';
import type { NetworkContext } from '../model/network-context';
import { appendEvents } from './append';
import { mayRemove } from './authority';
import type { DomainContext } from './context';
import { NotFoundError, ValidationError } from './errors';

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
 * The scrub for a screenshot this person may remove: its author, or the
 * incident's current lead (./authority.ts; the server and every teammate
 * apply the same rule, so anyone else's removal would be ignored everywhere).
 */
async function scrubScreenshot(ctx: DomainContext, incidentId: string, eventId: string) {
  const [target, incident] = await Promise.all([ctx.db.events.get(eventId), ctx.db.incidents.get(incidentId)]);
  if (target?.kind !== 'screenshot' || target.incidentId !== incidentId || !incident) {
    throw new NotFoundError('That screenshot no longer exists.');
  }
  if (!mayRemove(target, incident.leadId, ctx.actor.userId)) {
    throw new ValidationError("Only the person who took this screenshot or the incident's lead can remove it.");
  }
  return (db: IncidentDatabase) => scrubScreenshotEvent(db, target);
}

/**
 * Removes a screenshot everywhere it is shown: a `redacted` event hides it, and
 * its image and thumbnail are deleted from this device in the same transaction
 * (the one in-place change the log allows: privacy outranks immutability).
 */
export async function removeScreenshot(ctx: DomainContext, incidentId: string, eventId: string): Promise<Incident> {
  const scrub = await scrubScreenshot(ctx, incidentId, eventId);
  const { incident } = await appendEvents(
    ctx,
    incidentId,
    [{ kind: 'redacted', body: { eventId, reason: 'removed' } }],
    { alongside: (db) => scrub(db) },
  );
  return incident;
}

/**
 * Replaces a screenshot with a redacted copy (opaque boxes drawn over it): the
 * original is scrubbed exactly as by removeScreenshot, and the copy goes on the
 * timeline pointing back at it.
 */
export async function replaceWithRedactedCopy(
  ctx: DomainContext,
  incidentId: string,
  eventId: string,
  copy: EncodedScreenshot,
): Promise<Incident> {
  const original = await ctx.db.events.get(eventId);
  if (original?.kind !== 'screenshot') throw new NotFoundError('That screenshot no longer exists.');
  if (copy.bytes.size === 0) throw new ValidationError('The redacted image is empty.');
  const scrub = await scrubScreenshot(ctx, incidentId, eventId);
  const [sha256, blobId] = [await sha256Hex(copy.bytes), uuidv7()];
  const { pageUrl, pageTitle } = original.body;
  const { incident } = await appendEvents(
    ctx,
    incidentId,
    [
      { kind: 'redacted', body: { eventId, reason: 'replaced' } },
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
      alongside: (db) => scrub(db),
    },
  );
  return incident;
}
