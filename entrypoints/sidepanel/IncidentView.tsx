import { useState } from 'react';
import { useNow } from '../../components/use-now';
import type { DomainContext } from '../../lib/incidents/context';
import { customerUpdateDue } from '../../lib/incidents/views';
import { CatchUpCard } from './CatchUpCard';
import { CustomerUpdate } from './CustomerUpdate';
import { FollowUps } from './FollowUps';
import { IncidentControls } from './IncidentControls';
import { IncidentHeader } from './IncidentHeader';
import { IncidentTimeline } from './IncidentTimeline';
import { ReviewPanel } from './ReviewPanel';
import { useIncident } from './use-incident';
import { useLastSeen } from './use-last-seen';

/** One incident: composes its header, the Catch up card, customer updates, controls, follow-ups, review and timeline. */
export function IncidentView({
  ctx,
  incidentId,
  onBack,
  nudgeMinutes,
}: {
  ctx: DomainContext;
  incidentId: string;
  onBack: () => void;
  nudgeMinutes: number;
}) {
  const { incident, events, complete, number, me, authorName, nameOf } = useIncident(ctx, incidentId);
  const { seenAtOpen, markEndSeen } = useLastSeen(ctx.db, incidentId);
  const now = useNow();
  const [updating, setUpdating] = useState(false);

  if (incident === undefined || events === undefined) return <p className="muted">Loading…</p>;
  if (incident === null) {
    return (
      <div className="empty">
        <p>This incident is not on this device.</p>
        <button type="button" onClick={onBack}>
          All incidents
        </button>
      </div>
    );
  }

  return (
    <article className="stack" aria-labelledby="incident-title">
      <nav>
        <button type="button" className="link" onClick={onBack}>
          ← All incidents
        </button>
      </nav>
      <IncidentHeader ctx={ctx} incident={incident} number={number} now={now} authorName={authorName} />

      <CatchUpCard incident={incident} events={events} complete={complete} now={now} me={me.id} nameOf={nameOf} />

      {customerUpdateDue(incident, now, nudgeMinutes) && !updating && (
        <div className="card nudge row" role="status">
          <span>
            No customer update for {nudgeMinutes}+ minutes on this Major incident. Customers forgive a lot when they hear
            early and often.
          </span>
          <button type="button" className="primary" onClick={() => setUpdating(true)}>
            Draft an update
          </button>
        </div>
      )}

      <details className="card" open={updating} onToggle={(e) => setUpdating(e.currentTarget.open)}>
        <summary>Customer update{incident.customerUpdateCount ? ` (${incident.customerUpdateCount} sent)` : ''}</summary>
        {updating && <CustomerUpdate ctx={ctx} incident={incident} onDone={() => setUpdating(false)} />}
      </details>

      <IncidentControls ctx={ctx} incident={incident} me={me} />

      <FollowUps ctx={ctx} incident={incident} />

      {incident.status === 'resolved' && <ReviewPanel ctx={ctx} incident={incident} />}

      <IncidentTimeline
        ctx={ctx}
        incident={incident}
        events={events}
        now={now}
        nameOf={nameOf}
        complete={complete}
        seenUpTo={seenAtOpen}
        onEndSeen={markEndSeen}
      />
    </article>
  );
}
