import { z } from 'zod';
import { hlcSchema, nodeIdSchema } from '../clock/hlc';
import { metaFamily, metaItem } from './meta-item';
import { META_KEY, META_PREFIX } from './names';

/**
 * Every row of the `meta` table, each with its one typed, parsed accessor.
 * Code outside lib/db/ reads and writes local state only through these.
 */

/** The persisted hybrid logical clock: the last timestamp this device stamped or received. */
export const clockItem = metaItem(META_KEY.clock, hlcSchema.nullable(), null);

/** This device's clock node id (lib/incidents/node-id.ts makes it once). */
export const nodeIdItem = metaItem(META_KEY.nodeId, nodeIdSchema.nullable(), null);

/** What the UI says about sync; persisted, so a restarted worker and every page agree. */
export const syncStateSchema = z.object({
  // paused: the browser has not granted consent to send (Firefox's data
  // consent, withdrawable in about:addons); lastError says how to resume.
  state: z.enum(['synced', 'offline', 'error', 'signed_out', 'syncing', 'paused']).default('synced'),
  lastError: z.string().nullable().default(null),
  lastSyncedAt: z.string().nullable().default(null),
  attempt: z.number().default(0),
  nextAttemptAt: z.number().default(0),
  // A long pull under way (issue 13): events applied so far of the total
  // pull_status counted at its start (null: the server could not say). Null
  // outside a catch-up. Written at most once a page; rows from before it parse.
  progress: z
    .object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative().nullable() })
    .nullable()
    .default(null),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const INITIAL_SYNC_STATE: SyncState = syncStateSchema.parse({});

export const syncStateItem = metaItem(META_KEY.syncState, syncStateSchema, INITIAL_SYNC_STATE);

/** Incidents with pulled events not yet folded into their rows (persisted: a killed pull resumes). */
export const dirtyIncidentsItem = metaItem(META_KEY.syncDirty, z.array(z.string()), []);

/** Per team: the server sequence number this device has pulled up to. */
export const pullCursors = metaFamily(META_PREFIX.cursor, z.number());

/** Per incident: the team's human number (INC-12), assigned by the server and kept by sync. */
export const incidentNumbers = metaFamily(META_PREFIX.incidentNumber, z.number());

/**
 * Events the single Slack webhook posted before issue 12 (the newest 500).
 * Read-only now: lib/announce/sender.ts skips them for the migrated Slack
 * destination, so upgrading does not post them again.
 */
export const legacySlackPostedItem = metaItem(META_KEY.slackPosted, z.array(z.string()), []);

/**
 * Per (destination, event), keyed `<destination id> <event id>`: how delivering
 * that one message went. `sent` and `final` are done; `retry` waits for
 * `nextAttemptAt`. Kept for two days (the sender looks back one).
 */
export const deliverySchema = z.object({
  state: z.enum(['sent', 'retry', 'final']),
  /** When it was first tried (ISO): retries stop a day after. */
  firstAt: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: z.number(),
  message: z.string().optional(),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const announceDeliveriesItem = metaItem(META_KEY.announceDeliveries, z.record(z.string(), deliverySchema), {});

/** Per destination id: how the last message to it went, shown in Options. */
export const destinationStatusSchema = z.object({ ok: z.boolean(), message: z.string(), at: z.string() });
export type DestinationStatus = z.infer<typeof destinationStatusSchema>;
export const announceStatusItem = metaItem(META_KEY.announceStatus, z.record(z.string(), destinationStatusSchema), {});

/**
 * Per incident, on this device: the newest event's clock when the person last
 * had the end of its timeline on screen ("New since you last looked",
 * lib/incidents/catch-up-marker.ts). A malformed row reads as none: no marker.
 */
export const lastSeenItems = metaFamily(META_PREFIX.seen, hlcSchema);
