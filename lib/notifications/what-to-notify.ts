import type { IncidentEvent } from '../model/event';
import type { TeamSettings } from '../settings/team-settings';

/**
 * How old a pulled event may be (by its author's clock) and still notify: two
 * hours, so a teammate whose clock runs an hour behind still rings, while
 * history pulled on joining a team or after days offline does not.
 */
export const FRESH_FOR_MS = 2 * 3_600_000;

export interface Notice {
  incidentId: string;
  /** Why it rings: being made lead asks more of me than a Major incident does, so it is shown first. */
  reason: 'made-lead' | 'major-declared';
  title: string;
  message: string;
}

/**
 * Desktop notifications for teammates' events that ask something of me: a
 * Major incident declared (people should join in), or the lead handed to me.
 * My own events never notify me; each kind can be switched off in Options.
 */
export function noticesFor(
  events: readonly IncidentEvent[],
  me: string,
  settings: Pick<TeamSettings, 'notifyMajorDeclared' | 'notifyMadeLead'>,
  nameOf: (id: string) => string,
  nowMs = Date.now(),
): Notice[] {
  const notices: Notice[] = [];
  for (const e of events) {
    if (e.authorId === me) continue;
    // Only news: joining a team (or coming back after a week offline) pulls history, which must not ring.
    if (nowMs - Date.parse(e.createdAt) > FRESH_FOR_MS) continue;
    if (e.kind === 'declared') {
      if (e.body.leadId === me && settings.notifyMadeLead) {
        notices.push({ incidentId: e.incidentId, reason: 'made-lead', title: `You are leading: ${e.body.title}`, message: `${nameOf(e.authorId)} declared it and made you the lead.` });
      } else if (e.body.severity === 'major' && settings.notifyMajorDeclared) {
        notices.push({ incidentId: e.incidentId, reason: 'major-declared', title: `Major incident: ${e.body.title}`, message: `${e.body.leadName} is leading. Join in if you can help.` });
      }
    } else if (e.kind === 'lead_changed' && e.body.leadId === me && settings.notifyMadeLead) {
      notices.push({ incidentId: e.incidentId, reason: 'made-lead', title: 'You are now leading an incident', message: `${nameOf(e.authorId)} handed you the lead.` });
    }
  }
  return notices;
}
