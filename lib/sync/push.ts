import type { IncidentDatabase, OutboxRow } from '../db/database';
import type { IncidentEvent } from '../model/event';
import { toRow } from './row';
import { FinalSyncError, imagePath, TransientSyncError, type SyncTransport } from './transport';

export interface PushResult {
  accepted: number;
  rejected: number;
  /** Refused for now, kept queued: stamped more than a day ahead of the server's clock. */
  waiting: number;
}

/**
 * push_events' reason for an event stamped more than a day ahead of the
 * server (supabase/migrations/20261130000000_team_authority.sql). Not final:
 * the stamp is fixed, the server's clock moves, so the event is accepted once
 * real time is within a day of it. It stays queued rather than dead-lettered.
 */
const CLOCK_AHEAD_REASON = /clock more than a day ahead/i;

/**
 * The next batch of this team's queued events by `authorId`, oldest first
 * (within one index key IndexedDB orders by primary key, here `seq`). Another
 * account's events stay queued for when it signs in again.
 */
async function nextBatch(db: IncidentDatabase, teamId: string, authorId: string, skip: number, size: number) {
  const batch = await db.outbox.where('[teamId+authorId]').equals([teamId, authorId]).offset(skip).limit(size).toArray();
  const events = await db.events.bulkGet(batch.map((o) => o.eventId));
  return batch.map((entry, i) => ({ entry, event: events[i] }));
}

async function deadLetter(db: IncidentDatabase, entry: OutboxRow, teamId: string, reason: string, now: string) {
  await db.deadLetters.put({ eventId: entry.eventId, incidentId: entry.incidentId, teamId, reason, failedAt: now });
  await db.outbox.delete(entry.seq!);
}

/**
 * Drains this team's outbox of `authorId`'s events (the signed-in account) in
 * batches. A screenshot's image is uploaded to Storage before its event is
 * pushed. Accepted events leave the outbox; refused ones move to the
 * dead-letter list with the server's reason; any transient failure (a rate
 * limit included) stops the drain, the engine backs off, nothing is lost.
 */
export async function pushOutbox(
  db: IncidentDatabase,
  transport: SyncTransport,
  teamId: string,
  authorId: string,
  { batchSize = 200, now = () => new Date().toISOString() } = {},
): Promise<PushResult> {
  const result: PushResult = { accepted: 0, rejected: 0, waiting: 0 };
  for (;;) {
    // Waiting rows stay at the front of the queue; this round steps over them.
    const batch = await nextBatch(db, teamId, authorId, result.waiting, batchSize);
    if (batch.length === 0) return result;

    const ready: { entry: OutboxRow; event: IncidentEvent }[] = [];
    for (const { entry, event } of batch) {
      if (!event) {
        await db.outbox.delete(entry.seq!); // its event is gone (cannot happen through the domain); nothing to send
        continue;
      }
      if (event.kind === 'screenshot') {
        const blob = await db.blobs.get(event.body.blobId);
        // No bytes means it was redacted before it ever left: the event alone is sent, hidden by its redaction.
        if (blob) {
          try {
            await transport.upload(imagePath(teamId, event.incidentId, event.id, blob.mimeType), blob.bytes, blob.mimeType);
          } catch (error) {
            if (!(error instanceof FinalSyncError)) throw error;
            await db.transaction('rw', [db.outbox, db.deadLetters], () =>
              deadLetter(db, entry, teamId, `Image upload refused: ${error.message}`, now()),
            );
            result.rejected += 1;
            continue;
          }
        }
      }
      ready.push({ entry, event });
    }
    if (ready.length === 0) continue;

    const outcomes = await transport.push(ready.map(({ event }) => toRow(event)));
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    if (ready.some(({ event }) => !byId.has(event.id))) {
      throw new TransientSyncError('The server answered for only part of the batch.');
    }
    // An accepted redaction also scrubs the server (body and image) before its
    // outbox row goes: a transient failure leaves the row, and the next round
    // re-pushes it (accepted again, idempotently) and retries the scrub.
    const refused = new Map<string, string>();
    for (const { event } of ready) {
      if (event.kind !== 'redacted' || byId.get(event.id)?.status !== 'accepted') continue;
      const target = await db.events.get(event.body.eventId);
      const path = target?.kind === 'screenshot' ? imagePath(teamId, target.incidentId, target.id, target.body.mimeType) : null;
      try {
        await transport.redact(event.body.eventId, path);
      } catch (error) {
        if (!(error instanceof FinalSyncError)) throw error;
        refused.set(event.id, `Hidden here, but the server refused to erase it: ${error.message}`);
      }
    }
    await db.transaction('rw', [db.outbox, db.deadLetters], async () => {
      for (const { entry, event } of ready) {
        const outcome = byId.get(event.id)!;
        if (refused.has(event.id)) {
          await deadLetter(db, entry, teamId, refused.get(event.id)!, now());
          result.rejected += 1;
        } else if (outcome.status === 'accepted') {
          await db.outbox.delete(entry.seq!);
          result.accepted += 1;
        } else if (CLOCK_AHEAD_REASON.test(outcome.reason ?? '')) {
          result.waiting += 1;
        } else {
          await deadLetter(db, entry, teamId, outcome.reason ?? 'Refused by the server', now());
          result.rejected += 1;
        }
      }
    });
  }
}
