import type { IncidentEvent } from '../model/event';
import { compareEvents } from '../model/order';
import type { FollowUp, Incident } from '../model/incident';
import { incidentAuthority, isDeclaration } from './authority';
import { toSearchWords } from './search-words';

/** Search looks at this much of an incident's text (title and summary come first). */
export const SEARCH_TEXT_MAX = 20_000;

/**
 * Folds one incident's events into its current state.
 *
 * Events are sorted by (hlc, id) first, so the result does not depend on the
 * order in which events arrived: every device that holds the same set of events
 * computes the same row. Field changes are last-writer-wins in that order.
 * Returns null until the `declared` event is present (a teammate's later event
 * can arrive before it during sync).
 */
export function foldIncident(events: readonly IncidentEvent[]): Incident | null {
  const ordered = [...events].sort(compareEvents);
  // Only the incident's own declaration seeds it (./authority.ts): a second
  // `declared`, however early its clock, takes nothing over.
  const declared = ordered.find(isDeclaration);
  if (!declared || declared.kind !== 'declared') return null;
  const { hidden, ignored } = incidentAuthority(ordered);

  const followUps = new Map<string, FollowUp>();
  const participants = new Set<string>();
  const reviewers = new Set<string>();
  const searchable: string[] = [];
  const incident: Incident = {
    id: declared.incidentId,
    teamId: declared.teamId,
    title: declared.body.title,
    summary: declared.body.summary ?? '',
    severity: declared.body.severity,
    status: 'active',
    statusRank: 0,
    outcome: null,
    leadId: declared.body.leadId,
    leadName: declared.body.leadName,
    declaredBy: declared.authorId,
    declaredAt: declared.createdAt,
    resolvedAt: null,
    lastActivityAt: declared.createdAt,
    sourceUrl: declared.body.sourceUrl ?? null,
    eventCount: 0,
    noteCount: 0,
    screenshotCount: 0,
    followUps: [],
    openFollowUpCount: 0,
    participantIds: [],
    reviewerIds: [],
    customerUpdateCount: 0,
    lastCustomerUpdateAt: null,
    firstCustomerUpdateAt: null,
    searchText: '',
    searchWords: [],
  };

  for (const e of ordered) {
    if (e.incidentId !== incident.id || ignored.has(e.id)) continue;
    incident.eventCount += 1;
    if (e.kind !== 'reviewed' && e.kind !== 'feedback' && e.kind !== 'reaction') participants.add(e.authorId);
    if (e.createdAt > incident.lastActivityAt) incident.lastActivityAt = e.createdAt;
    switch (e.kind) {
      case 'declared':
        break; // seeds the row above
      case 'title_changed':
        incident.title = e.body.title;
        break;
      case 'summary_changed':
        incident.summary = e.body.summary;
        break;
      case 'severity_changed':
        incident.severity = e.body.severity;
        break;
      case 'lead_changed':
        incident.leadId = e.body.leadId;
        incident.leadName = e.body.leadName;
        break;
      case 'status_changed':
        incident.status = e.body.status;
        if (e.body.status === 'resolved') {
          incident.outcome = e.body.outcome;
          incident.resolvedAt = e.createdAt;
        } else {
          incident.outcome = null;
          incident.resolvedAt = null;
        }
        break;
      case 'note':
        incident.noteCount += 1;
        searchable.push(e.body.text);
        break;
      case 'follow_up_added':
        if (!followUps.has(e.body.followUpId)) {
          followUps.set(e.body.followUpId, {
            id: e.body.followUpId,
            text: e.body.text,
            ...(e.body.ownerId ? { ownerId: e.body.ownerId } : {}),
            done: false,
            addedAt: e.createdAt,
          });
        }
        break;
      case 'follow_up_done': {
        const item = followUps.get(e.body.followUpId);
        if (item) {
          item.done = e.body.done;
          if (e.body.done) item.doneAt = e.createdAt;
          else delete item.doneAt;
        }
        break;
      }
      case 'follow_up_linked': {
        // Anyone in the team may link, as anyone may tick a follow-up off
        // (./authority.ts). A link naming no follow-up of this incident changes nothing.
        const item = followUps.get(e.body.followUpId);
        if (item && e.body.url) item.link = e.body.url;
        else if (item) delete item.link;
        break;
      }
      case 'screenshot':
        incident.screenshotCount += 1;
        break;
      case 'redacted':
        break; // counted by incidentAuthority: only the author's or the lead's
      case 'customer_update':
        incident.customerUpdateCount += 1;
        if (!incident.lastCustomerUpdateAt || e.createdAt > incident.lastCustomerUpdateAt) incident.lastCustomerUpdateAt = e.createdAt;
        if (!incident.firstCustomerUpdateAt || e.createdAt < incident.firstCustomerUpdateAt) incident.firstCustomerUpdateAt = e.createdAt;
        searchable.push(e.body.text);
        break;
      case 'reviewed':
        reviewers.add(e.authorId);
        break;
      case 'feedback':
      case 'reaction':
        break;
    }
  }

  incident.screenshotCount -= ordered.filter((e) => e.kind === 'screenshot' && hidden.has(e.id)).length;
  incident.statusRank = incident.status === 'active' ? 0 : 1;
  incident.followUps = [...followUps.values()];
  incident.openFollowUpCount = incident.followUps.filter((f) => !f.done).length;
  incident.participantIds = [...participants].sort();
  incident.reviewerIds = [...reviewers].sort();
  incident.searchText = [incident.title, incident.summary, ...searchable].join('\n').toLowerCase().slice(0, SEARCH_TEXT_MAX);
  incident.searchWords = toSearchWords(incident.searchText);
  return incident;
}
