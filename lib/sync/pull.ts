import type { IncidentDatabase } from '../db/database';
import { incidentNumbers, pullCursors } from '../db/meta-items';
import type { IncidentEvent } from '../model/event';
import { applyPulled, ingestPage, ingestTables, markDirty, type PulledPage } from './apply';
import { REFOLD_CHUNK, refoldDirty } from './refold-dirty';
import { fromRow } from './row';
import type { SyncTransport } from './transport';

export interface PullResult {
  added: number;
  /** Rows held back by this pull (pending: retried on every later pull). */
  quarantined: number;
  /** Rows held back earlier that applied this time. */
  recovered: number;
  cursor: number;
}

export async function readCursor(db: IncidentDatabase, teamId: string): Promise<number> {
  return (await pullCursors.get(db, teamId)) ?? 0;
}

/**
 * Sorts raw `pull_events` rows: well-formed events, numbers, and rows that do
 * not parse. A row the server emptied is skipped: its `redacted` event hides it.
 * `receivedAt` is when each row first reached this device.
 */
export function sortRows(rows: readonly { raw: unknown; receivedAt: string }[], teamId: string): PulledPage {
  const page: PulledPage = { teamId, events: [], numbers: new Map(), quarantined: [] };
  for (const { raw, receivedAt } of rows) {
    const row = fromRow(raw);
    if (row.status === 'malformed') {
      page.quarantined.push({ teamId, serverSeq: row.serverSeq, reason: row.reason, row: raw, receivedAt });
    } else if (row.status === 'redacted') {
      continue;
    } else if (row.event.teamId !== teamId) {
      page.quarantined.push({ teamId, serverSeq: row.serverSeq, reason: 'Row belongs to another team', row: raw, receivedAt });
    } else {
      page.events.push({ event: row.event, raw, serverSeq: row.serverSeq, receivedAt });
      if (row.incidentNumber !== null) page.numbers.set(row.event.incidentId, row.incidentNumber);
    }
  }
  return page;
}

/** How far a long pull has come: events received so far of the total counted at its start (null: unknown). */
export interface PullProgress {
  done: number;
  total: number | null;
}

export interface PullOptions {
  /** Events a page (pull_events clamps it to 1..1000). */
  limit?: number;
  now?: () => number;
  onApplied?: (fresh: IncidentEvent[]) => void;
  /** Told after every page of a pull longer than one page (the progress line). */
  onProgress?: (progress: PullProgress) => unknown;
  /** Pages between two folds of what is dirty, so incidents appear while a long pull runs. */
  foldEveryPages?: number;
  /** Incidents refolded per transaction (./refold-dirty.ts). */
  foldChunk?: number;
}

/**
 * Pulls this team's events after the persisted cursor, page by page, until
 * caught up, then retries what earlier pulls held back. Every row is
 * validated and judged (lib/sync/ingest.ts); one that does not parse or may
 * not apply yet is quarantined with the reason and does not stop the pull.
 *
 * A first sync of a big team (issue 13: 1,000,000 events) stays usable and
 * goes at about the server's pace: one page is fetched while the previous one
 * is applied; pull_status counts what lies ahead once, so progress reads "340,000 of
 * 1,000,000" (a server without it: no total); touched incidents are folded
 * every `foldEveryPages` pages and at the end, in small transactions, so they
 * appear while the pull runs and no view waits long for the tables. An
 * incident's events arrive close together in server order, so each is folded
 * about once: the cost stays linear.
 */
export async function pullTeam(
  db: IncidentDatabase,
  transport: SyncTransport,
  teamId: string,
  { limit = 500, now = () => Date.now(), onApplied, onProgress, foldEveryPages = 10, foldChunk = REFOLD_CHUNK }: PullOptions = {},
): Promise<PullResult> {
  const result: PullResult = { added: 0, quarantined: 0, recovered: 0, cursor: await readCursor(db, teamId) };
  // A hint only: a server without pull_status, or any trouble asking, means no total.
  const asked = transport.status ? transport.status(teamId, result.cursor).catch(() => null) : Promise.resolve(null);
  let next = transport.pull(teamId, result.cursor, limit);
  next.catch(() => undefined); // awaited below, after the count
  const total = (await asked)?.remaining ?? null;
  let done = 0;
  if (total !== null && total > limit) await onProgress?.({ done, total });
  for (let pages = 1; ; pages++) {
    const page = await next;
    // The cursor never moves backwards, whatever the server says.
    const before = result.cursor;
    const cursor = Math.max(before, page.cursor);
    // Caught up: a short page. A full page that did not move the cursor would loop forever: stop there too.
    const final = page.events.length < limit || cursor === before;
    // The next page is asked for while this one is applied: the server and
    // the network work while IndexedDB does. Nothing is persisted by asking;
    // if the worker dies, the next pull starts after the last page applied.
    if (!final) {
      next = transport.pull(teamId, cursor, limit);
      next.catch(() => undefined); // seen when awaited; not unhandled if this page's apply fails first
    }
    const receivedAt = new Date(now()).toISOString();
    const sorted = sortRows(page.events.map((raw) => ({ raw, receivedAt })), teamId);
    const { added, held, fresh } = await applyPulled(db, { ...sorted, cursor }, now());
    if (fresh.length) onApplied?.(fresh);
    result.added += added;
    result.quarantined += held;
    result.cursor = cursor;
    done += page.events.length;
    if (final) break;
    // Rows pushed since the count make the pull longer than its total: never show "1,200 of 1,000".
    await onProgress?.({ done, total: total === null ? null : Math.max(total, done) });
    if (pages % foldEveryPages === 0) await refoldDirty(db, { chunk: foldChunk });
  }
  const recovered = await retryQuarantined(db, teamId, now());
  await refoldDirty(db, { chunk: foldChunk });
  if (recovered.length) onApplied?.(recovered);
  result.recovered = recovered.length;
  result.added += recovered.length;
  return result;
}

/**
 * Nothing pulled is dropped: rows held back earlier are judged again after
 * every pull, so a device whose clock ran ahead applies once real time catches
 * up, a redaction applies once its entry arrives, and an event kind from a
 * newer version applies once this extension is updated (a worker start after
 * an update syncs). What still may not apply goes back with today's reason.
 * What applies is marked dirty; the caller folds it (`refoldDirty`).
 */
export async function retryQuarantined(db: IncidentDatabase, teamId: string, nowMs: number): Promise<IncidentEvent[]> {
  return db.transaction('rw', ingestTables(db), async () => {
    // In the order they arrived (by id within the team index): server order.
    const rows = await db.quarantine.where('teamId').equals(teamId).toArray();
    if (!rows.length) return [];
    await db.quarantine.bulkDelete(rows.map((r) => r.id!));
    const page = sortRows(rows.map((r) => ({ raw: r.row, receivedAt: r.receivedAt })), teamId);
    const { fresh } = await ingestPage(db, page, nowMs);
    await markDirty(db, fresh);
    await incidentNumbers.putAll(db, page.numbers);
    return fresh;
  });
}
