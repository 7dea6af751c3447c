import type { QuarantineRow } from '../db/database';

export interface HeldBackGroup {
  reason: string;
  count: number;
  firstReceivedAt: string;
}

/** Quarantined rows grouped by reason, the largest group first: what Options → Team shows. */
export function heldBackByReason(rows: readonly Pick<QuarantineRow, 'reason' | 'receivedAt'>[]): HeldBackGroup[] {
  const groups = new Map<string, HeldBackGroup>();
  for (const row of rows) {
    const group = groups.get(row.reason);
    if (!group) groups.set(row.reason, { reason: row.reason, count: 1, firstReceivedAt: row.receivedAt });
    else {
      group.count += 1;
      if (row.receivedAt < group.firstReceivedAt) group.firstReceivedAt = row.receivedAt;
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
