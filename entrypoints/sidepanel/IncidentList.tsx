import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import { DeclareForm } from '../../components/DeclareForm';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { SyncIndicator } from '../../components/SyncIndicator';
import { Timestamp } from '../../components/Timestamp';
import { useNow } from '../../components/use-now';
import type { DomainContext } from '../../lib/incidents/context';
import { incidentRef, readIncidentNumbers } from '../../lib/incidents/numbers';
import { customerUpdateDue, listView, searchIncidents, VIEW_LABEL, VIEWS, type View } from '../../lib/incidents/views';
import type { Incident } from '../../lib/model/incident';
import { FollowUpsView } from './FollowUpsView';

const EMPTY: Record<View | 'follow_ups', string> = {
  active: 'Nothing active. All quiet.',
  mine: 'You lead no incidents.',
  major: 'No Major incidents.',
  not_involved: 'Nothing to review: you took part in every recent incident, or reviewed it.',
  resolved: 'No resolved incidents yet.',
  follow_ups: '',
};

/**
 * The team's incidents: views (Active, Mine, Major, Not involved, Resolved,
 * and every open follow-up), search over titles and notes, newest activity
 * first. Rows are windowed, so thousands of incidents render only what shows.
 */
export function IncidentList({ ctx, onOpen, nudgeMinutes }: { ctx: DomainContext; onOpen: (id: string) => void; nudgeMinutes: number }) {
  const now = useNow();
  const [view, setView] = useState<View | 'follow_ups'>('active');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [declaring, setDeclaring] = useState(false);
  const searchId = useId();
  const me = ctx.actor.userId;
  const day = Math.floor(now / 86_400_000);
  const incidents = useLiveQuery(
    async () => (view === 'follow_ups' ? [] : listView(ctx.db, view, me, Date.now())),
    [view, me, day],
  );
  const numbers = useLiveQuery(() => readIncidentNumbers(ctx.db), []) ?? new Map<string, number>();
  const anyAtAll = useLiveQuery(async () => (await ctx.db.incidents.count()) > 0, []);
  const shown = incidents ? searchIncidents(incidents, deferredQuery) : undefined;

  return (
    <>
      <header>
        <h1>Incidents</h1>
        <SyncIndicator db={ctx.db} teamId={ctx.teamId ?? null} />
        <button type="button" className="link" onClick={() => window.open('/insights.html', '_blank', 'noopener')}>Insights</button>
        <button type="button" onClick={() => setDeclaring((d) => !d)} aria-expanded={declaring}>
          {declaring ? 'Cancel' : 'New incident'}
        </button>
      </header>
      {declaring && (
        <div className="card" style={{ marginBottom: 16 }}>
          <DeclareForm ctx={ctx} initialTitle="" onDeclared={(incident) => onOpen(incident.id)} />
        </div>
      )}
      {anyAtAll === false ? (
        <div className="empty">
          <p>No incidents yet.</p>
          <p>
            When something interrupts normal work, declare it from the toolbar button (Alt+Shift+I) or with “New
            incident” above. Declaring costs seconds and shows everyone who is on it.
          </p>
        </div>
      ) : (
        <>
          <div className="row views" role="group" aria-label="Show">
            {[...VIEWS, 'follow_ups' as const].map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                {v === 'follow_ups' ? 'Follow-ups' : VIEW_LABEL[v]}
              </button>
            ))}
          </div>
          {view === 'follow_ups' ? (
            <FollowUpsView ctx={ctx} onOpen={onOpen} />
          ) : (
            <>
              <div className="field search">
                <label htmlFor={searchId} className="visually-hidden">
                  Search incidents
                </label>
                <input
                  id={searchId}
                  type="search"
                  placeholder="Search titles and notes"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </div>
              {!shown ? (
                <p className="muted" aria-busy="true">
                  Loading…
                </p>
              ) : shown.length === 0 ? (
                <p className="muted">{query ? `Nothing matches “${query}”.` : EMPTY[view]}</p>
              ) : (
                <Rows
                  incidents={shown}
                  numbers={numbers}
                  now={now}
                  onOpen={onOpen}
                  label={`${VIEW_LABEL[view]} incidents`}
                  nudgeMinutes={nudgeMinutes}
                />
              )}
            </>
          )}
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
  nudgeMinutes,
}: {
  incidents: Incident[];
  numbers: Map<string, number>;
  now: number;
  onOpen: (id: string) => void;
  label: string;
  nudgeMinutes: number;
}) {
  const virtualizer = useWindowVirtualizer({ count: incidents.length, estimateSize: () => 58, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  return (
    <ul className="incident-list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((row) => {
        const i = incidents[row.index]!;
        return (
          <li
            key={i.id}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
          >
            <button type="button" className="link title" onClick={() => onOpen(i.id)}>
              {i.title}
            </button>
            <div className="meta row">
              {numbers.has(i.id) && <span className="mono">{incidentRef(numbers.get(i.id))}</span>}
              <SeverityBadge severity={i.severity} />
              <StatusBadge status={i.status} />
              <strong>{i.status === 'active' ? `${i.leadName} is leading` : `Led by ${i.leadName}`}</strong>
              <span>
                · declared <Timestamp iso={i.declaredAt} now={now} relativeOnly />
              </span>
              {customerUpdateDue(i, now, nudgeMinutes) && <span className="badge major">Update customers</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
