import { formatHlc, type Hlc, parseHlc, receive } from '../clock/hlc';
import type { IncidentDatabase, QuarantineRow } from '../db/database';
import { refold } from '../incidents/append';
import { readNodeId } from '../incidents/node-id';
import type { IncidentEvent } from '../model/event';

export const cursorKey = (teamId: string) => `cursor:${teamId}`;
export const numberKey = (incidentId: string) => `incidentNumber:${incidentId}`;

/**
 * Applies one pulled page in a single transaction: new events into the log
 * (ids already held are skipped: set union), redactions scrub what they hide,
 * malformed rows into quarantine, the clock advanced past every pulled event,
 * touched incidents refolded, server numbers kept, and the cursor moved — so a
 * worker killed mid-pull resumes exactly after the last page it applied.
 */
export async function applyPulled(
  db: IncidentDatabase,
  page: {
    teamId: string;
    events: IncidentEvent[];
    numbers: Map<string, number>;
    quarantined: Omit<QuarantineRow, 'id'>[];
    cursor: number;
  },
  nowMs: number,
): Promise<{ added: number }> {
  return db.transaction('rw', [db.events, db.incidents, db.meta, db.blobs, db.quarantine], async () => {
    const held = await db.events.bulkGet(page.events.map((e) => e.id));
    const fresh = page.events.filter((_, i) => !held[i]);
    if (fresh.length) await db.events.bulkAdd(fresh);

    const touched = new Set(fresh.map((e) => e.incidentId));
    for (const e of fresh) {
      if (e.kind !== 'redacted') continue;
      const target = await db.events.get(e.body.eventId);
      if (target?.kind === 'screenshot') {
        await db.blobs.delete(target.body.blobId);
        await db.events.put({ ...target, body: { ...target.body, thumbnail: '' } });
      }
    }
    if (page.quarantined.length) await db.quarantine.bulkAdd(page.quarantined);

    if (page.events.length) {
      const node = await readNodeId(db);
      const row = await db.meta.get('clock');
      let clock: Hlc | null = typeof row?.value === 'string' ? parseHlc(row.value) : null;
      const latest = page.events.reduce((max, e) => (e.hlc > max ? e.hlc : max), page.events[0]!.hlc);
      clock = receive(clock, parseHlc(latest), nowMs, node);
      await db.meta.put({ key: 'clock', value: formatHlc(clock) });
    }
    for (const id of touched) await refold(db, id);
    for (const [incidentId, n] of page.numbers) await db.meta.put({ key: numberKey(incidentId), value: n });
    await db.meta.put({ key: cursorKey(page.teamId), value: page.cursor });
    return { added: fresh.length };
  });
}
