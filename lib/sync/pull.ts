import { parseHlc } from '../clock/hlc';
import type { IncidentDatabase, QuarantineRow } from '../db/database';
import type { IncidentEvent } from '../model/event';
import { applyPulled, cursorKey } from './apply';
import { fromRow } from './row';
import type { SyncTransport } from './transport';

export const MAX_CLOCK_LEAD_MS = 24 * 3_600_000;

export interface PullResult {
  added: number;
  quarantined: number;
  cursor: number;
}

export async function readCursor(db: IncidentDatabase, teamId: string): Promise<number> {
  const row = await db.meta.get(cursorKey(teamId));
  return typeof row?.value === 'number' ? row.value : 0;
}

/**
 * Pulls this team's events after the persisted cursor, page by page, until
 * caught up. Every row is validated; a malformed one is quarantined (kept with
 * the reason, never applied) and does not stop the pull.
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
  const result: PullResult = { added: 0, quarantined: 0, cursor: await readCursor(db, teamId) };
  for (;;) {
    const page = await transport.pull(teamId, result.cursor, limit);
    const events: IncidentEvent[] = [];
    const numbers = new Map<string, number>();
    const quarantined: Omit<QuarantineRow, 'id'>[] = [];
    for (const raw of page.events) {
      const row = fromRow(raw);
      if (row.status === 'event') {
        if (parseHlc(row.event.hlc).wall > now() + MAX_CLOCK_LEAD_MS) {
          // One device with a clock years ahead would drag every teammate's clock with it.
          quarantined.push({ teamId, serverSeq: row.serverSeq, reason: 'Clock more than a day ahead', row: raw, receivedAt: new Date(now()).toISOString() });
          continue;
        }
        if (row.event.teamId !== teamId) {
          quarantined.push({ teamId, serverSeq: row.serverSeq, reason: 'Row belongs to another team', row: raw, receivedAt: new Date(now()).toISOString() });
          continue;
        }
        events.push(row.event);
        if (row.incidentNumber !== null) numbers.set(row.event.incidentId, row.incidentNumber);
      } else if (row.status === 'malformed') {
        quarantined.push({ teamId, serverSeq: row.serverSeq, reason: row.reason, row: raw, receivedAt: new Date(now()).toISOString() });
      }
    }
    // The cursor never moves backwards, whatever the server says.
    const before = result.cursor;
    const cursor = Math.max(before, page.cursor);
    // Caught up: a short page. A full page that did not move the cursor would loop forever: stop there too.
    const final = page.events.length < limit || cursor === before;
    const { added, fresh } = await applyPulled(db, { teamId, events, numbers, quarantined, cursor, final }, now());
    if (fresh.length) onApplied?.(fresh);
    result.added += added;
    result.quarantined += quarantined.length;
    result.cursor = cursor;
    if (final) return result;
  }
}
