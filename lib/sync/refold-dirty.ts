import type { IncidentDatabase } from '../db/database';
import { dirtyIncidentsItem } from '../db/meta-items';
import { refold } from '../incidents/append';
import { projectionTables } from '../incidents/projection';

/**
 * Incidents refolded per transaction. A side panel opened mid-sync waits for
 * the chunk in progress: with 200 its first row came 2.1–3.4 s after opening
 * (bench/first-sync.run.ts, 20,000 events), with 50 1.8–1.9 s, and the sync
 * took as long (11 s).
 */
export const REFOLD_CHUNK = 50;

/**
 * Folds the incidents a pull marked dirty, `chunk` at a time, each chunk in
 * its own transaction that also writes the shrinking dirty list: a worker
 * killed between chunks resumes with what is left, and between chunks the
 * side panel's read transactions get their turn (IndexedDB runs a reader
 * that overlaps a readwrite transaction only after it ends:
 * https://w3c.github.io/IndexedDB/#transaction-scheduling).
 * Returns how many incidents were folded.
 */
export async function refoldDirty(
  db: IncidentDatabase,
  { chunk = REFOLD_CHUNK, onChunk }: { chunk?: number; onChunk?: (left: number) => void } = {},
): Promise<number> {
  let folded = 0;
  for (;;) {
    const { done, left } = await db.transaction('rw', [db.events, ...projectionTables(db), db.meta], async () => {
      const dirty = await dirtyIncidentsItem.get(db);
      const batch = dirty.slice(0, Math.max(1, chunk));
      for (const id of batch) await refold(db, id);
      if (batch.length) await dirtyIncidentsItem.put(db, dirty.slice(batch.length));
      return { done: batch.length, left: dirty.length - batch.length };
    });
    folded += done;
    if (done) onChunk?.(left);
    if (!left) return folded;
  }
}
