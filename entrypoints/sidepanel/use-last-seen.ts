import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { lastSeenItems } from '../../lib/db/meta-items';
import { markSeen } from '../../lib/incidents/catch-up-marker';

/**
 * The last-seen point of one incident on this device, as it was when the
 * incident was opened (`undefined` while read, `null` for none): a snapshot,
 * so the "New since you last looked" marker stays put while the person reads,
 * however often `markEndSeen` records that they reached the end.
 */
export function useLastSeen(db: IncidentDatabase, incidentId: string) {
  const [atOpen, setAtOpen] = useState<{ incidentId: string; hlc: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    void lastSeenItems.get(db, incidentId).then((hlc) => live && setAtOpen({ incidentId, hlc: hlc ?? null }));
    return () => {
      live = false;
    };
  }, [db, incidentId]);
  // Written once per newer clock, not on every scroll event at the end.
  const written = useRef<{ incidentId: string; hlc: string } | null>(null);
  const markEndSeen = useCallback(
    (hlc: string) => {
      const w = written.current;
      if (w && w.incidentId === incidentId && w.hlc >= hlc) return;
      written.current = { incidentId, hlc };
      void markSeen(db, incidentId, hlc);
    },
    [db, incidentId],
  );
  return { seenAtOpen: atOpen?.incidentId === incidentId ? atOpen.hlc : undefined, markEndSeen };
}
