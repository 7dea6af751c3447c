import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { formatHlc, type Hlc, parseHlc, tick } from '../clock/hlc';
import type { BlobRow, IncidentDatabase } from '../db/database';
import { outboxRow } from '../db/outbox-row';
import { clockItem } from '../db/meta-items';
import { incidentEventSchema, type EventDraft, type IncidentEvent } from '../model/event';
import type { Incident } from '../model/incident';
import type { DomainContext } from './context';
import { isQuotaExceeded, NotFoundError, StorageFullError, toValidationError } from './errors';
import { foldIncident } from './fold';
import { readNodeId } from './node-id';
import { deleteProjection, projectionTables, putProjections } from './projection';

export interface AppendResult {
  events: IncidentEvent[];
  incident: Incident;
}

/**
 * The one write path. In a single transaction it stamps each draft with an id
 * and a tick of the persisted clock, validates it, appends it to the log,
 * refolds the incident's projection and queues the events for sync. Either all
 * of that lands or none of it does (a full disk included).
 */
export interface AppendOptions {
  /** Image bytes the events refer to, stored in the same transaction. */
  blobs?: readonly BlobRow[];
  /**
   * Further writes that must land with the events or not at all (a redaction
   * scrubbing what it hides). Runs inside the transaction: Dexie calls only,
   * nothing else may be awaited there.
   */
  alongside?: (db: IncidentDatabase, events: readonly IncidentEvent[]) => Promise<void>;
}

export async function appendEvents(
  ctx: DomainContext,
  incidentId: string | null,
  drafts: readonly EventDraft[],
  options: AppendOptions = {},
): Promise<AppendResult> {
  const { db } = ctx;
  try {
    return await db.transaction('rw', [db.events, ...projectionTables(db), db.outbox, db.meta, db.blobs], async () => {
      const existing = incidentId ? await db.incidents.get(incidentId) : undefined;
      if (incidentId && !existing) throw new NotFoundError('That incident no longer exists on this device.');

      const node = await readNodeId(db);
      const stored = await clockItem.get(db);
      let clock: Hlc | null = stored === null ? null : parseHlc(stored);
      const nowMs = ctx.now();
      const createdAt = new Date(nowMs).toISOString();

      const events: IncidentEvent[] = [];
      let targetId = incidentId;
      for (const draft of drafts) {
        clock = tick(clock, nowMs, node);
        const id = uuidv7({ msecs: nowMs });
        targetId ??= id; // an incident's id is the id of its `declared` event
        events.push(
          incidentEventSchema.parse({
            ...draft,
            id,
            incidentId: targetId,
            teamId: existing?.teamId ?? ctx.teamId ?? null,
            authorId: ctx.actor.userId,
            hlc: formatHlc(clock),
            createdAt,
          }),
        );
      }
      if (!targetId || !clock) throw new Error('appendEvents needs at least one event');

      if (options.blobs?.length) await db.blobs.bulkAdd([...options.blobs]);
      await db.events.bulkAdd(events);
      await options.alongside?.(db, events);
      await clockItem.put(db, formatHlc(clock));
      const incident = await refold(db, targetId);
      if (!incident) throw new Error('An incident must start with a declared event');
      await db.outbox.bulkAdd(events.map((e) => outboxRow(e, createdAt)));
      return { events, incident };
    });
  } catch (error) {
    const invalid = toValidationError(error);
    if (invalid) throw invalid;
    if (isQuotaExceeded(error)) throw new StorageFullError(error);
    throw error;
  }
}

/** Recomputes one incident's projection from its events (inside the caller's transaction). */
export async function refold(db: IncidentDatabase, incidentId: string): Promise<Incident | null> {
  const events = await db.events
    .where('[incidentId+hlc]')
    .between([incidentId, Dexie.minKey], [incidentId, Dexie.maxKey])
    .toArray();
  const incident = foldIncident(events);
  if (incident) await putProjections(db, [incident]);
  else await deleteProjection(db, incidentId);
  return incident;
}
