import type { IncidentDatabase } from '../db/database';
import { projectionTables } from '../incidents/projection';
import { incidentNumbers, pullCursors } from '../db/meta-items';
import type { IncidentEvent } from '../model/event';
import { applyPulled, ingestPage, markDirty, type PulledPage } from './apply';
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

/**
 * Pulls this team's events after the persisted cursor, page by page, until
 * caught up, then retries what earlier pulls held back. Every row is
 * validated and judged (lib/sync/ingest.ts); one that does not parse or may
 * not apply yet is quarantined with the reason and does not stop the pull.
 */
export async function pullTeam(
  db: IncidentDatabase,
  transport: SyncTransport,
  teamId: string,
  {
    limit = 500,
    now = () => Date.now(),
    onApplied,
  }: { limit?: number; now?: () => number; onApplied?: (fresh: IncidentEvent[]) => void } = {},
): Promise<PullResult> {
  const result: PullResult = { added: 0, quarantined: 0, recovered: 0, cursor: await readCursor(db, teamId) };
  for (;;) {
    const page = await transport.pull(teamId, result.cursor, limit);
    // The cursor never moves backwards, whatever the server says.
    const before = result.cursor;
    const cursor = Math.max(before, page.cursor);
    // Caught up: a short page. A full page that did not move the cursor would loop forever: stop there too.
    const final = page.events.length < limit || cursor === before;
    const receivedAt = new Date(now()).toISOString();
    const sorted = sortRows(page.events.map((raw) => ({ raw, receivedAt })), teamId);
    const { added, held, fresh } = await applyPulled(db, { ...sorted, cursor, final }, now());
    if (fresh.length) onApplied?.(fresh);
    result.added += added;
    result.quarantined += held;
    result.cursor = cursor;
    if (final) break;
  }
  const recovered = await retryQuarantined(db, teamId, now());
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
 */
export async function retryQuarantined(db: IncidentDatabase, teamId: string, nowMs: number): Promise<IncidentEvent[]> {
  return db.transaction('rw', [db.events, ...projectionTables(db), db.meta, db.blobs, db.quarantine], async () => {
    // In the order they arrived (by id within the team index): server order.
    const rows = await db.quarantine.where('teamId').equals(teamId).toArray();
    if (!rows.length) return [];
    await db.quarantine.bulkDelete(rows.map((r) => r.id!));
    const page = sortRows(rows.map((r) => ({ raw: r.row, receivedAt: r.receivedAt })), teamId);
    const { fresh } = await ingestPage(db, page, nowMs);
    await markDirty(db, fresh, true);
    await incidentNumbers.putAll(db, page.numbers);
    return fresh;
  });
}
