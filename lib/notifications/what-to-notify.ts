import type { IncidentEvent } from '../model/event';
import type { TeamSettings } from '../settings/team-settings';

export interface Notice {
  incidentId: string;
  title: string;
  message: string;
}

/**
 * Desktop notifications for teammates' events that ask something of me: a
 * Major incident declared (people should join in), or the lead handed to me.
 * My own events never notify me; each kind can be switched off in Options.
 */
export function noticesFor(events: readonly IncidentEvent[], me: string, settings: Pick<TeamSettings, 'notifyMajorDeclared' | 'notifyMadeLead'>, nameOf: (id: string) => string): Notice[] {
  const notices: Notice[] = [];
  for (const e of events) {
    if (e.authorId === me) continue;
    if (e.kind === 'declared') {
      if (e.body.leadId === me && settings.notifyMadeLead) {
        notices.push({ incidentId: e.incidentId, title: `You are leading: ${e.body.title}`, message: `${nameOf(e.authorId)} declared it and made you the lead.` });
      } else if (e.body.severity === 'major' && settings.notifyMajorDeclared) {
        notices.push({ incidentId: e.incidentId, title: `Major incident: ${e.body.title}`, message: `${e.body.leadName} is leading. Join in if you can help.` });
      }
    } else if (e.kind === 'lead_changed' && e.body.leadId === me && settings.notifyMadeLead) {
      notices.push({ incidentId: e.incidentId, title: 'You are now leading an incident', message: `${nameOf(e.authorId)} handed you the lead.` });
    }
  }
  return notices;
}
