import type { IncidentDatabase } from '../db/database';

const NODE_KEY = 'nodeId';

/**
 * This device's clock node id: random, made once, kept in `meta`. It breaks
 * ties between two devices that stamp the same millisecond and counter.
 */
export async function readNodeId(db: IncidentDatabase): Promise<string> {
  const row = await db.meta.get(NODE_KEY);
  if (typeof row?.value === 'string') return row.value;
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const node = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await db.meta.put({ key: NODE_KEY, value: node });
  return node;
}
