import type { IncidentDatabase } from '../db/database';
import { nodeIdItem } from '../db/meta-items';

/**
 * This device's clock node id: random, made once, kept in `meta`. It breaks
 * ties between two devices that stamp the same millisecond and counter.
 */
export async function readNodeId(db: IncidentDatabase): Promise<string> {
  const stored = await nodeIdItem.get(db);
  if (stored !== null) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const node = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await nodeIdItem.put(db, node);
  return node;
}
