import { useAction } from '../../../components/use-action';
import type { Destination } from '../../../lib/announce/destination';
import { TOPIC_LABEL } from '../../../lib/announce/topic-labels';
import type { DestinationStatus } from '../../../lib/db/meta-items';
import { formatDateTime } from '../../../lib/format/time';
import { ask } from '../team/ask';
import { AllowSending, useHostAllowed } from './AllowSending';
import { destinationName } from './destination-name';

/** One destination in the list: what it receives, how the last message went, and what can be done with it. */
export function DestinationItem({
  destination,
  status,
  locked,
  onEdit,
  onRemove,
}: {
  destination: Destination;
  status: DestinationStatus | undefined;
  /** Set by the organisation's policy: shown, tested, sent to, never edited here. */
  locked: boolean;
  onEdit?: () => void;
  onRemove?: () => void;
}) {
  const name = destinationName(destination);
  const test = useAction(() => ask({ type: 'testDestination', id: destination.id }));
  const allowed = useHostAllowed(destination.url);
  return (
    <li className="card stack" aria-label={name}>
      <strong>{name}</strong>
      {locked && <span className="muted">Set by your organisation</span>}
      <span className="muted">
        Sends: {destination.topics.length ? destination.topics.map((t) => TOPIC_LABEL[t]).join(', ') : 'nothing'}
      </span>
      {status && (
        <p className={status.ok ? 'muted' : 'error'}>
          Last message, {formatDateTime(status.at)}: {status.message}
        </p>
      )}
      {allowed.granted === false && <AllowSending url={destination.url} onAllowed={allowed.recheck} />}
      <div className="row">
        <button type="button" onClick={() => void test.run()} disabled={test.busy}>
          Send a test message
        </button>
        {!locked && (
          <>
            <button type="button" onClick={onEdit}>
              Edit
            </button>
            <button type="button" onClick={onRemove}>
              Remove
            </button>
          </>
        )}
      </div>
      {test.error && (
        <p className="error" role="alert">
          {test.error.message}
        </p>
      )}
    </li>
  );
}
