import type Dexie from 'dexie';

/**
 * Every version of the local schema, oldest first. Never edit a version that
 * has shipped: add the next one (with an upgrade function if rows must change)
 * and a test for it in schema.test.ts.
 *
 * Indexes:
 * - events: `[incidentId+hlc]` reads one timeline in order; `hlc` for "since".
 * - incidents: `[statusRank+lastActivityAt]` lists active first, most recent
 *   activity first within each; `leadId` finds "mine".
 * - outbox: `seq` is the send order; `&eventId` keeps an event queued once.
 */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      events: 'id, [incidentId+hlc], hlc',
      incidents: 'id, status, lastActivityAt, leadId, [statusRank+lastActivityAt]',
      blobs: 'id, incidentId',
      outbox: '++seq, &eventId',
      meta: 'key',
    },
  },
] as const;

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchema(db: Dexie): void {
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
}
