import { useLiveQuery } from 'dexie-react-hooks';
import type { IncidentDatabase } from '../../../lib/db/database';
import { formatDateTime } from '../../../lib/format/time';

/** Events the server refused for good, with its reason. */
export function RefusedEvents({ db }: { db: IncidentDatabase }) {
  const deadLetters = useLiveQuery(() => db.deadLetters.toArray(), []);
  if (!deadLetters?.length) return null;
  return (
    <>
      <h3>Refused by the server ({deadLetters.length})</h3>
      <ul aria-label="Refused events">
        {deadLetters.map((d) => (
          <li key={d.eventId}>
            <span className="mono">{d.eventId.slice(0, 8)}</span> · {formatDateTime(d.failedAt)} · {d.reason}
          </li>
        ))}
      </ul>
    </>
  );
}
