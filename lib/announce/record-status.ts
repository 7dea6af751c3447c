import type { IncidentDatabase } from '../db/database';
import { announceStatusItem, type DestinationStatus } from '../db/meta-items';

/**
 * Sets one destination's last status, leaving the others as they are. Read
 * and written in one Dexie transaction: the sender's destinations and a test
 * message from Options record at the same time, and a read-modify-write
 * outside a transaction would let one overwrite another.
 */
export function recordStatus(db: IncidentDatabase, destinationId: string, status: DestinationStatus): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const current = await announceStatusItem.get(db);
    await announceStatusItem.put(db, { ...current, [destinationId]: status });
  });
}
