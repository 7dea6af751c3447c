import { screenshotRights, type RemovalScope } from '../lib/incidents/screenshot-family';
import type { IncidentEvent } from '../lib/model/event';
import type { Incident } from '../lib/model/incident';

/** What the screenshot viewer may offer, and, where it may not, who can: said plainly, by name. */
export interface ViewerRights {
  /** Remove (and redact) the screenshot with its annotated copies, only this person's own copy, or nothing. */
  scope: RemovalScope;
  /** How many annotated copies go with a removal of the whole screenshot. */
  copies: number;
  /** Who can do what this person cannot; null when they can do everything. */
  refusal: string | null;
}

export function viewerRights(
  events: readonly IncidentEvent[],
  eventId: string,
  incident: Pick<Incident, 'leadId' | 'leadName'>,
  me: string | undefined,
  nameOf: (userId: string) => string,
): ViewerRights {
  const { family, scope } = screenshotRights(events, eventId, incident.leadId, me);
  if (!family) return { scope, copies: 0, refusal: 'This screenshot has been removed.' };
  const author = family.original.authorId;
  const people =
    author === incident.leadId
      ? `${nameOf(author)}, who took it and leads the incident,`
      : `${nameOf(author)}, who took it, or the incident's lead, ${incident.leadName},`;
  const refusal =
    scope === 'family'
      ? null
      : scope === 'copy'
        ? `You can remove your annotated copy; the original then shows again. Only ${people} can remove or redact the original.`
        : `Only ${people} can remove or redact this screenshot.`;
  return { scope, copies: family.copies.length, refusal };
}
