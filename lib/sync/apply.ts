import { formatHlc, type Hlc, parseHlc, receive } from '../clock/hlc';
import type { IncidentDatabase, QuarantineRow } from '../db/database';
import { refold } from '../incidents/append';
import { readNodeId } from '../incidents/node-id';
import { scrubScreenshotEvent } from '../incidents/screenshots';
import type { IncidentEvent } from '../model/event';

export const cursorKey = (teamId: string) => `cursor:${teamId}`;
/** Incidents with pulled events not yet folded into their rows (persisted: a killed pull resumes). */
export const DIRTY_KEY = 'sync:dirty';
export const numberKey = (incidentId: string) => `incidentNumber:${incidentId}`;

/**
 * Applies one pulled page in a single transaction: new events into the log
 * (ids already held are skipped: set union), redactions scrub what they hide,
 * malformed rows into quarantine, the clock advanced past every pulled event,
 * server numbers kept, and the cursor moved — so a worker killed mid-pull
 * resumes exactly after the last page it applied.
 *
 * Touched incidents are refolded on the last page of a pull (`final`), not on
 * every page: refolding an incident rereads all its events, and doing that per
 * page made a long catch-up quadratic. Until then they are listed, in the same
 * transaction, as dirty, so nothing is forgotten if the worker dies.
 */
export async function applyPulled(
  db: IncidentDatabase,
  page: {
    teamId: string;
    events: IncidentEvent[];
    numbers: Map<string, number>;
    quarantined: Omit<QuarantineRow, 'id'>[];
    cursor: number;
    final: boolean;
  },
  nowMs: number,
): Promise<{ added: number; fresh: IncidentEvent[] }> {
  return db.transaction('rw', [db.events, db.incidents, db.meta, db.blobs, db.quarantine], async () => {
    const held = await db.events.bulkGet(page.events.map((e) => e.id));
    const fresh = page.events.filter((_, i) => !held[i]);
    if (fresh.length) await db.events.bulkAdd(fresh);

    const touched = new Set(fresh.map((e) => e.incidentId));
    for (const e of fresh) {
      if (e.kind !== 'redacted') continue;
      const target = await db.events.get(e.body.eventId);
      if (target?.kind === 'screenshot') await scrubScreenshotEvent(db, target);
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
    const dirtyRow = await db.meta.get(DIRTY_KEY);
    const dirty = new Set<string>([...((dirtyRow?.value as string[] | undefined) ?? []), ...touched]);
    if (page.final) {
      for (const id of dirty) await refold(db, id);
      dirty.clear();
    }
    await db.meta.put({ key: DIRTY_KEY, value: [...dirty] });
    for (const [incidentId, n] of page.numbers) await db.meta.put({ key: numberKey(incidentId), value: n });
    await db.meta.put({ key: cursorKey(page.teamId), value: page.cursor });
    return { added: fresh.length, fresh };
  });
}
