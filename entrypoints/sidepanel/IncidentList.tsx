import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { DeclareForm } from '../../components/DeclareForm';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { SyncIndicator } from '../../components/SyncIndicator';
import { Timestamp } from '../../components/Timestamp';
import { useNow } from '../../components/use-now';
import type { DomainContext } from '../../lib/incidents/context';
import { incidentRef } from '../../lib/incidents/numbers';
import { keepFound, searchIds } from '../../lib/incidents/search';
import { customerUpdateDue, viewIds, VIEW_LABEL, VIEWS, type View } from '../../lib/incidents/views';
import { FollowUpsView } from './FollowUpsView';
import { PAGE, readListPage, type ListPage } from './list-page';

const EMPTY_PAGE: ListPage = { rows: new Map(), numbers: new Map() };

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
  // The view's ids in order (keys only, off its index) and the search's ids, in one live query, with the
  // first page of rows: the list knows its length at once and the first rows need no second round trip;
  // further rows are read only for the window that shows (Rows). While the next view or query is read,
  // the last result stays on screen.
  const shown = useLiveQuery(async () => {
    if (view === 'follow_ups') return { ids: [], head: EMPTY_PAGE };
    const [ids, found] = await Promise.all([viewIds(ctx.db, view, me, Date.now()), searchIds(ctx.db, deferredQuery)]);
    const kept = keepFound(ids, found);
    return { ids: kept, head: await readListPage(ctx.db, kept.slice(0, PAGE)) };
  }, [view, me, day, deferredQuery]);
  const anyAtAll = useLiveQuery(async () => (await ctx.db.incidents.limit(1).primaryKeys()).length > 0, []);

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
                  placeholder="Search words in titles and notes"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </div>
              {!shown ? (
                <p className="muted" aria-busy="true">
                  Loading…
                </p>
              ) : shown.ids.length === 0 ? (
                <p className="muted">{query ? `Nothing matches “${query}”.` : EMPTY[view]}</p>
              ) : (
                <Rows
                  db={ctx.db}
                  ids={shown.ids}
                  head={shown.head}
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

/** Before the virtualizer has measured the window: enough for a tall side panel. */
const FIRST_WINDOW = { from: 0, to: 20 };

function Rows({
  db,
  ids,
  head,
  now,
  onOpen,
  label,
  nudgeMinutes,
}: {
  db: IncidentDatabase;
  ids: string[];
  /** The first PAGE rows, read with the ids. */
  head: ListPage;
  now: number;
  onOpen: (id: string) => void;
  label: string;
  nudgeMinutes: number;
}) {
  const virtualizer = useWindowVirtualizer({ count: ids.length, estimateSize: () => 58, overscan: 10, getItemKey: (index) => ids[index]! });
  const items = virtualizer.getVirtualItems();
  const from = items.length ? items[0]!.index : FIRST_WINDOW.from;
  const to = items.length ? items[items.length - 1]!.index + 1 : FIRST_WINDOW.to;
  const first = Math.floor(from / PAGE) * PAGE;
  const last = Math.ceil(to / PAGE) * PAGE;
  // The first page came with the ids (and is live with them); further down, only the window's rows and
  // numbers, live, so an edit to a row that shows redraws it.
  const onFirstPage = last <= PAGE;
  const further = useLiveQuery(async () => (onFirstPage ? null : readListPage(db, ids.slice(first, last))), [ids, first, last, onFirstPage]);
  // Scrolled down before that window is read: the first page's rows, and blank rows for the rest, a moment.
  const page = onFirstPage ? head : (further ?? head);
  return (
    <ul className="incident-list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((row) => {
        const i = page.rows.get(ids[row.index]!);
        const style = { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` } as const;
        // Scrolled to before its page is read: a blank row of the estimated height, for a moment.
        if (!i) return <li key={row.key} data-index={row.index} aria-hidden="true" className="pending" style={{ ...style, height: 58 }} />;
        return (
          <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={style}>
            <button type="button" className="link title" onClick={() => onOpen(i.id)}>
              {i.title}
            </button>
            <div className="meta row">
              {page.numbers.has(i.id) && <span className="mono">{incidentRef(page.numbers.get(i.id))}</span>}
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
