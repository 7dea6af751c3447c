import Dexie from 'dexie';
import type { IncidentDatabase } from '../db/database';
import type { Incident } from '../model/incident';

export const VIEWS = ['active', 'mine', 'major', 'not_involved', 'resolved'] as const;
export type View = (typeof VIEWS)[number];

export const VIEW_LABEL: Record<View, string> = {
  active: 'Active',
  mine: 'Mine',
  major: 'Major',
  not_involved: 'Not involved',
  resolved: 'Resolved',
};

/** How far back the review queue looks. */
export const REVIEW_WINDOW_DAYS = 30;

/** Whether I took part: led it, or added anything but a review, feedback or a reaction. */
export function involved(incident: Incident, me: string): boolean {
  return incident.leadId === me || incident.participantIds.includes(me);
}

/**
 * The primary keys of one `[...prefix, statusRank, lastActivityAt]` range,
 * most recent activity first. Read forwards with one getAllKeys and reversed
 * here: keys only, no row is read or cloned (Dexie turns a plain range's
 * `primaryKeys()` into `IDBIndex.getAllKeys`; a reverse read would walk a
 * key cursor where IndexedDB 3's getAllKeys direction is missing). Equal
 * times come newest id first (ids are UUIDv7, so the later declared).
 */
async function keysByActivity(db: IncidentDatabase, index: string, prefix: readonly (string | number)[]): Promise<string[]> {
  const keys = await db.incidents
    .where(index)
    .between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey], true, true)
    .primaryKeys();
  return keys.reverse();
}

/** Active first (statusRank 0), then resolved, each by last activity. */
async function activeFirst(db: IncidentDatabase, index: string, prefix: readonly string[]): Promise<string[]> {
  const [active, resolved] = await Promise.all([keysByActivity(db, index, [...prefix, 0]), keysByActivity(db, index, [...prefix, 1])]);
  return [...active, ...resolved];
}

/**
 * One side-panel view as the ordered ids of its incidents (last activity
 * first, active first where both appear). At 20,000 incidents (issue 13) a
 * view is read as keys off its v6 index — the list knows its length and
 * order, and reads rows only for what shows (`readIncidents`). The review
 * queue reads the rows resolved within its window (`resolvedAt`), which the
 * window bounds, to test who took part.
 */
export async function viewIds(db: IncidentDatabase, view: View, me: string, nowMs: number): Promise<string[]> {
  switch (view) {
    case 'active':
      return keysByActivity(db, '[statusRank+lastActivityAt]', [0]);
    case 'resolved':
      return keysByActivity(db, '[statusRank+lastActivityAt]', [1]);
    case 'mine':
      return activeFirst(db, '[leadId+statusRank+lastActivityAt]', [me]);
    case 'major':
      return activeFirst(db, '[severity+statusRank+lastActivityAt]', ['major']);
    case 'not_involved': {
      const since = new Date(nowMs - REVIEW_WINDOW_DAYS * 86_400_000).toISOString();
      const recent = await db.incidents.where('resolvedAt').aboveOrEqual(since).toArray();
      return recent
        .filter((i) => i.status === 'resolved' && !involved(i, me) && !i.reviewerIds.includes(me))
        .sort((a, b) => ((a.resolvedAt ?? '') < (b.resolvedAt ?? '') ? 1 : (a.resolvedAt ?? '') > (b.resolvedAt ?? '') ? -1 : 0))
        .map((i) => i.id);
    }
  }
}

/**
 * The first `limit` ids of one `[...prefix, statusRank, lastActivityAt]`
 * range, in `keysByActivity`'s order, off a reverse key cursor that stops
 * at `limit`: what the list shows first costs its 40 keys, whatever the size
 * of the view (issue 13: reading a 7,924-key view took ~390 ms of the
 * list's 746 ms). A reverse cursor over an index returns equal index keys by
 * primary key descending too (IndexedDB 3, "iterate a cursor", direction
 * "prev"), so ties come newest id first, as in the whole view.
 */
function headByActivity(db: IncidentDatabase, index: string, prefix: readonly (string | number)[], limit: number): Promise<string[]> {
  return db.incidents
    .where(index)
    .between([...prefix, Dexie.minKey], [...prefix, Dexie.maxKey], true, true)
    .reverse()
    .limit(limit)
    .primaryKeys();
}

async function headActiveFirst(db: IncidentDatabase, index: string, prefix: readonly string[], limit: number): Promise<string[]> {
  const active = await headByActivity(db, index, [...prefix, 0], limit);
  if (active.length >= limit) return active;
  return [...active, ...(await headByActivity(db, index, [...prefix, 1], limit - active.length))];
}

/**
 * The first `limit` ids of a view: `viewIds(...).slice(0, limit)`, read
 * without the rest. The side panel shows these first and reads the whole
 * view's keys after (for scrolling and search). The review queue is bounded
 * by its window and sorted in memory, so it is read whole.
 */
export async function viewHead(db: IncidentDatabase, view: View, me: string, nowMs: number, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  switch (view) {
    case 'active':
      return headByActivity(db, '[statusRank+lastActivityAt]', [0], limit);
    case 'resolved':
      return headByActivity(db, '[statusRank+lastActivityAt]', [1], limit);
    case 'mine':
      return headActiveFirst(db, '[leadId+statusRank+lastActivityAt]', [me], limit);
    case 'major':
      return headActiveFirst(db, '[severity+statusRank+lastActivityAt]', ['major'], limit);
    case 'not_involved':
      return (await viewIds(db, view, me, nowMs)).slice(0, limit);
  }
}

/**
 * The rows for some ids (a page of a view), in the same order. An id whose
 * row is gone since its view was read (a rebuild removed it) is left out;
 * a row changed since comes as it is now, and the view's live ids move it.
 */
export async function readIncidents(db: IncidentDatabase, ids: readonly string[]): Promise<Incident[]> {
  const rows = await db.incidents.bulkGet([...ids]);
  return rows.filter((row): row is Incident => row !== undefined);
}

/** A whole view's rows, in order (tests and tools; the side panel reads a window of `viewIds`). */
export async function listView(db: IncidentDatabase, view: View, me: string, nowMs: number): Promise<Incident[]> {
  return readIncidents(db, await viewIds(db, view, me, nowMs));
}

/** A Major incident overdue for a customer update: none yet, or the last one too long ago. */
export function customerUpdateDue(incident: Incident, nowMs: number, afterMinutes: number): boolean {
  if (incident.severity !== 'major' || incident.status !== 'active') return false;
  const since = Date.parse(incident.lastCustomerUpdateAt ?? incident.declaredAt);
  return nowMs - since >= afterMinutes * 60_000;
}
