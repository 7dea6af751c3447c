import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { IncidentDatabase } from '../../lib/db/database';
import { DeclareForm } from '../../components/DeclareForm';
import { SeverityBadge, StatusBadge } from '../../components/SeverityBadge';
import { SyncIndicator } from '../../components/SyncIndicator';
import { Timestamp } from '../../components/Timestamp';
import { useNow } from '../../components/use-now';
import type { DomainContext } from '../../lib/incidents/context';
import { incidentRef } from '../../lib/incidents/numbers';
import { keepFound, searchIds } from '../../lib/incidents/search';
import { customerUpdateDue, viewHead, viewIds, VIEW_LABEL, VIEWS, type View } from '../../lib/incidents/views';
import { FollowUpsView } from './FollowUpsView';
import { PAGE, readListPage, type ListPage } from './list-page';

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
  // First the view's first page: its ids off a reverse key cursor that stops at PAGE, and their rows, so
  // the first rows cost 40 keys however long the view (lib/incidents/views.ts viewHead). Once those show,
  // every id of the view (keys only), for scrolling and search; a search then reads only its prefix
  // ranges and is intersected in memory, never re-reading the view. Each result is tagged with what it
  // was read for: while the next view or query is read, the last result stays on screen.
  const head = useLiveQuery(async () => {
    if (view === 'follow_ups') return null;
    const ids = await viewHead(ctx.db, view, me, Date.now(), PAGE);
    return { view, ids, page: await readListPage(ctx.db, ids) };
  }, [view, me, day]);
  const headIn = head?.view === view;
  const whole = useLiveQuery(
    async () => (view === 'follow_ups' || !headIn ? undefined : { view, ids: await viewIds(ctx.db, view, me, Date.now()) }),
    [view, me, day, headIn],
  );
  const found = useLiveQuery(async () => ({ query: deferredQuery, ids: await searchIds(ctx.db, deferredQuery) }), [deferredQuery]);
  const shown = useShownIds(head, whole, found);
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
                <p className="muted">{shown.searched ? `Nothing matches “${shown.searched}”.` : EMPTY[view]}</p>
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

type Tagged<T> = ({ view: View } & T) | null | undefined;

interface Shown {
  ids: string[];
  head: ListPage;
  /** The query these ids answer ('' for none), for "Nothing matches". */
  searched: string;
}

/**
 * What the list shows: with no search, the whole view's ids once read, and
 * until then its first page; with a search, the view's ids it found, in the
 * view's order (the first page's rows are reused where they match). Nothing
 * (Loading…) before the first page; while a search waits for the view's ids
 * (they come a moment after its first page), the last result stays.
 */
function useShownIds(
  head: Tagged<{ ids: string[]; page: ListPage }>,
  whole: Tagged<{ ids: string[] }>,
  found: { query: string; ids: Set<string> | null } | undefined,
): Shown | undefined {
  const last = useRef<Shown | undefined>(undefined);
  const wholeIds = head && whole?.view === head.view ? whole.ids : undefined;
  const foundIds = found?.ids;
  const kept = useMemo(() => (wholeIds && foundIds ? keepFound(wholeIds, foundIds) : undefined), [wholeIds, foundIds]);
  if (!head || !found) return last.current;
  if (!found.ids) last.current = { ids: wholeIds ?? head.ids, head: head.page, searched: '' };
  else if (kept) last.current = { ids: kept, head: head.page, searched: found.query };
  return last.current;
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
  /** The first page's rows, read with the view. */
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
  // The first page's rows came with the view (and are live with it); a window they do not cover (scrolled
  // down, or a search's matches) is read on its own, live, so an edit to a row that shows redraws it.
  const covered = ids.slice(first, last).every((id) => head.rows.has(id));
  const further = useLiveQuery(async () => (covered ? null : readListPage(db, ids.slice(first, last))), [ids, first, last, covered]);
  // Before that window is read: rows the first page has, and blank rows for the rest, a moment.
  const rowOf = (id: string) => (covered ? undefined : further?.rows.get(id)) ?? head.rows.get(id);
  const numberOf = (id: string) => (covered ? undefined : further?.numbers.get(id)) ?? head.numbers.get(id);
  return (
    <ul className="incident-list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {items.map((row) => {
        const i = rowOf(ids[row.index]!);
        const style = { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` } as const;
        // Scrolled to before its page is read: a blank row of the estimated height, for a moment.
        if (!i) return <li key={row.key} data-index={row.index} aria-hidden="true" className="pending" style={{ ...style, height: 58 }} />;
        return (
          <li key={row.key} data-index={row.index} ref={virtualizer.measureElement} style={style}>
            <button type="button" className="link title" onClick={() => onOpen(i.id)}>
              {i.title}
            </button>
            <div className="meta row">
              {numberOf(i.id) !== undefined && <span className="mono">{incidentRef(numberOf(i.id))}</span>}
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
