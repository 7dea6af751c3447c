import type { IncidentDatabase } from './database';

/** How much the stored screenshots take on this device. */
export async function screenshotUsage(db: IncidentDatabase): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  await db.blobs.each((b) => {
    count += 1;
    bytes += b.bytes.size;
  });
  return { count, bytes };
}
