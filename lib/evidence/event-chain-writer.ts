import Dexie from 'dexie';
import type { IncidentDatabase } from '../db/database';
import type { IncidentEvent } from '../model/event';
import { compareEvents } from '../model/order';
import { canonicalJson, genesisHash, nextHash } from './chain';
import { EVENTS_HEAD, EVENTS_TAIL } from './pack-format';

/** Events read per IndexedDB request: a page in memory at a time. */
const PAGE = 2_000;

/**
 * Writes events.json: the events of `incidents` in the log's order, (hlc, id)
 * across all of them (lib/model/order.ts), each with its link of the chain
 * (./chain.ts), one entry per line. The `hlc` index is read in pages; an
 * index orders equal keys by primary key (the id), which is exactly
 * compareEvents. A page never ends inside a run of equal hlc: the run is read
 * whole, so paging by "above the last hlc" skips nothing.
 */
export async function writeEventChain(
  db: IncidentDatabase,
  out: { write(text: string): void; close(): void },
  incidents: ReadonlySet<string>,
  onPage?: (written: number) => void,
  pageSize = PAGE,
): Promise<{ events: number; head: string }> {
  out.write(`${EVENTS_HEAD}\n`);
  let head = genesisHash();
  let events = 0;
  let after: string | null = null;
  if (incidents.size) {
    for (;;) {
      const page = await readPage(db, after, pageSize);
      if (!page.length) break;
      for (const event of page) {
        if (!incidents.has(event.incidentId)) continue;
        const canonical = canonicalJson(event);
        head = nextHash(head, canonical);
        out.write(`${events ? ',\n' : ''}{"event":${canonical},"hash":"${head}"}`);
        events++;
      }
      after = page.at(-1)!.hlc;
      onPage?.(events);
    }
  }
  out.write(`${events ? '\n' : ''}${EVENTS_TAIL}\n`);
  out.close();
  return { events, head };
}

async function readPage(db: IncidentDatabase, after: string | null, size: number): Promise<IncidentEvent[]> {
  const range = after === null ? db.events.where('hlc').above(Dexie.minKey) : db.events.where('hlc').above(after);
  const page = await range.limit(size).toArray();
  if (page.length < size) return page;
  const last = page.at(-1)!.hlc;
  const run = await db.events.where('hlc').equals(last).toArray();
  return [...page.filter((e) => e.hlc !== last), ...run].sort(compareEvents);
}
