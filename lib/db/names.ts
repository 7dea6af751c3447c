/**
 * Every name in the extension's IndexedDB, in one module without zod or
 * Dexie: the popup's boot path (peek.ts) reads the database raw and must stay
 * a few kilobytes (test/e2e/bundle.spec.ts). The typed, parsed accessors for
 * the `meta` rows are in meta-items.ts; nothing outside lib/db/ spells a key.
 */

/** The IndexedDB database every extension page shares (Dexie and the popup's peek). */
export const DB_NAME = 'incident-capture';

/** The incidents projection and the indexes the peek reads (declared in schema.ts). */
export const INCIDENTS_STORE = 'incidents';
export const STATUS_INDEX = 'status';
/** Since v6 (issue 13): one entry per incident, `[leadId, statusRank, lastActivityAt]`; statusRank 0 is active, 1 resolved. */
export const LEAD_STATUS_INDEX = '[leadId+statusRank+lastActivityAt]';

/** The `meta` table's rows with one fixed key. */
export const META_KEY = {
  clock: 'clock',
  nodeId: 'nodeId',
  syncState: 'sync:state',
  syncDirty: 'sync:dirty',
  /** Before issue 12: events the one Slack webhook got (read once, so the migrated destination does not repost them). */
  slackPosted: 'slack:posted',
  announceDeliveries: 'announce:deliveries',
  announceStatus: 'announce:status',
} as const;

/** The `meta` table's rows keyed per team or per incident: prefix + id. */
export const META_PREFIX = {
  cursor: 'cursor:',
  incidentNumber: 'incidentNumber:',
  seen: 'seen:',
} as const;
