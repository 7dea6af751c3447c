import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { DeclareForm } from '../../components/DeclareForm';
import { SyncIndicator } from '../../components/SyncIndicator';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { Timestamp } from '../../components/Timestamp';
import { useNow } from '../../components/use-now';
import type { DomainContext } from '../../lib/incidents/context';
import { incidentRef, readIncidentNumbers } from '../../lib/incidents/numbers';
import { listIncidents, RECENTLY_RESOLVED_DAYS } from '../../lib/incidents/queries';
import type { Incident } from '../../lib/model/incident';

/** The team's incidents: active first, then recently resolved. Updates live. */
export function IncidentList({ ctx, onOpen }: { ctx: DomainContext; onOpen: (id: string) => void }) {
  const now = useNow();
  // Re-query when the day rolls over so "recently resolved" stays true.
  const day = Math.floor(now / 86_400_000);
  const lists = useLiveQuery(() => listIncidents(ctx.db, Date.now()), [day]);
  const numbers = useLiveQuery(() => readIncidentNumbers(ctx.db), []) ?? new Map<string, number>();
  const [declaring, setDeclaring] = useState(false);

  return (
    <>
      <header>
        <h1>Incidents</h1>
        <SyncIndicator teamId={ctx.teamId ?? null} />
        <button type="button" onClick={() => setDeclaring((d) => !d)} aria-expanded={declaring}>
          {declaring ? 'Cancel' : 'New incident'}
        </button>
      </header>
      {declaring && (
        <div className="card" style={{ marginBottom: 16 }}>
          <DeclareForm ctx={ctx} initialTitle="" onDeclared={(incident) => onOpen(incident.id)} />
        </div>
      )}
      {!lists ? (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      ) : lists.active.length + lists.resolved.length === 0 ? (
        <div className="empty">
          <p>No incidents yet.</p>
          <p>
            When something interrupts normal work, declare it from the toolbar button (Alt+Shift+I) or with “New
            incident” above. Declaring costs seconds and shows everyone who is on it.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="active-heading">
            <h3 id="active-heading">Active ({lists.active.length})</h3>
            {lists.active.length === 0 ? (
              <p className="muted">Nothing active. All quiet.</p>
            ) : (
              <Rows incidents={lists.active} numbers={numbers} now={now} onOpen={onOpen} label="Active incidents" />
            )}
          </section>
          <section aria-labelledby="resolved-heading">
            <h3 id="resolved-heading">Resolved in the last {RECENTLY_RESOLVED_DAYS} days</h3>
            {lists.resolved.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <Rows incidents={lists.resolved} numbers={numbers} now={now} onOpen={onOpen} label="Recently resolved incidents" />
            )}
          </section>
        </>
      )}
    </>
  );
}

function Rows({
  incidents,
  numbers,
  now,
  onOpen,
  label,
}: {
  incidents: Incident[];
  numbers: Map<string, number>;
  now: number;
  onOpen: (id: string) => void;
  label: string;
}) {
  return (
    <ul className="incident-list" aria-label={label}>
      {incidents.map((i) => (
        <li key={i.id}>
          <button type="button" className="link title" onClick={() => onOpen(i.id)}>
            {i.title}
          </button>
          <div className="meta row">
            {numbers.has(i.id) && <span className="mono">{incidentRef(numbers.get(i.id))}</span>}
            <SeverityBadge severity={i.severity} />
            <StatusBadge status={i.status} />
            <span>{i.leadName} is leading</span>
            <span>
              · declared <Timestamp iso={i.declaredAt} now={now} relativeOnly />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
