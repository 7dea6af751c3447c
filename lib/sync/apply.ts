import type { IncidentDatabase, QuarantineRow } from '../db/database';
import { dirtyIncidentsItem, incidentNumbers, pullCursors } from '../db/meta-items';
import type { IncidentEvent } from '../model/event';
import { judgeIncoming, storeAdmitted } from './ingest';

/** One pulled page, sorted by `sortRows` (./pull.ts). */
export interface PulledPage {
  teamId: string;
  /** Well-formed events for this team, in server order, with the raw row each came from. */
  events: { event: IncidentEvent; raw: unknown; serverSeq: number; receivedAt: string }[];
  numbers: Map<string, number>;
  /** Rows that do not parse (yet): a newer extension's kind, a malformed row, another team's. */
  quarantined: Omit<QuarantineRow, 'id'>[];
}

/**
 * Applies one pulled page in a single transaction: events judged by the one
 * ingest path (lib/sync/ingest.ts), the admitted ones into the log (ids already
 * held are skipped: set union), redactions scrub what they hide, everything
 * held back into quarantine with its reason (pending, retried on every pull),
 * server numbers kept, and the cursor moved — so a worker killed mid-pull
 * resumes exactly after the last page it applied.
 *
 * Touched incidents are not refolded here but listed, in the same
 * transaction, as dirty (so nothing is forgotten if the worker dies);
 * `refoldDirty` (./refold-dirty.ts) folds them in small transactions every
 * few pages and at the end. Refolding an incident rereads all its events:
 * doing it per page made a long catch-up quadratic, and doing all of them in
 * the last page's transaction held the incidents table for as long as 20,000
 * refolds take, so every view waited.
 */
export async function applyPulled(
  db: IncidentDatabase,
  page: PulledPage & { cursor: number },
  nowMs: number,
): Promise<{ added: number; held: number; fresh: IncidentEvent[] }> {
  return db.transaction('rw', ingestTables(db), async () => {
    const { fresh, held } = await ingestPage(db, page, nowMs);
    await markDirty(db, fresh);
    await incidentNumbers.putAll(db, page.numbers);
    await pullCursors.putAll(db, [[page.teamId, page.cursor]]);
    return { added: fresh.length, held, fresh };
  });
}

/**
 * What applying pulled rows writes: the log, redaction scrubs (events and
 * blobs), held-back rows, and meta (dirty list, numbers, cursor, clock). Not
 * the projection tables: nothing here writes them, and a transaction that
 * held them would make every list in the side panel wait for it (IndexedDB
 * queues a reader behind an overlapping writer).
 */
export const ingestTables = (db: IncidentDatabase) => [db.events, db.meta, db.blobs, db.quarantine] as const;

/** Judges and stores one page's events; what is held back joins the quarantine. Inside a transaction. */
export async function ingestPage(db: IncidentDatabase, page: PulledPage, nowMs: number) {
  const { admitted, held } = await judgeIncoming(db, page.events.map((e) => e.event), nowMs);
  const fresh = await storeAdmitted(db, admitted, nowMs);
  const pulled = new Map(page.events.map((e) => [e.event.id, e]));
  const quarantined = [
    ...page.quarantined,
    ...held.map(({ event, reason }) => {
      const { serverSeq, raw, receivedAt } = pulled.get(event.id)!;
      return { teamId: page.teamId, serverSeq, reason, row: raw, receivedAt };
    }),
  ];
  if (quarantined.length) await db.quarantine.bulkAdd(quarantined);
  return { fresh, held: quarantined.length };
}

/** Lists touched incidents as dirty (persisted: a killed pull resumes). Inside a transaction. */
export async function markDirty(db: IncidentDatabase, fresh: readonly IncidentEvent[]): Promise<void> {
  if (!fresh.length) return;
  const dirty = new Set<string>(await dirtyIncidentsItem.get(db));
  const before = dirty.size;
  for (const e of fresh) dirty.add(e.incidentId);
  if (dirty.size !== before) await dirtyIncidentsItem.put(db, [...dirty]);
}
