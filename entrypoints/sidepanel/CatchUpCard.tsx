import { SeverityBadge } from '../../components/SeverityBadge';
import { Timestamp } from '../../components/Timestamp';
import { formatDuration } from '../../lib/format/time';
import { buildCatchUp } from '../../lib/incidents/catch-up';
import type { IncidentEvent } from '../../lib/model/event';
import type { Incident } from '../../lib/model/incident';
import { CHANNEL_IN_SENTENCE, OUTCOME_REPORT_LABEL } from '../../lib/model/labels';

/**
 * "Catch up": what someone opening the incident needs first, built from the
 * record and the log (lib/incidents/catch-up.ts), never guessed. Every text a
 * teammate wrote is rendered as React text. Until the whole log is read
 * (`complete`), only what the record holds is shown.
 */
export function CatchUpCard({
  incident,
  events,
  complete,
  now,
  me,
  nameOf,
}: {
  incident: Incident;
  events: readonly IncidentEvent[];
  complete: boolean;
  now: number;
  me: string;
  nameOf: (userId: string) => string;
}) {
  const c = buildCatchUp(incident, complete ? events : [], now);
  const resolved = c.status === 'resolved';
  return (
    <section className="card catch-up" aria-labelledby="catch-up-heading">
      <h2 id="catch-up-heading">Catch up</h2>
      <dl className="facts">
        <dt>Severity</dt>
        <dd>
          <SeverityBadge severity={c.severity} />
        </dd>
        <dt>Lead</dt>
        <dd className="text">{c.leadId === me ? `${c.leadName} (you)` : c.leadName}</dd>
        <dt>{resolved ? 'Resolved after' : 'Active for'}</dt>
        <dd>
          {formatDuration(c.durationMs)}
          {resolved && c.outcome ? ` · ${OUTCOME_REPORT_LABEL[c.outcome]}` : ''}
        </dd>
        <dt>Last customer update</dt>
        <dd>
          {!complete ? (
            '…'
          ) : c.lastCustomerUpdate ? (
            <>
              <Timestamp iso={c.lastCustomerUpdate.at} now={now} /> ({CHANNEL_IN_SENTENCE[c.lastCustomerUpdate.channel]})
              <span className="text clamp"> {c.lastCustomerUpdate.text}</span>
            </>
          ) : (
            'No customer update yet'
          )}
        </dd>
        <dt>Open follow-ups</dt>
        <dd>
          {c.openFollowUps.count === 0 ? (
            'No open follow-ups'
          ) : (
            <>
              {c.openFollowUps.count}
              <ul aria-label="Open follow-ups, first few">
                {c.openFollowUps.first.map((f) => (
                  <li key={f.id} className="text">
                    {f.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </dl>
      <h3>Last notes</h3>
      {!complete ? (
        <p className="muted">Reading the log…</p>
      ) : c.lastNotes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="catch-up-notes" aria-label="Last notes">
          {c.lastNotes.map((n) => (
            <li key={n.id}>
              <div className="entry-meta">
                <span className="entry-author">{nameOf(n.authorId)}</span> <Timestamp iso={n.at} now={now} />
              </div>
              <p className={`text clamp${n.format === 'log' ? ' mono' : ''}`}>{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
