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

const byActivity = (a: Incident, b: Incident) => (a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0);
const activeFirst = (a: Incident, b: Incident) => a.statusRank - b.statusRank || byActivity(a, b);

/** Whether I took part: led it, or added anything but a review, feedback or a reaction. */
export function involved(incident: Incident, me: string): boolean {
  return incident.leadId === me || incident.participantIds.includes(me);
}

/**
 * One side-panel view, sorted by last activity (active first where both
 * appear). Reads come off the projection's indexes; the rest is filtered in
 * memory, which stays in the tens of milliseconds at 2,000 incidents.
 */
export async function listView(db: IncidentDatabase, view: View, me: string, nowMs: number): Promise<Incident[]> {
  switch (view) {
    case 'active':
      return (await db.incidents.where('status').equals('active').toArray()).sort(byActivity);
    case 'resolved':
      return (await db.incidents.where('status').equals('resolved').toArray()).sort(byActivity);
    case 'mine':
      return (await db.incidents.where('leadId').equals(me).toArray()).sort(activeFirst);
    case 'major':
      return (await db.incidents.filter((i) => i.severity === 'major').toArray()).sort(activeFirst);
    case 'not_involved': {
      const since = new Date(nowMs - REVIEW_WINDOW_DAYS * 86_400_000).toISOString();
      const resolved = await db.incidents.where('status').equals('resolved').toArray();
      return resolved
        .filter((i) => (i.resolvedAt ?? '') >= since && !involved(i, me) && !i.reviewerIds.includes(me))
        .sort((a, b) => ((a.resolvedAt ?? '') < (b.resolvedAt ?? '') ? 1 : -1));
    }
  }
}

/** Every word of the query must appear in the incident's title, summary or notes. */
export function searchIncidents(incidents: readonly Incident[], query: string): Incident[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...incidents];
  return incidents.filter((i) => words.every((w) => i.searchText.includes(w)));
}

/** A Major incident overdue for a customer update: none yet, or the last one too long ago. */
export function customerUpdateDue(incident: Incident, nowMs: number, afterMinutes: number): boolean {
  if (incident.severity !== 'major' || incident.status !== 'active') return false;
  const since = Date.parse(incident.lastCustomerUpdateAt ?? incident.declaredAt);
  return nowMs - since >= afterMinutes * 60_000;
}
