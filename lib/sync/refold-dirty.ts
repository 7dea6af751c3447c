import type { IncidentDatabase } from '../db/database';
import { dirtyIncidentsItem } from '../db/meta-items';
import { refold } from '../incidents/append';
import { projectionTables } from '../incidents/projection';

/** Incidents refolded per transaction: ~200 × 50 events is a few tens of milliseconds of holding the incidents table. */
export const REFOLD_CHUNK = 200;

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
