import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { foldAll } from '../incidents/fold-all';
import { incidentFacts } from '../insights/facts';
import type { IncidentEvent } from '../model/event';

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
const v1Stores = {
  events: 'id, [incidentId+hlc], hlc',
  incidents: 'id, status, lastActivityAt, leadId, [statusRank+lastActivityAt]',
  blobs: 'id, incidentId',
  outbox: '++seq, &eventId',
  meta: 'key',
};

/** The projection is a cache of the log: refolding it is always a valid upgrade. */
async function refoldProjections(tx: Transaction): Promise<void> {
  const events = (await tx.table('events').toArray()) as IncidentEvent[];
  const rows = foldAll(events);
  await tx.table('incidents').clear();
  await tx.table('incidents').bulkPut(rows);
  // From v6 the Insights facts are folded with the rows (lib/incidents/projection.ts).
  if (tx.storeNames.includes('facts')) {
    await tx.table('facts').clear();
    await tx.table('facts').bulkPut(rows.map(incidentFacts));
  }
}

const v5Stores = {
  ...v1Stores,
  outbox: '++seq, &eventId, teamId, [teamId+authorId]',
  deadLetters: 'eventId, incidentId',
  quarantine: '++id, teamId',
};

/**
 * v6 (issue 13, 20,000 incidents): the side panel reads a page of a view off
 * an index instead of every row — Mine and Major get compound indexes that
 * order like Active and Resolved; search looks words up in a multi-entry
 * index (`*searchWords`, lib/incidents/search-words.ts); the review queue
 * reads only what resolved in its window (`resolvedAt`); and Insights reads
 * its own small rows (`facts`, lib/insights/facts.ts) by date. Refold so old
 * rows gain the words, the first customer update and the facts.
 */
const v6Stores = {
  ...v5Stores,
  incidents:
    'id, status, lastActivityAt, leadId, resolvedAt, [statusRank+lastActivityAt], [leadId+statusRank+lastActivityAt], [severity+statusRank+lastActivityAt], *searchWords, openFollowUpCount',
  facts: 'id, declaredAt, resolvedAt, lastAt',
};

export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  { version: 1, stores: v1Stores },
  // v2 (screenshots): incidents gain `screenshotCount`; refold so old rows have it.
  { version: 2, stores: v1Stores, upgrade: refoldProjections },
  // v3 (team sync): events the server refused, and pulled rows that did not parse.
  // The outbox indexes teamId so "N pending" counts only what will be pushed.
  {
    version: 3,
    stores: { ...v1Stores, outbox: '++seq, &eventId, teamId', deadLetters: 'eventId, incidentId', quarantine: '++id, teamId' },
  },
  // v4 (running incidents as a team): rows gain reviewers, customer-update
  // counts and search text; refold so old rows have them.
  {
    version: 4,
    stores: { ...v1Stores, outbox: '++seq, &eventId, teamId', deadLetters: 'eventId, incidentId', quarantine: '++id, teamId' },
    upgrade: refoldProjections,
  },
  // v5 (authority over the record): outbox rows carry their author, so only
  // the signed-in account's events are pushed and another account's wait.
  {
    version: 5,
    stores: {
      ...v1Stores,
      outbox: '++seq, &eventId, teamId, [teamId+authorId]',
      deadLetters: 'eventId, incidentId',
      quarantine: '++id, teamId',
    },
    upgrade: async (tx) => {
      const rows = (await tx.table('outbox').toArray()) as { eventId: string; authorId?: string }[];
      const events = (await tx.table('events').bulkGet(rows.map((r) => r.eventId))) as (IncidentEvent | undefined)[];
      await tx.table('outbox').bulkPut(rows.map((r, i) => ({ ...r, authorId: events[i]?.authorId ?? '' })));
    },
  },
  { version: 6, stores: v6Stores, upgrade: refoldProjections },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function applySchema(db: Dexie, upTo = LATEST_VERSION): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upTo) break;
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
