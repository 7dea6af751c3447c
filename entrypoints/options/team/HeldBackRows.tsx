import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentDatabase } from '../../../lib/db/database';
import { formatDateTime } from '../../../lib/format/time';
import { heldBackByReason } from '../../../lib/sync/held-back';

/**
 * Teammates' entries this device has pulled but not applied (lib/sync/ingest.ts):
 * a clock far ahead, a row this version cannot read, a forged redaction. None
 * is dropped: every sync tries them again.
 */
export function HeldBackRows({ db, teamId }: { db: IncidentDatabase; teamId: string }) {
  const groups = useLiveQuery(async () => heldBackByReason(await db.quarantine.where('teamId').equals(teamId).toArray()), [teamId]);
  if (!groups?.length) return null;
  const total = groups.reduce((n, g) => n + g.count, 0);
  return (
    <>
      <h3>Held back from the team ({total})</h3>
      <p className="muted">Pulled but not applied on this device. They are tried again on every sync, so they apply once they can.</p>
      <ul aria-label="Held back entries">
        {groups.map((g) => (
          <li key={g.reason}>
            {g.reason}: {g.count === 1 ? '1 entry' : `${g.count} entries`}, first on {formatDateTime(g.firstReceivedAt)}
          </li>
        ))}
      </ul>
    </>
  );
}
